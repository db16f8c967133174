#include "sidebar/Debouncer.hxx"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

using dueregard::ext::Debouncer;
using namespace std::chrono_literals;

TEST(DebouncerTest, BurstOfPokesRunsActionOnce)
{
    std::atomic<int> runs{ 0 };
    Debouncer d(50ms, [&] { ++runs; });
    for (int i = 0; i < 20; ++i)
    {
        d.poke();
        std::this_thread::sleep_for(5ms);
    }
    // Generous margin: the assertion is about the count, not the timing.
    for (int i = 0; i < 100 && runs.load() == 0; ++i)
        std::this_thread::sleep_for(10ms);
    std::this_thread::sleep_for(150ms);
    EXPECT_EQ(runs.load(), 1);
}

TEST(DebouncerTest, SeparatePausesRunSeparately)
{
    std::atomic<int> runs{ 0 };
    Debouncer d(20ms, [&] { ++runs; });
    d.poke();
    for (int i = 0; i < 100 && runs.load() < 1; ++i)
        std::this_thread::sleep_for(10ms);
    d.poke();
    for (int i = 0; i < 100 && runs.load() < 2; ++i)
        std::this_thread::sleep_for(10ms);
    EXPECT_EQ(runs.load(), 2);
}

TEST(DebouncerTest, StopCancelsPendingAction)
{
    auto runs = std::make_shared<std::atomic<int>>(0);
    {
        Debouncer d(100ms, [runs] { ++*runs; });
        d.poke();
        d.stop();
    }
    std::this_thread::sleep_for(250ms);
    EXPECT_EQ(runs->load(), 0);
}
