// Engine benchmark: prints figures, asserts nothing (speed targets are not tests).
//
// For generated EIA-like documents of 10, 100 and 300 pages it measures, in one run:
//   * a full check with a fresh engine,
//   * a re-check after one paragraph changes, reported as an editor reports it (the sidebar's
//     case): the first after the full check, and the median of 200 while typing; and after a
//     heading changes (the structure is worked out again), and unreported (every block compared),
//   * the baseline: one ICU sentence + word segmentation and case-folding pass over the same text,
// and the ratio of the full check to the baseline. Each size runs in a child process so that the
// peak memory (ru_maxrss) is that size's own.

#include "engine/Engine.hpp"
#include "text/Unicode.hpp"

#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace dueregard;
using Clock = std::chrono::steady_clock;

namespace
{
// About 500 words a page: a heading and 12 paragraphs of varied prose, each one unique.
const char* const kSentences[] = {
    "Older residents use the branch libraries more than any other group, and 31% of users are aged 65 or over compared with 19% of the district's population (Census 2021).",
    "Disabled people told us at the focus groups in January that the bus service to the central library is unreliable.",
    "We do not hold data on the sexual orientation of service users, and we will collect it through the renewal form.",
    "The proposal may have a negative impact on women, who are 62% of users, and on carers with young children.",
    "Action: extend Saturday opening at Northgate; owner: Head of Libraries; deadline: 1 June 2026; measure: visits by age.",
    "Faith groups raised concerns about Friday closures, which affect Muslim residents attending prayers nearby.",
    "The council will monitor usage quarterly by age, sex, disability and ethnicity and review this assessment in March 2027.",
    "Young Black men are more likely to be stopped and searched in the town centre, at 24.2 per 1,000 compared with 5.1 per 1,000 for White people.",
    "The mobile library timetable will be changed to visit the three rural wards where deprivation is highest.",
    "Staff were briefed and the trade unions were consulted about the revised rotas, which do not change contracted hours.",
};

model::Document generate(int pages, bool prompting)
{
    model::Document d;
    int id = 0;
    for (int p = 0; p < pages; ++p)
    {
        model::Block heading;
        heading.id = "b" + std::to_string(++id);
        heading.outlineLevel = 2;
        heading.text = text::fromUtf8("Section " + std::to_string(p + 1) + ": impact on services");
        d.blocks.push_back(heading);
        for (int i = 0; i < 12; ++i)
        {
            model::Block b;
            b.id = "b" + std::to_string(++id);
            std::string s = kSentences[(p * 7 + i) % 10];
            s += " ";
            s += kSentences[(p * 3 + i * 5 + 1) % 10];
            s += " (page " + std::to_string(p + 1) + ", paragraph " + std::to_string(i + 1) + ")";
            if (prompting)
                s += " The policy applies equally to everyone."; // a prompt in every paragraph
            b.text = text::fromUtf8(s);
            d.blocks.push_back(std::move(b));
        }
    }
    return d;
}

double ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// One ICU sentence and word segmentation pass and a case-folding pass over every block.
double baseline(const model::Document& d)
{
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> words(icu::BreakIterator::createWordInstance(icu::Locale("en", "GB"), status));
    std::unique_ptr<icu::BreakIterator> sentences(icu::BreakIterator::createSentenceInstance(icu::Locale("en", "GB"), status));
    const auto start = Clock::now();
    std::size_t count = 0;
    for (const auto& b : d.blocks)
    {
        icu::UnicodeString s(false, b.text.data(), static_cast<int32_t>(b.text.size()));
        sentences->setText(s);
        while (sentences->next() != icu::BreakIterator::DONE)
            ++count;
        words->setText(s);
        for (int32_t from = words->first(), to = words->next(); to != icu::BreakIterator::DONE; from = to, to = words->next())
        {
            icu::UnicodeString word(s, from, to - from);
            word.foldCase();
            count += static_cast<std::size_t>(word.length());
        }
    }
    const double t = ms(Clock::now() - start);
    if (count == 0)
        std::printf("(empty)\n");
    return t;
}

void run(int pages, bool prompting)
{
    const model::Document doc = generate(pages, prompting);
    std::size_t words = 0;
    for (const auto& b : doc.blocks)
        words += static_cast<std::size_t>(std::count(b.text.begin(), b.text.end(), u' ') + 1);

    std::vector<double> base, full, recheck, recheckHeading, recheckUnreported;
    engine::Engine warm; // compile the rule data once before timing
    // The block edited: a body paragraph half way through, and the heading before it.
    const std::size_t paragraph = doc.blocks.size() / 2 + 1;
    std::size_t heading = paragraph;
    while (heading > 0 && !doc.blocks[heading].isHeading())
        --heading;
    // Times one check and keeps only its count of blocks analysed, so that one result at a time
    // is alive (a result with thousands of prompts is several megabytes).
    auto timed = [](std::vector<double>& into, auto&& check) {
        const auto start = Clock::now();
        const engine::CheckResult r = check();
        into.push_back(ms(Clock::now() - start));
        return std::make_pair(r.blocksAnalysed, r.findings.size());
    };
    for (int i = 0; i < 5; ++i)
    {
        base.push_back(baseline(doc));
        engine::Engine e;
        const auto first = timed(full, [&] { return e.check(doc); });
        // Re-check after one paragraph changes, as the sidebar does after typing: the caller
        // says which block changed.
        model::Document edited = doc;
        edited.blocks[paragraph].text += u" Older disabled women are affected most.";
        const auto second = timed(recheck, [&] { return e.recheck(edited, { paragraph }); });
        // The same edit undone, unreported: every block is compared with what was checked.
        const auto third = timed(recheckUnreported, [&] { return e.check(doc); });
        // A heading edited: the reach of headings and the sections are worked out again.
        edited = doc;
        edited.blocks[heading].text += u" and staff";
        const auto fourth = timed(recheckHeading, [&] { return e.recheck(edited, { heading }); });
        if (first.second == 0 || second.first != 1 || third.first != 1 || fourth.first != 1)
            std::printf("unexpected: re-analysed %zu, %zu and %zu blocks\n", second.first, third.first, fourth.first);
    }
    // Typing: re-checks one after another, each after a word more in the same paragraph, as the
    // sidebar does at every pause (the caches are warm, unlike the first re-check's).
    std::vector<double> typing;
    {
        engine::Engine e;
        e.check(doc);
        model::Document edited = doc;
        for (int i = 0; i < 200; ++i)
        {
            edited.blocks[paragraph].text += i % 2 ? u" women" : u" older";
            const auto start = Clock::now();
            e.recheck(edited, { paragraph });
            typing.push_back(ms(Clock::now() - start));
        }
    }
    const std::string prompts = " | prompts: " + std::to_string(engine::Engine().check(doc).findings.size());
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const double b = median(base), f = median(full), r = median(recheck);
    std::printf("%5d pages %7zu words %6zu blocks | baseline %8.2f ms | full check %8.2f ms (%.2fx baseline) | "
                "re-check after one edit %7.3f ms (while typing %.3f ms; a heading %.3f ms; not reported %.3f ms) | "
                "peak memory %6.1f MB%s\n",
                pages, words, doc.blocks.size(), b, f, f / b, r, median(typing), median(recheckHeading), median(recheckUnreported),
                static_cast<double>(usage.ru_maxrss) / 1024.0, prompts.c_str());
}
} // namespace

int main(int argc, char** argv)
{
    std::vector<int> sizes = { 10, 100, 300 };
    if (argc > 1)
    {
        sizes.clear();
        for (int i = 1; i < argc; ++i)
            sizes.push_back(std::atoi(argv[i]));
    }
    std::printf("Due Regard engine benchmark (median of 5 runs; each size in its own process)\n");
    std::fflush(stdout);
    // Then the largest again with a prompt in every paragraph, as the sidebar benchmark has it.
    std::vector<std::pair<int, bool>> runs;
    for (int pages : sizes)
        runs.emplace_back(pages, false);
    runs.emplace_back(sizes.back(), true);
    for (const auto& [pages, prompting] : runs)
    {
        const pid_t pid = fork();
        if (pid == 0)
        {
            run(pages, prompting);
            std::fflush(stdout);
            _exit(0);
        }
        int status = 0;
        waitpid(pid, &status, 0);
    }
    return 0;
}
