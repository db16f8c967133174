// Workers: the command line's parallel batch (see Workers.hxx).

#include "Workers.hxx"

#include "../UnoStrings.hxx"
#include "FileCheck.hxx"
#include "Say.hxx"

#include <com/sun/star/uno/Exception.hpp>

#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace fs = std::filesystem;

namespace dueregard::cli
{
fs::path workerProfile(const fs::path& profile, std::size_t index)
{
    if (index == 0)
        return profile;
    return profile.parent_path()
           / (profile.filename().string() + "-worker" + std::to_string(index + 1));
}

namespace
{
struct Worker
{
    std::unique_ptr<Office> office;
    std::thread thread;
    // Guarded by Batch::mutex:
    std::optional<std::size_t> busyWith;
    std::chrono::steady_clock::time_point since;
    std::optional<std::size_t> killedFor;
};

class Batch
{
public:
    Batch(const WorkerSettings& settings, const std::vector<fs::path>& files)
        : m_settings(settings), m_files(files), m_results(files.size())
    {
    }

    void run(const std::function<void(std::size_t, report::FileReport&&)>& onReport,
             const std::function<void(std::size_t)>& onProgress)
    {
        const std::size_t count
            = std::max<std::size_t>(1, std::min(m_settings.workers, m_files.size()));
        // The first profile gets the extension installed (once per build); the others copy it.
        for (std::size_t i = 0; i < count; ++i)
        {
            OfficeOptions options = m_settings.office;
            options.profile = workerProfile(m_settings.office.profile, i);
            auto worker = std::make_unique<Worker>();
            worker->office = std::make_unique<Office>(options);
            if (i == 0)
                worker->office->prepareProfile();
            else
                worker->office->copyProfileFrom(m_settings.office.profile);
            m_workers.push_back(std::move(worker));
        }
        m_alive = count;
        for (auto& worker : m_workers)
            worker->thread = std::thread([this, w = worker.get()] { work(*w); });

        std::size_t delivered = 0;
        std::unique_lock<std::mutex> lock(m_mutex);
        while (delivered < m_files.size())
        {
            m_changed.wait_for(lock, std::chrono::milliseconds(200));
            stopOverdue();
            if (m_alive == 0)
            {
                // No office is left (none started, or none could be restarted).
                for (std::size_t i = m_next; i < m_files.size(); ++i)
                {
                    report::FileReport unread;
                    unread.file = m_files[i].string();
                    unread.error = say("cli.file.not_checked", { { "reason", m_startError } });
                    m_results[i] = std::move(unread);
                }
                m_next = m_files.size();
            }
            while (delivered < m_files.size() && m_results[delivered])
            {
                report::FileReport report = std::move(*m_results[delivered]);
                m_results[delivered].reset();
                lock.unlock();
                onReport(delivered, std::move(report));
                onProgress(delivered + 1);
                lock.lock();
                ++delivered;
            }
        }
        lock.unlock();
        for (auto& worker : m_workers)
            worker->thread.join();
        if (m_everStarted == 0)
            throw OfficeError(m_startError);
    }

private:
    // stopOverdue kills the office of any worker whose file has run over the time limit.
    void stopOverdue()
    {
        const auto now = std::chrono::steady_clock::now();
        for (auto& worker : m_workers)
            if (worker->busyWith && !worker->killedFor
                && now - worker->since > m_settings.fileTimeout)
            {
                worker->killedFor = worker->busyWith;
                worker->office->kill();
            }
    }

    void work(Worker& worker)
    {
        std::unique_ptr<engine::Engine> engine;
        try
        {
            engine = m_settings.makeEngine();
            worker.office->start();
            std::lock_guard<std::mutex> lock(m_mutex);
            ++m_everStarted;
        }
        catch (const std::exception& e)
        {
            finish(describe(e));
            return;
        }
        while (const std::optional<std::size_t> index = nextFile(worker))
        {
            bool restart = false;
            report::FileReport report = checkOne(worker, *engine, *index, restart);
            std::string restartError;
            if (restart)
            {
                try
                {
                    worker.office->restart();
                }
                catch (const std::exception& e)
                {
                    restartError = describe(e);
                }
            }
            {
                std::lock_guard<std::mutex> lock(m_mutex);
                m_results[*index] = std::move(report);
            }
            m_changed.notify_all();
            if (!restartError.empty())
            {
                finish(restartError);
                return;
            }
        }
        try
        {
            worker.office->stop();
        }
        catch (const std::exception&)
        {
            // stop() kills what does not exit; nothing more to do.
        }
        finish({});
    }

    // nextFile gives the worker the next file to check, or nothing when none is left.
    std::optional<std::size_t> nextFile(Worker& worker)
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (m_next >= m_files.size())
            return std::nullopt;
        const std::size_t index = m_next++;
        worker.busyWith = index;
        worker.since = std::chrono::steady_clock::now();
        return index;
    }

    // checkOne checks one file. When the watchdog killed the office for it, or the office failed
    // while reading it, the report says so and `restart` says the office must start again.
    report::FileReport checkOne(Worker& worker, engine::Engine& engine, std::size_t index,
                                bool& restart)
    {
        report::FileReport report;
        std::optional<std::string> officeFailure;
        try
        {
            report = checkFile(*worker.office, engine, m_settings.checkOptions, m_files[index],
                               m_settings.timings);
        }
        catch (const css::uno::Exception& e)
        {
            officeFailure = ext::toUtf8(e.Message);
        }
        catch (const std::exception& e)
        {
            officeFailure = describe(e);
        }
        bool killed = false;
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            killed = worker.killedFor == index;
            worker.busyWith.reset();
            worker.killedFor.reset();
        }
        restart = killed;
        if (killed)
        {
            report = {};
            report.error = say("cli.file.timed_out",
                               { { "seconds", std::to_string(m_settings.fileTimeout.count()) } });
        }
        else if (officeFailure)
        {
            restart = !worker.office->responsive();
            report = {};
            report.error = restart ? say("cli.file.crashed")
                                   : say("cli.file.unreadable", { { "reason", *officeFailure } });
        }
        report.file = m_files[index].string();
        return report;
    }

    void finish(const std::string& error)
    {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            if (!error.empty() && m_startError.empty())
                m_startError = error;
            --m_alive;
        }
        m_changed.notify_all();
    }

    const WorkerSettings& m_settings;
    const std::vector<fs::path>& m_files;
    std::vector<std::unique_ptr<Worker>> m_workers;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    // Guarded by m_mutex:
    std::vector<std::optional<report::FileReport>> m_results;
    std::size_t m_next = 0;
    std::size_t m_alive = 0;
    std::size_t m_everStarted = 0;
    std::string m_startError;
};
} // namespace

void checkAll(const WorkerSettings& settings, const std::vector<fs::path>& files,
              const std::function<void(std::size_t, report::FileReport&&)>& onReport,
              const std::function<void(std::size_t)>& onProgress)
{
    Batch batch(settings, files);
    batch.run(onReport, onProgress);
}
} // namespace dueregard::cli
