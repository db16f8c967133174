#include "policy/Policy.hpp"

#include "engine/JsonData.hpp"
#include "engine/Layers.hpp"
#include "engine/Lexicon.hpp"
#include "engine/Templates.hpp"
#include "glossary/Glossary.hpp"
#include "l10n/Messages.hpp"
#include "policy/Layering.hpp"

#include "engine/BuiltinData.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace dueregard::policy
{
using engine::RuleDataError;
using nlohmann::json;

const std::vector<SettingInfo>& settings()
{
    using T = SettingInfo::Type;
    static const std::vector<SettingInfo> all = {
        { "organisation", "General", "OrganisationName", T::String },
        { "default_jurisdiction", "General", "DefaultJurisdiction", T::String },
        { "extra_groups", "Checking", "ExtraGroups", T::StringList },
        { "disabled_rules", "Checking", "DisabledRules", T::StringList },
        { "severity", "Checking", "SeverityOverrides", T::StringList },
        { "required_sections", "Checking", "RequiredSections", T::StringList },
        { "auto_check", "Checking", "AutoCheck", T::Boolean },
        { "check_delay_ms", "Checking", "DelayMilliseconds", T::Integer },
        { "reviewer_name", "Review", "ReviewerName", T::String },
        { "answered_comments", "Review", "AnsweredComments", T::String },
        { "glossary_mark_every", "Glossary", "MarkEveryOccurrence", T::Boolean },
    };
    return all;
}

namespace
{
// A layer's path: relative, inside the policy's folder, a JSON file.
std::string checkedPath(const std::string& path, const std::string& file, const std::string& where)
{
    const bool absolute = !path.empty() && (path[0] == '/' || path[0] == '\\' || (path.size() > 1 && path[1] == ':'));
    bool climbs = false;
    for (std::size_t start = 0; start <= path.size();)
    {
        std::size_t end = path.find('/', start);
        if (end == std::string::npos)
            end = path.size();
        climbs = climbs || path.substr(start, end - start) == "..";
        start = end + 1;
    }
    if (absolute || climbs || path.find('\\') != std::string::npos || path.find(':') != std::string::npos)
        throw RuleDataError(file, where,
                            l10n::Message("policy.path_outside", { { "path", path } }));
    if (path.size() < 6 || path.substr(path.size() - 5) != ".json")
        throw RuleDataError(file, where,
                            l10n::Message("policy.path_not_json", { { "path", path } }));
    return path;
}

std::string escapeXml(const std::string& s)
{
    std::string out;
    for (char c : s)
        switch (c)
        {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += c;
        }
    return out;
}

std::string join(const std::vector<std::string>& items)
{
    std::string out;
    for (const std::string& i : items)
        out += (out.empty() ? "" : ";") + i;
    return out;
}
} // namespace

Policy readPolicy(const std::string& text, const std::string& file,
                  const std::function<std::optional<std::string>(const std::string&)>& readFile)
{
    const json j = engine::parseJson(text, file);
    engine::validateJson(j, engine::builtin::kPolicySchema, file);
    Policy p;
    p.id = j.at("id").get<std::string>();
    p.organisation = j.at("organisation").get<std::string>();
    p.version = j.at("version").get<std::string>();
    p.description = j.value("description", "");
    p.updateFeed = j.value("update_feed", "");
    p.values["organisation"] = p.organisation;

    auto layer = [&](const char* key) -> std::pair<std::string, std::string> {
        if (!j.contains(key))
            return {};
        const std::string path = checkedPath(j.at(key).get<std::string>(), file, std::string("/") + key);
        const std::optional<std::string> content = readFile(path);
        if (!content)
            throw RuleDataError(file, std::string("/") + key,
                                l10n::Message("policy.cannot_read", { { "path", path } }));
        return { path, *content };
    };
    // The layers, each checked as it will be used: built-in below, the department's above.
    engine::RulePackData pack = engine::builtinRulePack();
    if (const auto [path, content] = layer("rules"); !path.empty())
    {
        pack = engine::layeredRules(pack, content, path);
        p.rulesJson = content;
    }
    engine::TemplatesData templatesData = engine::builtinTemplatesData();
    if (const auto [path, content] = layer("templates"); !path.empty())
    {
        templatesData = engine::layeredTemplates(content, path);
        p.templatesJson = content;
    }
    if (const auto [path, content] = layer("glossary"); !path.empty())
    {
        glossary::layered(glossary::builtinGlossaryData(), glossary::parseGlossary(content, path, false), path);
        p.glossaryJson = content;
    }
    engine::LexiconData lexiconData = engine::builtinLexicon();
    if (const auto [path, content] = layer("groups"); !path.empty())
    {
        lexiconData = engine::layeredGroups(lexiconData, content, path);
        p.groupsJson = content;
    }
    const engine::Lexicon lexicon(lexiconData);
    const engine::Templates templates(templatesData, lexicon);

    const json s = j.value("settings", json::object());
    for (const auto& [key, value] : s.items())
    {
        const std::string where = "/settings/" + key;
        if (value.is_array())
        {
            std::vector<std::string> items = value.get<std::vector<std::string>>();
            for (std::size_t i = 0; i < items.size(); ++i)
            {
                const std::string at = where + "/" + std::to_string(i);
                if (key == "disabled_rules" && !pack.find(items[i]))
                    throw RuleDataError(file, at,
                                        l10n::Message("layer.no_rule", { { "id", items[i] } }));
                if (key == "required_sections" && !templates.has(items[i]))
                    throw RuleDataError(file, at,
                                        l10n::Message("policy.no_section", { { "id", items[i] } }));
                if (key == "extra_groups"
                    && std::none_of(lexicon.groups().begin(), lexicon.groups().end(),
                                    [&](const engine::GroupInfo& g) { return g.extra && g.id == items[i]; }))
                    throw RuleDataError(
                        file, at, l10n::Message("policy.no_extra_group", { { "id", items[i] } }));
            }
            p.values[key] = join(items);
        }
        else if (value.is_object()) // severity
        {
            std::vector<std::string> items;
            for (const auto& [rule, severity] : value.items())
            {
                if (!pack.find(rule))
                    throw RuleDataError(file, where + "/" + rule,
                                        l10n::Message("layer.no_rule", { { "id", rule } }));
                items.push_back(rule + "=" + severity.get<std::string>());
            }
            p.values[key] = join(items);
        }
        else if (value.is_boolean())
            p.values[key] = value.get<bool>() ? "true" : "false";
        else if (value.is_number_integer())
            p.values[key] = std::to_string(value.get<long long>());
        else
            p.values[key] = value.get<std::string>();
    }
    p.locked = j.value("locked", std::vector<std::string>{});
    for (std::size_t i = 0; i < p.locked.size(); ++i)
        if (!p.values.count(p.locked[i]))
            throw RuleDataError(
                file, "/locked/" + std::to_string(i),
                l10n::Message("policy.locked_without_value", { { "key", p.locked[i] } }));
    return p;
}

std::string policyExtensionId(const Policy& policy) { return "org.dueregard.policy." + policy.id; }

AppliedPolicy applyPolicy(const Policy& p)
{
    auto list = [&](const char* key) {
        std::vector<std::string> out;
        const auto it = p.values.find(key);
        if (it == p.values.end())
            return out;
        for (std::size_t start = 0; start < it->second.size();)
        {
            std::size_t end = it->second.find(';', start);
            if (end == std::string::npos)
                end = it->second.size();
            if (end > start)
                out.push_back(it->second.substr(start, end - start));
            start = end + 1;
        }
        return out;
    };
    LayerSources sources;
    const auto text = [](const std::string& layer) { return layer.empty() ? std::function<std::string()>() : [layer] { return layer; }; };
    sources.groups = text(p.groupsJson);
    sources.rules = text(p.rulesJson);
    sources.templates = text(p.templatesJson);
    for (const std::string& item : list("severity"))
        sources.severities[item.substr(0, item.find('='))] = item.substr(item.find('=') + 1);
    LayeredData data = layeredStrictly(sources);
    AppliedPolicy a;
    a.lexicon = std::move(data.lexicon);
    a.pack = std::move(data.pack);
    a.templates = std::move(data.templates);
    if (const auto it = p.values.find("default_jurisdiction"); it != p.values.end())
        a.settings.defaultJurisdiction = it->second;
    a.settings.jurisdictionLocked = std::find(p.locked.begin(), p.locked.end(), "default_jurisdiction") != p.locked.end();
    a.settings.extraGroups = list("extra_groups");
    a.settings.disabledRules = list("disabled_rules");
    a.settings.requiredSections = list("required_sections");
    return a;
}

std::vector<std::pair<std::string, std::string>> policyPackageFiles(const Policy& p, const std::string& settingsPackage)
{
    // l10n: not shown { the package's XML: its names and comment come from l10n/*.json below

    std::vector<std::pair<std::string, std::string>> files;
    // Configuration: the department's layer of Due Regard's settings.
    std::map<std::string, std::string> groups;
    for (const SettingInfo& info : settings())
    {
        const auto it = p.values.find(info.key);
        if (it == p.values.end())
            continue;
        const bool locked = std::find(p.locked.begin(), p.locked.end(), info.key) != p.locked.end();
        std::string prop = "      <prop oor:name=\"" + std::string(info.name) + "\""
                           + (locked ? " oor:finalized=\"true\"" : "") + ">";
        if (info.type == SettingInfo::Type::StringList)
            prop += it->second.empty() ? "<value/>" : "<value oor:separator=\";\">" + escapeXml(it->second) + "</value>";
        else
            prop += "<value>" + escapeXml(it->second) + "</value>";
        groups[info.group] += prop + "</prop>\n";
    }
    // The layers, always locked: a user cannot swap the department's rules for others.
    for (const auto& [name, content, path] : { std::tuple{ "RulePack", &p.rulesJson, "policy/rules.json" },
                                               std::tuple{ "Templates", &p.templatesJson, "policy/templates.json" },
                                               std::tuple{ "Glossary", &p.glossaryJson, "policy/glossary.json" },
                                               std::tuple{ "Groups", &p.groupsJson, "policy/groups.json" } })
        if (!content->empty())
        {
            groups["Department"] += "      <prop oor:name=\"" + std::string(name)
                                    + "\" oor:finalized=\"true\"><value>%origin%/" + path + "</value></prop>\n";
            files.emplace_back(path, *content);
        }
    std::string xcu
        = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          // The file has one language: its comment is in en-GB, for the administrator.
          "<!-- "
          + escapeXml(l10n::text(l10n::kEnglish, "policy.xcu_comment",
                                 { { "organisation", p.organisation }, { "version", p.version } }))
          + " -->\n"
            "<oor:component-data xmlns:oor=\"http://openoffice.org/2001/registry\" "
            "xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" oor:package=\""
          + escapeXml(settingsPackage) + "\" oor:name=\"Settings\">\n";
    for (const auto& [group, props] : groups)
        xcu += "    <node oor:name=\"" + group + "\">\n" + props + "    </node>\n";
    xcu += "</oor:component-data>\n";
    files.insert(files.begin(), { "Policy.xcu", xcu });

    // The name the Extension Manager shows, in each of our languages.
    std::string names;
    for (const std::string& language : l10n::languages())
        names += "<name lang=\"" + language + "\">"
                 + escapeXml(l10n::text(language, "policy.package_name",
                                        { { "organisation", p.organisation } }))
                 + "</name>";
    files.insert(
        files.begin(),
        { "description.xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<description xmlns=\"http://openoffice.org/extensions/description/2006\" "
          "xmlns:d=\"http://openoffice.org/extensions/description/2006\" "
          "xmlns:xlink=\"http://www.w3.org/1999/xlink\">\n"
          "  <identifier value=\""
              + escapeXml(policyExtensionId(p))
              + "\"/>\n"
                "  <version value=\""
              + escapeXml(p.version)
              + "\"/>\n"
                "  <display-name>"
              + names
              + "</display-name>\n"
                "  <publisher><name xlink:href=\"https://dueregard.example/\" lang=\"en-GB\">"
              + escapeXml(p.organisation)
              + "</name></publisher>\n"
                "  <dependencies><OpenOffice.org-minimal-version value=\"4.1\" "
                "d:name=\"OpenOffice.org 4.1\"/></dependencies>\n"
              + (p.updateFeed.empty()
                     ? std::string()
                     : "  <update-information><src xlink:href=\"" + escapeXml(p.updateFeed)
                           + "\"/></update-information>\n")
              + "</description>\n" });
    files.insert(files.begin(),
                 { "META-INF/manifest.xml",
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<manifest:manifest xmlns:manifest=\"http://openoffice.org/2001/manifest\">\n"
                   "  <manifest:file-entry manifest:full-path=\"Policy.xcu\" "
                   "manifest:media-type=\"application/vnd.sun.star.configuration-data\"/>\n"
                   "</manifest:manifest>\n" });
    return files;
    // l10n: }
}

std::string policyUpdateFeed(const Policy& p, const std::string& packageFileName)
{
    if (p.updateFeed.empty())
        return {};
    const std::string download = p.updateFeed.substr(0, p.updateFeed.rfind('/') + 1) + packageFileName;
    // l10n: not shown { the update feed's XML
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<description xmlns=\"http://openoffice.org/extensions/update/2006\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">\n"
           "  <identifier value=\"" + escapeXml(policyExtensionId(p)) + "\"/>\n"
           "  <version value=\"" + escapeXml(p.version) + "\"/>\n"
           "  <update-download><src xlink:href=\"" + escapeXml(download) + "\"/></update-download>\n"
           "</description>\n";
    // l10n: }
}
} // namespace dueregard::policy
