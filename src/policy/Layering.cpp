#include "policy/Layering.hpp"

#include "engine/Layers.hpp"

namespace dueregard::policy
{
namespace
{
// How each layer is named in errors, and what a user reads when it cannot be used.
struct Wording
{
    const char* file;
    const char* problem; // "%s" is replaced by the reason
};

struct Words
{
    Wording groups, rules, severities, templates, glossary;
};

constexpr Words kForUsers{
    { "your organisation's groups", "Your organisation's groups could not be used (%s)." },
    { "your organisation's rules", "Your organisation's rules could not be used (%s); the built-in rules apply." },
    { "the severity settings", "A severity setting could not be used (%s)." },
    { "your organisation's templates", "Your organisation's templates could not be used (%s); the built-in templates apply." },
    { "your organisation's glossary", "Your organisation's glossary could not be used (%s); the built-in glossary applies." },
};

constexpr Words kStrictly{
    { "the policy's groups", nullptr },     { "the policy's rules", nullptr },
    { "the policy's severities", nullptr }, { "the policy's templates", nullptr },
    { "the policy's glossary", nullptr },
};

// Layer runs one layering step: with a problem wording, a failure is recorded and the data below
// is kept; without one, it propagates.
class Layer
{
public:
    explicit Layer(std::vector<std::string>& problems) : m_problems(problems) {}

    template <typename Step> void operator()(const Wording& wording, Step step)
    {
        if (!wording.problem)
        {
            step(wording.file);
            return;
        }
        try
        {
            step(wording.file);
        }
        catch (const std::exception& e)
        {
            std::string text = wording.problem;
            text.replace(text.find("%s"), 2, e.what());
            m_problems.push_back(std::move(text));
        }
    }

private:
    std::vector<std::string>& m_problems;
};

LayeredData layered(const LayerSources& in, const Words& words)
{
    LayeredData out;
    out.lexicon = engine::builtinLexicon();
    out.pack = engine::builtinRulePack();
    out.templates = engine::builtinTemplatesData();
    out.glossary = glossary::builtinGlossaryData();
    Layer layer(out.problems);
    std::map<std::string, std::string> focus;
    if (in.groups)
        layer(words.groups, [&](const std::string& file) { out.lexicon = engine::layeredGroups(out.lexicon, in.groups(), file, &focus); });
    if (in.rules)
        layer(words.rules, [&](const std::string& file) { out.pack = engine::layeredRules(out.pack, in.rules(), file); });
    if (!in.severities.empty())
        layer(words.severities, [&](const std::string& file) { out.pack = engine::withSeverities(out.pack, in.severities, file); });
    if (in.templates)
        layer(words.templates, [&](const std::string& file) { out.templates = engine::layeredTemplates(in.templates(), file); });
    out.templates.groupFocus.insert(focus.begin(), focus.end());
    if (in.glossary)
        layer(words.glossary, [&](const std::string& file) {
            out.glossary = glossary::layered(glossary::builtinGlossaryData(), glossary::parseGlossary(in.glossary(), file, false), file);
        });
    return out;
}
} // namespace

LayeredData layeredForUsers(const LayerSources& sources) { return layered(sources, kForUsers); }

LayeredData layeredStrictly(const LayerSources& sources) { return layered(sources, kStrictly); }
} // namespace dueregard::policy
