// build/bin/dueregard: checks documents from the command line through a private headless
// LibreOffice, with the same DocumentAdapter code the sidebar uses (it runs inside the office, in
// the extension's DocumentService, so a document crosses the bridge once, as JSON).
//
//   dueregard check [--format json|text] [--jurisdiction england|wales|scotland|ni] [--language
//   en-GB|cy]
//                   [--timings] [--profile DIR] [--out DIR] [--fail-on error|warning] [--min-score
//                   N] FILE...
//
// Exit status: 0 when every file was checked (and met the thresholds), 1 when a checked file has
// a prompt at the --fail-on severity or scores below --min-score, 2 on a usage error or when any
// file could not be read (the other files are still checked).

#include "Office.hxx"
#include "Workers.hxx"
#include "engine/Jurisdictions.hpp"

#include "../UnoStrings.hxx"
#include "CliConfig.hxx"
#include "Say.hxx"
#include "Commands.hxx"

#include "engine/Language.hpp"
#include "l10n/Locale.hpp"
#include "model/DocumentJson.hpp"
#include "model/Facts.hpp"
#include "model/PlainText.hpp"
#include "policy/Policy.hpp"
#include "report/Batch.hpp"
#include "report/Report.hpp"
#include "text/Format.hpp"
#include "text/Unicode.hpp"

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/XMultiComponentFactory.hpp>
#include <com/sun/star/task/XJob.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/util/XCloseable.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fcntl.h>
#include <fstream>
#include <functional>
#include <glob.h>
#include <iostream>
#include <memory>
#include <optional>
#include <set>
#include <sys/file.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace css;
namespace fs = std::filesystem;

namespace
{
using dueregard::cli::kExitOk;
using dueregard::cli::kExitProblem;
using dueregard::cli::kExitThreshold;
using dueregard::cli::readSmallFile;
using dueregard::cli::usageError;

// The jurisdictions' ids, as --jurisdiction takes them ("england, wales, scotland, ni").
std::string jurisdictionIds()
{
    std::string ids;
    for (const auto& j : dueregard::engine::jurisdictions())
        ids += (ids.empty() ? "" : ", ") + std::string(j.id);
    return ids;
}

struct Options
{
    std::string format = "text";
    std::optional<std::string> jurisdiction;
    std::string language = std::string(dueregard::engine::kDefaultLanguage);
    bool timings = false;
    fs::path profile;
    std::optional<fs::path> out;
    std::optional<std::string> failOn; // "error" or "warning"
    std::optional<int> minScore;
    std::optional<fs::path> policy;
    std::size_t jobs = 0; // 0: as many as the machine has cores, at most 4
    long timeout = 180;   // seconds one file may take
    std::vector<fs::path> files;
};

fs::path defaultProfile()
{
    if (const char* env = std::getenv("DUEREGARD_PROFILE"); env && *env)
        return env;
    fs::path cache;
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
        cache = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home)
        cache = fs::path(home) / ".cache";
    else
        cache = fs::temp_directory_path();
    return cache / "dueregard" / (std::string("profile-") + dueregard::cli::kVersion);
}

std::string lowerExtension(const fs::path& p)
{
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

// Documents and templates (councils' assessment forms are often templates: .ott, .dotx, .dotm,
// .dot) and macro-enabled Word files (.docm, .dotm: their macros never run, see FileCheck.cxx).
bool checkable(const fs::path& p)
{
    static const std::set<std::string> kExtensions
        = { ".odt", ".ott", ".fodt", ".docx", ".docm", ".dotx", ".dotm",
            ".doc", ".dot", ".rtf",  ".txt",  ".html", ".htm",  ".pdf" };
    return kExtensions.count(lowerExtension(p)) > 0;
}

// skipReason says why a file found in a folder is not checked, for the person reading the run.
std::string skipReason(const fs::path& p)
{
    static const std::set<std::string> kOtherOffice
        = { ".ods", ".ots",  ".fods", ".xlsx", ".xlsm", ".xltx", ".xltm", ".xls",  ".csv", ".odp",
            ".otp", ".fodp", ".pptx", ".pptm", ".ppt",  ".odg",  ".otg",  ".fodg", ".vsdx" };
    using dueregard::cli::say;
    if (p.filename().string().rfind(".~lock", 0) == 0)
        return say("cli.skip.lock_file");
    const std::string ext = lowerExtension(p);
    if (kOtherOffice.count(ext) > 0)
        return say("cli.skip.other_office");
    return ext.empty() ? say("cli.skip.no_extension")
                       : say("cli.skip.extension", { { "extension", ext } });
}

// expandInputs turns folders (recursively, sorted) and glob patterns into files; anything else is
// kept as given, so that a missing file is reported rather than silently dropped.
std::vector<fs::path> expandInputs(const std::vector<fs::path>& inputs)
{
    std::vector<fs::path> files;
    std::vector<fs::path> skipped;
    for (const fs::path& input : inputs)
    {
        std::error_code ec;
        const std::string text = input.string();
        if (fs::is_directory(input, ec))
        {
            std::vector<fs::path> found;
            for (auto it = fs::recursive_directory_iterator(
                     input, fs::directory_options::skip_permission_denied, ec);
                 !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
            {
                if (!it->is_regular_file(ec))
                    continue;
                if (checkable(it->path()) && it->path().filename().string().rfind(".~lock", 0) != 0)
                    found.push_back(it->path());
                else
                    skipped.push_back(it->path());
            }
            std::sort(found.begin(), found.end());
            files.insert(files.end(), found.begin(), found.end());
        }
        else if (!fs::exists(input, ec) && text.find_first_of("*?[") != std::string::npos)
        {
            glob_t matches{};
            if (glob(text.c_str(), 0, nullptr, &matches) == 0)
                for (std::size_t i = 0; i < matches.gl_pathc; ++i)
                    files.emplace_back(matches.gl_pathv[i]);
            else
                files.push_back(input); // reported as "no such file"
            globfree(&matches);
        }
        else
            files.push_back(input);
    }
    // Named, so that nothing in a folder goes unchecked without the person knowing.
    std::sort(skipped.begin(), skipped.end());
    for (const fs::path& file : skipped)
        std::cerr << "dueregard: "
                  << dueregard::cli::say("cli.skipped", { { "file", file.string() },
                                                          { "reason", skipReason(file) } })
                  << '\n';
    return files;
}

Options parseCheck(int argc, char** argv, int first)
{
    using dueregard::cli::say;
    Options o;
    o.profile = defaultProfile();
    for (int i = first; i < argc; ++i)
    {
        const std::string a = argv[i];
        auto value = [&](const char* name) -> std::string
        {
            if (i + 1 >= argc)
                usageError(say("cli.needs_value", { { "option", name } }));
            return argv[++i];
        };
        if (a == "--format")
        {
            o.format = value("--format");
            if (o.format != "json" && o.format != "text")
                usageError(say("cli.bad_format", { { "value", o.format } }));
        }
        else if (a == "--jurisdiction")
        {
            const std::string j = value("--jurisdiction");
            if (!dueregard::engine::isJurisdiction(j))
                usageError(
                    say("cli.bad_jurisdiction", { { "ids", jurisdictionIds() }, { "value", j } }));
            o.jurisdiction = j;
        }
        else if (a == "--language")
        {
            const std::string tag = value("--language");
            const std::optional<std::string> language = dueregard::engine::languageFor(tag);
            if (!language)
                usageError(say("cli.bad_language", { { "value", tag } }));
            o.language = *language;
        }
        else if (a == "--timings")
            o.timings = true;
        else if (a == "--profile")
            o.profile = value("--profile");
        else if (a == "--out")
            o.out = fs::path(value("--out"));
        else if (a == "--fail-on")
        {
            o.failOn = value("--fail-on");
            if (*o.failOn != "error" && *o.failOn != "warning")
                usageError(say("cli.bad_fail_on", { { "value", *o.failOn } }));
        }
        else if (a == "--min-score")
        {
            const std::string n = value("--min-score");
            if (n.empty() || n.size() > 3 || n.find_first_not_of("0123456789") != std::string::npos
                || std::stoi(n) > 100)
                usageError(say("cli.bad_min_score", { { "value", n } }));
            o.minScore = std::stoi(n);
        }
        else if (a == "--policy")
            o.policy = fs::path(value("--policy"));
        else if (a == "--jobs" || a == "-j")
        {
            const std::string n = value("--jobs");
            if (n.empty() || n.size() > 2 || n.find_first_not_of("0123456789") != std::string::npos
                || std::stoi(n) < 1 || std::stoi(n) > 32)
                usageError(say("cli.bad_jobs", { { "value", n } }));
            o.jobs = static_cast<std::size_t>(std::stoi(n));
        }
        else if (a == "--timeout")
        {
            const std::string n = value("--timeout");
            if (n.empty() || n.size() > 5 || n.find_first_not_of("0123456789") != std::string::npos
                || std::stol(n) < 1)
                usageError(say("cli.bad_timeout", { { "value", n } }));
            o.timeout = std::stol(n);
        }
        else if (a == "--help" || a == "-h")
        {
            std::cout << dueregard::cli::usage();
            std::exit(kExitOk);
        }
        else if (a.size() > 1 && a[0] == '-' && a != "-")
            usageError(say("cli.unknown_option", { { "option", a } }));
        else
            o.files.emplace_back(a);
    }
    if (o.files.empty())
        usageError(say("cli.no_files"));
    o.files = expandInputs(o.files);
    if (o.files.empty())
        usageError(say("cli.no_documents"));
    if (o.jobs == 0)
        o.jobs = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 4);
    return o;
}

// ProfileLock keeps two dueregard runs from sharing one office profile at the same time
// (the second office would hand its work to the first and exit).
class ProfileLock
{
public:
    explicit ProfileLock(const fs::path& profile)
    {
        fs::create_directories(profile.parent_path());
        const std::string lockPath = profile.string() + ".lock";
        m_fd = open(lockPath.c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0600);
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(5);
        while (m_fd >= 0 && flock(m_fd, LOCK_EX | LOCK_NB) != 0)
        {
            if (std::chrono::steady_clock::now() > deadline)
                throw dueregard::cli::OfficeError(
                    dueregard::cli::say("cli.profile_in_use", { { "profile", profile.string() } }));
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        }
    }
    ~ProfileLock()
    {
        if (m_fd >= 0)
            close(m_fd);
    }
    ProfileLock(const ProfileLock&) = delete;
    ProfileLock& operator=(const ProfileLock&) = delete;

private:
    int m_fd = -1;
};

// Progress shows a bar, files done, rate and time left on a terminal, on one line that it rewrites;
// when standard error is not a terminal (a pipeline, a log) it prints nothing.
class Progress
{
public:
    explicit Progress(std::size_t total)
        : m_total(total), m_terminal(isatty(STDERR_FILENO) != 0 && total > 1),
          m_start(std::chrono::steady_clock::now())
    {
    }
    void show(std::size_t done)
    {
        if (!m_terminal || done >= m_total)
            return;
        const double seconds
            = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
        // [#########...........]  61 of 200  4.2 files/s  about 33 s left
        constexpr std::size_t kWidth = 24;
        const std::size_t filled = done * kWidth / m_total;
        const std::string bar
            = "[" + std::string(filled, '#') + std::string(kWidth - filled, '.') + "]";
        const dueregard::l10n::Arguments counts{ { "bar", bar },
                                                 { "done", std::to_string(done) },
                                                 { "total", std::to_string(m_total) } };
        std::string line;
        if (done == 0 || seconds <= 0)
            line = dueregard::cli::say("cli.progress.starting", counts);
        else
        {
            const double rate = static_cast<double>(done) / seconds;
            const double left = static_cast<double>(m_total - done) / rate;
            char rateText[32], leftText[32];
            std::snprintf(rateText, sizeof rateText, "%.1f", rate);
            std::snprintf(leftText, sizeof leftText, "%.0f", left);
            dueregard::l10n::Arguments withRate = counts;
            withRate.emplace_back("rate", rateText);
            withRate.emplace_back("left", leftText);
            line = dueregard::cli::say("cli.progress.rate", withRate);
        }
        std::cerr << "\r\033[K" << line << std::flush;
    }
    void clear()
    {
        if (m_terminal)
            std::cerr << "\r\033[K" << std::flush;
    }

private:
    std::size_t m_total;
    bool m_terminal;
    std::chrono::steady_clock::time_point m_start;
};

// What a check run uses: an engine per worker (an engine keeps a cache between checks) and the
// options of every check. A policy that cannot be read or used is a usage error, found before any
// office starts.
struct CheckSetup
{
    std::function<std::unique_ptr<dueregard::engine::Engine>()> makeEngine
        = [] { return std::make_unique<dueregard::engine::Engine>(); };
    dueregard::engine::CheckOptions checkOptions;
};

CheckSetup checkSetup(const Options& options)
{
    CheckSetup setup;
    const std::string language = options.language;
    setup.makeEngine = [language] { return std::make_unique<dueregard::engine::Engine>(language); };
    dueregard::engine::CheckSettings checkSettings;
    if (options.policy)
    {
        // A department's policy, as its users' Writer applies it.
        const std::optional<std::string> text = readSmallFile(*options.policy);
        if (!text)
            usageError(dueregard::cli::say("cli.policy_unreadable",
                                           { { "file", options.policy->string() } }));
        const fs::path folder = options.policy->parent_path();
        try
        {
            auto applied = std::make_shared<const dueregard::policy::AppliedPolicy>(
                dueregard::policy::applyPolicy(
                    dueregard::policy::readPolicy(*text, options.policy->string(),
                                                  [&](const std::string& relative)
                                                  { return readSmallFile(folder / relative); })));
            setup.makeEngine = [applied, language]
            {
                return std::make_unique<dueregard::engine::Engine>(applied->lexicon, applied->pack,
                                                                   applied->templates, language);
            };
            setup.makeEngine(); // a policy the engine refuses
            checkSettings = applied->settings;
            // The jurisdiction chosen with --jurisdiction is the person running the check's, and
            // wins even over a department's locked default.
            checkSettings.jurisdictionLocked = false;
        }
        catch (const dueregard::engine::RuleDataError& e)
        {
            usageError(dueregard::cli::say("cli.policy_unusable",
                                           { { "reason", dueregard::cli::describe(e) } }));
        }
    }
    setup.checkOptions
        = dueregard::engine::checkOptions(checkSettings, options.jurisdiction.value_or(""));
    return setup;
}

// Reports takes each file's report as it comes: prints it (JSON lines or text), names a file that
// could not be checked on standard error, notes a crossed threshold, and writes the file's own
// JSON report into the output folder; finish writes the folder's summary and HTML report.
class Reports
{
public:
    explicit Reports(const Options& options)
        : m_options(options), m_thresholds{ options.failOn, options.minScore }
    {
    }

    void take(std::size_t index, dueregard::report::FileReport&& report)
    {
        if (report.error)
        {
            m_problem = true;
            std::cerr << "dueregard: " << report.file << ": " << *report.error << '\n';
        }
        if (m_options.format == "json")
            std::cout << dueregard::report::dumpJson(dueregard::report::toJson(report)) << '\n';
        else
            std::cout << dueregard::report::toText(report);
        std::cout.flush();
        m_crossed = m_crossed || dueregard::report::crossesThreshold(report, m_thresholds);
        if (m_options.out)
        {
            std::ofstream json(*m_options.out
                                   / dueregard::report::reportFileName(index, report.file),
                               std::ios::binary);
            json << dueregard::report::dumpJson(dueregard::report::toJson(report), 2) << '\n';
            m_all.push_back(std::move(report));
        }
    }

    void finish() const
    {
        if (!m_options.out)
            return;
        std::ofstream(*m_options.out / "summary.csv", std::ios::binary)
            << dueregard::report::csvSummary(m_all);
        std::ofstream(*m_options.out / "report.html", std::ios::binary)
            << dueregard::report::htmlReport(m_all, dueregard::text::formatIsoDate(dueregard::text::isoToday(), m_options.language));
    }

    // A file that could not be checked comes first, then a crossed threshold.
    int status() const { return m_problem ? kExitProblem : m_crossed ? kExitThreshold : kExitOk; }

private:
    const Options& m_options;
    dueregard::report::Thresholds m_thresholds;
    bool m_problem = false;
    bool m_crossed = false;
    std::vector<dueregard::report::FileReport> m_all;
};

int runCheck(const Options& options)
{
    const char* oxtEnv = std::getenv("DUEREGARD_OXT");
    dueregard::cli::OfficeOptions officeOptions;
    officeOptions.soffice = dueregard::cli::kSoffice;
    officeOptions.programDir = dueregard::cli::kProgramDir;
    officeOptions.extension
        = oxtEnv && *oxtEnv ? fs::path(oxtEnv) : fs::path(dueregard::cli::kDefaultOxt);
    officeOptions.profile = fs::absolute(options.profile);
    if (options.out)
    {
        std::error_code ec;
        fs::create_directories(*options.out, ec);
        if (ec || !fs::is_directory(*options.out))
            usageError(dueregard::cli::say("cli.out_folder", { { "folder", options.out->string() },
                                                               { "reason", ec.message() } }));
    }
    Reports reports(options);
    try
    {
        const CheckSetup setup = checkSetup(options);
        ProfileLock lock(officeOptions.profile);
        dueregard::cli::WorkerSettings settings;
        settings.office = officeOptions;
        settings.workers = options.jobs;
        settings.fileTimeout = std::chrono::seconds(options.timeout);
        settings.makeEngine = setup.makeEngine;
        settings.checkOptions = setup.checkOptions;
        settings.timings = options.timings;
        Progress progress(options.files.size());
        progress.show(0);
        dueregard::cli::checkAll(
            settings, options.files,
            [&](std::size_t index, dueregard::report::FileReport&& report)
            {
                progress.clear();
                reports.take(index, std::move(report));
            },
            [&](std::size_t done) { progress.show(done); });
        progress.clear();
        reports.finish();
    }
    catch (const std::exception& e)
    {
        std::cerr << "dueregard: " << dueregard::cli::describe(e) << '\n';
        return kExitProblem;
    }
    catch (const uno::Exception& e)
    {
        std::cerr << "dueregard: "
                  << dueregard::cli::say("cli.office_failed",
                                         { { "reason", dueregard::ext::toUtf8(e.Message) } })
                  << '\n';
        return kExitProblem;
    }
    return reports.status();
}
} // namespace

namespace dueregard::cli
{
std::string usage()
{
    return say("cli.usage");
}

[[noreturn]] void usageError(const std::string& message)
{
    std::cerr << "dueregard: " << message << "\n\n" << usage();
    std::exit(kExitProblem);
}

// readSmallFile reads a policy or layer file (up to 16 MB); nothing if it cannot.
std::optional<std::string> readSmallFile(const fs::path& path)
{
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    std::ifstream in(path, std::ios::binary);
    if (ec || !in || size > 16 * 1024 * 1024)
        return std::nullopt;
    std::string content(static_cast<std::size_t>(size), '\0');
    in.read(content.data(), static_cast<std::streamsize>(content.size()));
    if (static_cast<std::size_t>(in.gcount()) != content.size())
        return std::nullopt;
    return content;
}

} // namespace dueregard::cli

namespace
{
// The language the run speaks: a valid --language, else the locale's (Say.hxx).
std::string runLanguage(int argc, char** argv)
{
    for (int i = 1; i + 1 < argc; ++i)
        if (std::string(argv[i]) == "--language")
            if (const std::optional<std::string> language
                = dueregard::engine::languageFor(argv[i + 1]))
                return *language;
    return dueregard::l10n::environmentLanguage(
        [](const char* name) -> std::optional<std::string>
        {
            const char* value = std::getenv(name);
            return value ? std::optional<std::string>(value) : std::nullopt;
        });
}
} // namespace

int main(int argc, char** argv)
{
    // A UNO bridge that writes to an office which has just exited (or been stopped for hanging)
    // must get an error it can handle, not a SIGPIPE that ends the whole batch.
    std::signal(SIGPIPE, SIG_IGN);
    dueregard::cli::setMessageLanguage(runLanguage(argc, argv));
    if (argc < 2)
        usageError(dueregard::cli::say("cli.no_command"));
    const std::string command = argv[1];
    if (command == "--version")
    {
        std::cout << "dueregard " << dueregard::cli::kVersion << '\n';
        return kExitOk;
    }
    if (command == "--help" || command == "-h" || command == "help")
    {
        std::cout << dueregard::cli::usage();
        return kExitOk;
    }
    if (command == "make-policy")
        return dueregard::cli::runMakePolicy(argc, argv);
    if (command == "rules")
        return dueregard::cli::runRulesTest(argc, argv);
    if (command != "check")
        usageError(dueregard::cli::say("cli.unknown_command", { { "command", command } }));
    const int status = runCheck(parseCheck(argc, argv, 2));
    // Leave without running UNO's static destructors, which can race the bridge's threads after
    // the office has gone; everything that matters has been flushed.
    std::cout.flush();
    std::cerr.flush();
    std::_Exit(status);
}
