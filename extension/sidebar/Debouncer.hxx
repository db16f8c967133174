#pragma once
// Debouncer runs an action once the caller has stopped poking it for a quiet period. Writer sends a
// modification event for every keystroke; the panel wants one refresh after the user pauses.
//
// The worker thread is detached and shares its state through a shared_ptr: stop() never joins.
// Joining could deadlock, because the action posts to LibreOffice's main thread (AsyncCallback
// takes the office's global lock) while the main thread may be the one calling stop().
// Plain C++: no UNO here, so it is unit-tested on its own.

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace dueregard::ext
{
class Debouncer
{
public:
    using Clock = std::chrono::steady_clock;

    Debouncer(std::chrono::milliseconds quiet, std::function<void()> action)
        : m_state(std::make_shared<State>())
    {
        m_state->quiet = quiet;
        m_state->action = std::move(action);
        std::thread([state = m_state] { run(*state); }).detach();
    }

    ~Debouncer() { stop(); }
    Debouncer(const Debouncer&) = delete;
    Debouncer& operator=(const Debouncer&) = delete;

    // poke (re)starts the quiet period; the action runs once it has passed without another poke.
    void poke()
    {
        {
            std::lock_guard lock(m_state->mutex);
            m_state->deadline = Clock::now() + m_state->quiet;
            m_state->pending = true;
        }
        m_state->wake.notify_one();
    }

    // setQuiet changes the quiet period for the next pokes (a setting changed).
    void setQuiet(std::chrono::milliseconds quiet)
    {
        std::lock_guard lock(m_state->mutex);
        m_state->quiet = quiet;
    }

    // stop cancels a pending action; after it returns, the action will not start again.
    void stop()
    {
        {
            std::lock_guard lock(m_state->mutex);
            m_state->stopped = true;
        }
        m_state->wake.notify_one();
    }

private:
    struct State
    {
        std::mutex mutex;
        std::condition_variable wake;
        std::chrono::milliseconds quiet{ 500 };
        Clock::time_point deadline{};
        bool pending = false;
        bool stopped = false;
        std::function<void()> action;
    };

    static void run(State& s)
    {
        std::unique_lock lock(s.mutex);
        for (;;)
        {
            s.wake.wait(lock, [&] { return s.stopped || s.pending; });
            if (s.stopped)
                return;
            // Each poke moves the deadline; wait until it has passed with no further poke.
            while (!s.stopped && Clock::now() < s.deadline)
                s.wake.wait_until(lock, s.deadline);
            if (s.stopped)
                return;
            s.pending = false;
            lock.unlock();
            s.action();
            lock.lock();
        }
    }

    std::shared_ptr<State> m_state;
};
} // namespace dueregard::ext
