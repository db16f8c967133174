#include "policy/Layering.hpp"

#include "engine/Layers.hpp"
#include "l10n/Error.hpp"

namespace dueregard::policy
{
namespace
{
// How each layer is named in errors (a message key), and the key of what a user reads when it
// cannot be used ({file} and {reason} filled in the reader's language).
struct Wording
{
    const char* file;
    const char* problem;
};

struct Words
{
    Wording groups, rules, severities, templates, glossary;
};

constexpr Words kForUsers{
    { "layer.file.groups", "layer.problem.groups" },
    { "layer.file.rules", "layer.problem.rules" },
    { "layer.file.severities", "layer.problem.severities" },
    { "layer.file.templates", "layer.problem.templates" },
    { "layer.file.glossary", "layer.problem.glossary" },
};

constexpr Words kStrictly{
    { "policy.file.groups", nullptr },     { "policy.file.rules", nullptr },
    { "policy.file.severities", nullptr }, { "policy.file.templates", nullptr },
    { "policy.file.glossary", nullptr },
};

// Layer runs one layering step: with a problem wording, a failure is recorded (worded in the
// reader's language) and the data below is kept; without one, it propagates.
class Layer
{
public:
    Layer(std::vector<std::string>& problems, std::string_view language)
        : m_problems(problems), m_language(language)
    {
    }

    template <typename Step> void operator()(const Wording& wording, Step step)
    {
        const engine::DataFile file = l10n::Message(wording.file);
        if (!wording.problem)
        {
            step(file);
            return;
        }
        try
        {
            step(file);
        }
        catch (const std::exception& e)
        {
            m_problems.push_back(l10n::text(m_language, wording.problem,
                                            { { "reason", l10n::describe(e, m_language) } }));
        }
    }

private:
    std::vector<std::string>& m_problems;
    std::string m_language;
};

LayeredData layered(const LayerSources& in, const Words& words, std::string_view language)
{
    LayeredData out;
    out.lexicon = engine::builtinLexicon();
    out.pack = engine::builtinRulePack();
    out.templates = engine::builtinTemplatesData();
    out.glossary = glossary::builtinGlossaryData();
    Layer layer(out.problems, language);
    std::map<std::string, std::string> focus;
    if (in.groups)
        layer(words.groups, [&](const engine::DataFile& file)
              { out.lexicon = engine::layeredGroups(out.lexicon, in.groups(), file, &focus); });
    if (in.rules)
        layer(words.rules, [&](const engine::DataFile& file)
              { out.pack = engine::layeredRules(out.pack, in.rules(), file); });
    if (!in.severities.empty())
        layer(words.severities, [&](const engine::DataFile& file)
              { out.pack = engine::withSeverities(out.pack, in.severities, file); });
    if (in.templates)
        layer(words.templates, [&](const engine::DataFile& file)
              { out.templates = engine::layeredTemplates(in.templates(), file); });
    out.templates.groupFocus.insert(focus.begin(), focus.end());
    if (in.glossary)
        layer(words.glossary,
              [&](const engine::DataFile& file)
              {
                  out.glossary = glossary::layered(
                      glossary::builtinGlossaryData(),
                      glossary::parseGlossary(in.glossary(), file, false), file);
              });
    return out;
}
} // namespace

LayeredData layeredForUsers(const LayerSources& sources, std::string_view language)
{
    return layered(sources, kForUsers, language);
}

LayeredData layeredStrictly(const LayerSources& sources)
{
    return layered(sources, kStrictly, l10n::kEnglish);
}
} // namespace dueregard::policy
