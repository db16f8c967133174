#include "engine/Lexicon.hpp"

#include "engine/Welsh.hpp"
#include "text/Unicode.hpp"

#include <algorithm>
#include <string_view>

namespace dueregard::engine
{
namespace
{
// A label and its parts ("marriage" and "civil partnership"; "crefydd" and "gred"): each names the
// group.
void addLabel(std::set<std::u16string>& labels, const std::u16string& label)
{
    labels.insert(label);
    for (const std::u16string_view sep :
         { std::u16string_view(u" and "), std::u16string_view(u" or "), std::u16string_view(u" a "),
           std::u16string_view(u" neu ") })
        if (const auto pos = label.find(sep); pos != std::u16string::npos)
        {
            labels.insert(label.substr(0, pos));
            labels.insert(label.substr(pos + sep.size()));
        }
}

void addLabels(std::set<std::u16string>& labels, const std::vector<GroupInfo>& groups,
               const LexiconData& data)
{
    for (const GroupInfo& g : groups)
        addLabel(labels, Tokenizer::fold(text::fromUtf8(g.label)));
    // The names in the other languages merged in, with the mutated forms a list gives them
    // ("beichiogrwydd neu famolaeth").
    for (const auto& [id, others] : data.otherLabels)
        for (const std::string& other : others)
            for (const std::string& form : welsh::withMutations(other))
                addLabel(labels, Tokenizer::fold(text::fromUtf8(form)));
    for (const char16_t* alias : { u"race",
                                   u"ethnicity",
                                   u"gender",
                                   u"sexuality",
                                   u"disabilities",
                                   u"religion",
                                   u"belief",
                                   u"marriage",
                                   u"civil partnership",
                                   u"pregnancy",
                                   u"maternity",
                                   u"oed",
                                   u"ethnigrwydd",
                                   u"rhywedd",
                                   u"anableddau",
                                   u"crefydd",
                                   u"cred",
                                   u"gred",
                                   u"chred",
                                   u"priodas",
                                   u"partneriaeth sifil",
                                   u"bartneriaeth sifil",
                                   u"beichiogrwydd",
                                   u"mamolaeth",
                                   u"famolaeth" })
        labels.insert(alias);
}
} // namespace

Lexicon::Lexicon(const LexiconData& data)
    : m_data(data)
{
    auto addGroup = [&](const TermGroup& g, bool extra, const std::string& path) {
        const int index = static_cast<int>(m_groups.size());
        m_groups.push_back({ g.id, g.label, extra });
        for (std::size_t i = 0; i < g.terms.size(); ++i)
        {
            try
            {
                m_groupTerms.add(text::fromUtf8(g.terms[i]), index);
            }
            catch (const TermError& e)
            {
                throw RuleDataError(l10n::Message("data.file.compiled_lexicon"),
                                    path + "/terms/" + std::to_string(i), e.message());
            }
        }
        for (std::size_t i = 0; i < g.exclude.size(); ++i)
        {
            try
            {
                m_groupTerms.add(text::fromUtf8(g.exclude[i]), index, true);
            }
            catch (const TermError& e)
            {
                throw RuleDataError(l10n::Message("data.file.compiled_lexicon"),
                                    path + "/exclude/" + std::to_string(i), e.message());
            }
        }
    };
    for (std::size_t i = 0; i < data.characteristics.size(); ++i)
        addGroup(data.characteristics[i], false, "/characteristics/" + std::to_string(i));
    for (std::size_t i = 0; i < data.extraGroups.size(); ++i)
        addGroup(data.extraGroups[i], true, "/extra_groups/" + std::to_string(i));
    addLabels(m_labels, m_groups, data);
    if (m_groups.size() > 64)
        throw RuleDataError(l10n::Message("data.file.compiled_lexicon"), "",
                            l10n::Message("data.too_many_groups"));
    if (data.markers.size() > kMaxMarkerGroups)
        throw RuleDataError(l10n::Message("data.file.compiled_lexicon"), "/markers",
                            l10n::Message("data.too_many_marker_groups",
                                          { { "count", std::to_string(kMaxMarkerGroups) } }));
    for (const auto& [name, terms] : data.markers)
    {
        const int index = static_cast<int>(m_markerNames.size());
        m_markerNames.push_back(name);
        for (std::size_t i = 0; i < terms.size(); ++i)
        {
            try
            {
                m_markerTerms.add(text::fromUtf8(terms[i]), index);
            }
            catch (const TermError& e)
            {
                throw RuleDataError(l10n::Message("data.file.compiled_lexicon"),
                                    "/markers/" + name + "/" + std::to_string(i), e.message());
            }
        }
    }
}


int Lexicon::groupIndex(const std::string& id) const
{
    for (std::size_t i = 0; i < m_groups.size(); ++i)
        if (m_groups[i].id == id)
            return static_cast<int>(i);
    return -1;
}

int Lexicon::marker(const std::string& name) const
{
    const auto it = std::find(m_markerNames.begin(), m_markerNames.end(), name);
    return it == m_markerNames.end() ? -1 : static_cast<int>(it - m_markerNames.begin());
}

void Lexicon::requireMarkers(const std::vector<std::string>& names) const
{
    for (const auto& name : names)
        if (marker(name) < 0)
            throw RuleDataError(l10n::Message("data.file.compiled_lexicon"), "/markers",
                                l10n::Message("data.marker_group_required", { { "name", name } }));
}
} // namespace dueregard::engine
