// build/bin/dueregard make-policy and rules test: a department's policy package, and a check of a
// department's rule layer against its own examples (see docs/admin-guide.md).

#include "Commands.hxx"
#include "CliConfig.hxx"
#include "Say.hxx"

#include "engine/Layers.hpp"
#include "engine/RuleExamples.hpp"
#include "engine/RulePack.hpp"
#include "policy/Policy.hpp"
#include "policy/Zip.hpp"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace fs = std::filesystem;

namespace dueregard::cli
{
// make-policy POLICY.json [--output FILE]: validates the policy and its layers and writes the
// policy package. A mistake is reported with the file, the field and the reason; nothing is
// written then.
int runMakePolicy(int argc, char** argv)
{
    std::optional<fs::path> policyFile, output;
    for (int i = 2; i < argc; ++i)
    {
        const std::string a = argv[i];
        if (a == "--output" || a == "-o")
        {
            if (i + 1 >= argc)
                usageError(say("cli.needs_value", { { "option", a } }));
            output = argv[++i];
        }
        else if (a.rfind("--output=", 0) == 0)
            output = a.substr(9);
        else if (!a.empty() && a[0] == '-')
            usageError(say("cli.make_policy.unknown_option", { { "option", a } }));
        else if (policyFile)
            usageError(say("cli.make_policy.one_file"));
        else
            policyFile = a;
    }
    if (!policyFile)
        usageError(say("cli.make_policy.needs_file"));
    const auto read = readSmallFile;
    const std::optional<std::string> text = read(*policyFile);
    if (!text)
    {
        std::cerr << "dueregard: " << say("cli.cannot_read", { { "file", policyFile->string() } })
                  << '\n';
        return kExitProblem;
    }
    try
    {
        const fs::path folder = policyFile->parent_path();
        const dueregard::policy::Policy policy = dueregard::policy::readPolicy(
            *text, policyFile->string(),
            [&](const std::string& relative) { return read(folder / relative); });
        const fs::path target
            = output ? *output
                     : fs::path("dueregard-policy-" + policy.id + "-" + policy.version + ".oxt");
        const std::string archive = dueregard::policy::zipArchive(
            dueregard::policy::policyPackageFiles(policy, dueregard::cli::kExtensionId));
        const fs::path partial = target.string() + ".part";
        {
            std::ofstream out(partial, std::ios::binary | std::ios::trunc);
            out << archive;
            if (!out.flush())
            {
                std::cerr << "dueregard: "
                          << say("cli.cannot_write", { { "file", partial.string() } }) << '\n';
                return kExitProblem;
            }
        }
        fs::rename(partial, target);
        std::cout << say("cli.make_policy.wrote",
                         { { "file", target.string() },
                           { "id", dueregard::policy::policyExtensionId(policy) },
                           { "version", policy.version },
                           { "organisation", policy.organisation } })
                  << '\n';
        std::string locked;
        for (const std::string& l : policy.locked)
            locked += (locked.empty() ? "" : ", ") + l;
        std::cout << say(
            "cli.make_policy.locked",
            { { "settings", locked.empty() ? say("cli.make_policy.locked_nothing") : locked } })
                  << '\n';
        std::cout << say("cli.make_policy.install", { { "file", target.string() } }) << '\n';
        if (!policy.updateFeed.empty())
        {
            // The feed, named as its address says, beside the package: publish both there.
            const fs::path feed
                = target.parent_path() / policy.updateFeed.substr(policy.updateFeed.rfind('/') + 1);
            std::ofstream out(feed, std::ios::binary | std::ios::trunc);
            out << dueregard::policy::policyUpdateFeed(policy, target.filename().string());
            if (!out.flush())
            {
                std::cerr << "dueregard: " << say("cli.cannot_write", { { "file", feed.string() } })
                          << '\n';
                return kExitProblem;
            }
            std::cout << say(
                "cli.make_policy.feed",
                { { "feed", feed.string() },
                  { "address", policy.updateFeed.substr(0, policy.updateFeed.rfind('/') + 1) } })
                      << '\n';
        }
        return kExitOk;
    }
    catch (const std::exception& e)
    {
        std::cerr << "dueregard: "
                  << say("cli.make_policy.not_built", { { "reason", dueregard::cli::describe(e) } })
                  << '\n';
        return kExitProblem;
    }
}

// `dueregard rules test LAYER.json`: a department's layer over the built-in rules, and the
// examples of each rule it adds or changes.
int runRulesTest(int argc, char** argv)
{
    namespace engine = dueregard::engine;
    if (argc != 4 || std::string(argv[2]) != "test")
        usageError(say("cli.rules.usage"));
    const std::string file = argv[3];
    const std::optional<std::string> text = readSmallFile(fs::path(file));
    if (!text)
    {
        std::cerr << "dueregard: " << say("cli.cannot_read", { { "file", file } }) << '\n';
        return kExitProblem;
    }
    try
    {
        const engine::RulePackData pack
            = engine::layeredRules(engine::builtinRulePack(), *text, file);
        int failed = 0, passed = 0;
        for (const std::string& id : engine::layerRuleIds(*text, file))
        {
            const engine::Rule* rule = pack.find(id);
            if (!rule)
            {
                std::cout << say("cli.rules.switched_off", { { "id", id } }) << '\n';
                continue;
            }
            if (rule->bad.empty() && rule->good.empty())
            {
                std::cout << say("cli.rules.no_examples", { { "id", id } }) << '\n';
                continue;
            }
            for (const engine::ExampleOutcome& o :
                 engine::runExamples(engine::builtinLexicon(), pack, { id }))
            {
                const std::string which
                    = say(o.bad ? "cli.rules.bad_example" : "cli.rules.good_example",
                          { { "number", std::to_string(o.index + 1) } });
                if (o.passed)
                {
                    ++passed;
                    continue;
                }
                ++failed;
                if (!o.bad)
                {
                    std::cout << say("cli.rules.raised", { { "id", id }, { "example", which } })
                              << '\n';
                    continue;
                }
                // What it raised instead, each prompt once with how often.
                std::vector<std::pair<std::string, int>> raised;
                for (const std::string& f : o.fired)
                {
                    const std::string prompt = f.substr(0, f.find('('));
                    auto it = std::find_if(raised.begin(), raised.end(),
                                           [&](const auto& r) { return r.first == prompt; });
                    if (it == raised.end())
                        raised.emplace_back(prompt, 1);
                    else
                        ++it->second;
                }
                std::string list;
                for (const auto& [prompt, times] : raised)
                    list += (list.empty() ? "" : ", ")
                            + (times > 1
                                   ? say("cli.rules.times", { { "prompt", prompt },
                                                              { "times", std::to_string(times) } })
                                   : prompt);
                std::cout << say("cli.rules.missed",
                                 { { "id", id },
                                   { "example", which },
                                   { "prompts", list.empty() ? say("cli.rules.nothing") : list } })
                          << '\n';
            }
        }
        std::cout << (passed == 1
                          ? say("cli.rules.summary_one", { { "failed", std::to_string(failed) } })
                          : say("cli.rules.summary", { { "passed", std::to_string(passed) },
                                                       { "failed", std::to_string(failed) } }))
                  << '\n';
        return failed > 0 ? kExitThreshold : kExitOk;
    }
    catch (const std::exception& e)
    {
        std::cerr << "dueregard: "
                  << say("cli.rules.not_loaded", { { "reason", dueregard::cli::describe(e) } })
                  << '\n';
        return kExitProblem;
    }
}

} // namespace dueregard::cli
