#pragma once
// Lexicon is LexiconData compiled for matching: one TermSet for the characteristic and extra
// groups, one for the named marker groups, and the ids code refers to.

#include "engine/RulePack.hpp"
#include "engine/TermSet.hpp"

#include <set>
#include <string>
#include <vector>

namespace dueregard::engine
{
struct GroupInfo
{
    std::string id;
    std::string label;
    bool extra = false;
};

inline constexpr std::size_t kMaxMarkerGroups = 128;

class Lexicon
{
public:
    // Compiles the data; throws RuleDataError naming the term that does not compile.
    explicit Lexicon(const LexiconData& data);

    const std::vector<GroupInfo>& groups() const { return m_groups; }
    int groupIndex(const std::string& id) const; // -1 if unknown
    // marker returns the index of a marker group; the built-in checks rely on the names they
    // use, so a lexicon without one is rejected at load time (requireMarkers).
    int marker(const std::string& name) const;
    const TermSet& groupTerms() const { return m_groupTerms; }
    const TermSet& markerTerms() const { return m_markerTerms; }
    const LexiconData& data() const { return m_data; }
    std::size_t markerCount() const { return m_markerNames.size(); }

    // isLabel says whether a folded mention is just a group's name ("age", "religion or belief"):
    // several of them in one sentence make a boilerplate list rather than analysis.
    bool isLabel(const std::u16string& folded) const { return m_labels.count(folded) > 0; }

    // requireMarkers throws RuleDataError if any of these marker groups is missing.
    void requireMarkers(const std::vector<std::string>& names) const;

private:
    LexiconData m_data;
    std::vector<GroupInfo> m_groups;
    std::vector<std::string> m_markerNames;
    std::set<std::u16string> m_labels;
    TermSet m_groupTerms;
    TermSet m_markerTerms;
};
} // namespace dueregard::engine
