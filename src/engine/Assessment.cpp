#include "engine/Assessment.hpp"

#include "engine/Tokenizer.hpp"
#include "text/Unicode.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>

namespace dueregard::engine
{
const char* impactName(Impact impact)
{
    switch (impact)
    {
        case Impact::Positive: return "positive";
        case Impact::Negative: return "negative";
        case Impact::Neutral: return "neutral";
        case Impact::Mixed: return "mixed";
        case Impact::NotStated: break;
    }
    return "not_stated";
}

const char* timingName(Timing timing)
{
    switch (timing)
    {
        case Timing::Before: return "before";
        case Timing::After: return "after";
        case Timing::Unknown: break;
    }
    return "unknown";
}

namespace
{
// A part of the document that talks about one group: a whole block, or one sentence of it.
struct Scope
{
    int block = 0;
    int sentence = -1; // -1: the whole block
};

struct Unit
{
    enum class Kind { Heading, Row, Sentence } kind = Kind::Sentence;
    std::vector<Scope> scopes;
    Location anchor;
    std::uint32_t contentWords = 0;
};

struct Markers
{
    explicit Markers(const Lexicon& lex)
    {
        auto m = [&](const char* name) { return lex.marker(name); };
        eiaTitle = m("eia_title"); environmental = m("environmental"); equalitySection = m("equality_section");
        wales = m("jurisdiction_wales"); scotland = m("jurisdiction_scotland"); ni = m("jurisdiction_ni");
        evidence = m("evidence_source"); comparison = m("comparison"); negative = m("impact_negative");
        positive = m("impact_positive"); neutral = m("impact_neutral"); reasoning = m("reasoning");
        mitigation = m("mitigation"); vague = m("vague_mitigation"); owner = m("owner");
        intersection = m("intersection"); cumulative = m("cumulative"); engagement = m("engagement");
        external = m("external_party"); internal = m("internal"); feedback = m("feedback_change");
        aimA = m("aim_a"); aimB = m("aim_b"); aimC = m("aim_c"); statute = m("statute");
        monitoring = m("monitoring"); frequency = m("frequency"); reviewDate = m("review_date");
        decisionMaker = m("decision_maker"); declaration = m("declaration"); retrospective = m("retrospective");
        assessmentDate = m("assessment_date"); decisionDate = m("decision_date"); dataGap = m("data_gap");
        gapPlan = m("gap_plan"); technology = m("technology"); biasTesting = m("bias_testing");
        claim = m("disproportion_claim"); rate = m("rate_denominator"); justification = m("justification");
        mantra = m("mantra"); equalTreatment = m("equal_treatment"); outdated = m("outdated");
        decisionObject = m("decision_object"); documentDate = m("document_date");
        decisionShare = m("decision_share"); period = m("period"); geography = m("geography");
    }
    int eiaTitle, environmental, equalitySection, wales, scotland, ni, evidence, comparison, negative, positive,
        neutral, reasoning, mitigation, vague, owner, intersection, cumulative, engagement, external, internal,
        feedback, aimA, aimB, aimC, statute, monitoring, frequency, reviewDate, decisionMaker, declaration,
        retrospective, assessmentDate, decisionDate, dataGap, gapPlan, technology, biasTesting, claim, rate,
        justification, mantra, equalTreatment, outdated, decisionObject, documentDate, decisionShare, period,
        geography;
};

class Assessor
{
public:
    Assessor(const model::Document& doc, const std::vector<const BlockFacts*>& facts, const Lexicon& lex,
             const AssessOptions& options)
        : m_doc(doc), m_facts(facts), m_lex(lex), m_m(lex), m_options(options)
    {
    }

    Assessment run()
    {
        for (std::size_t b = 0; b < size(); ++b)
            for (const Hit& h : f(b).markers)
                ++m_markerCounts[static_cast<std::size_t>(h.group)];
        Assessment a;
        a.kind = m_options.kind ? *m_options.kind : detectKind();
        a.jurisdiction = m_options.jurisdiction ? *m_options.jurisdiction : detectJurisdiction();
        buildUnits();
        assessGroups(a);
        assessDocument(a);
        return a;
    }

private:
    const BlockFacts& f(std::size_t b) const { return *m_facts[b]; }
    std::size_t size() const { return m_doc.blocks.size(); }

    std::u16string textOf(std::size_t b, const Hit& h) const
    {
        return Tokenizer::fold(std::u16string_view(m_doc.blocks[b].text).substr(h.start, h.end - h.start));
    }

    Location at(std::size_t b, const Hit& h) const { return { static_cast<int>(b), h.start, h.end }; }
    Location wholeBlock(std::size_t b) const
    {
        return { static_cast<int>(b), 0, static_cast<std::uint32_t>(m_doc.blocks[b].text.size()) };
    }
    Location sentenceAt(std::size_t b, std::uint32_t s) const
    {
        const auto& sentences = f(b).sentences;
        if (s >= sentences.size())
            return wholeBlock(b);
        // Trim the trailing space ICU leaves at the end of a sentence.
        std::uint32_t end = sentences[s].end;
        while (end > sentences[s].start && m_doc.blocks[b].text[end - 1] == u' ')
            --end;
        return { static_cast<int>(b), sentences[s].start, end };
    }

    // figuresClaim judges a statement of over- or under-representation (once per sentence): with
    // no figure it is unquantified; with figures it needs a comparator or baseline in the
    // sentence, and a period and an area given earlier in its section.
    void figuresClaim(Assessment& a, std::size_t b, const Hit& h)
    {
        const std::pair<std::size_t, std::uint32_t> key{ b, h.sentence };
        if (m_claimSentences.count(key))
            return;
        m_claimSentences.insert(key);
        const BlockFacts& bf = f(b);
        const bool rate = bf.hasMarkerInSentence(m_m.rate, h.sentence);
        const std::uint32_t figures = bf.sentenceNumbers[h.sentence] - std::min(bf.sentenceNumbers[h.sentence], std::uint32_t(bf.sentenceYears[h.sentence]));
        if (figures == 0 && !rate)
        {
            a.disproportionClaims.push_back(at(b, h));
            return;
        }
        // The context: this block and what comes before it in its section, back to the heading
        // (included) or twelve paragraphs, with any tables between (a table of figures is often
        // introduced by the paragraph that gives their period and area).
        std::vector<std::size_t> context{ b };
        for (std::size_t k = b, paragraphs = 0, cells = 0; k > 0 && paragraphs < 12 && cells < 400;)
        {
            --k;
            context.push_back(k);
            if (m_doc.blocks[k].isHeading())
                break;
            (m_doc.blocks[k].kind == model::BlockKind::TableCell ? cells : paragraphs) += 1;
        }
        const bool period = std::any_of(context.begin(), context.end(), [&](std::size_t k) {
            const BlockFacts& c = f(k);
            return c.hasMarker(m_m.period) || !c.dates.empty()
                   || std::any_of(c.sentenceYears.begin(), c.sentenceYears.end(), [](std::uint8_t y) { return y > 0; });
        });
        const bool area = std::any_of(context.begin(), context.end(), [&](std::size_t k) {
            return f(k).hasMarker(m_m.geography) || f(k).placeName;
        });
        std::vector<std::string> missing;
        if (!rate && !bf.hasMarkerInSentence(m_m.comparison, h.sentence))
            missing.push_back("the comparator or baseline");
        if (!period)
            missing.push_back("the period");
        if (!area)
            missing.push_back("the area");
        if (missing.empty())
            return;
        std::string list;
        for (std::size_t i = 0; i < missing.size(); ++i)
            list += (i == 0 ? "" : i + 1 == missing.size() ? " or " : ", ") + missing[i];
        a.incompleteFigures.push_back({ sentenceAt(b, h.sentence), list });
    }

    std::size_t countMarker(int marker) const
    {
        return marker < 0 ? 0 : m_markerCounts[static_cast<std::size_t>(marker)];
    }

    std::string detectKind() const
    {
        const bool environmental = countMarker(m_m.environmental) >= 3;
        std::size_t inHeads = 0, anywhere = 0, nonEmpty = 0;
        for (std::size_t b = 0; b < size(); ++b)
        {
            const bool head = m_doc.blocks[b].isHeading() || nonEmpty < 3;
            if (!m_doc.blocks[b].text.empty())
                ++nonEmpty;
            for (const Hit& h : f(b).markers)
            {
                if (h.group != m_m.eiaTitle)
                    continue;
                // "EIA" means an Environmental Impact Assessment in a planning document.
                const std::u16string t = textOf(b, h);
                if (environmental && (t == u"eia" || t == u"ehia"))
                    continue;
                ++anywhere;
                inHeads += head;
            }
        }
        return inHeads >= 1 || anywhere >= 3 ? "eia" : "policy";
    }

    std::string detectJurisdiction() const
    {
        const std::size_t ni = countMarker(m_m.ni), wales = countMarker(m_m.wales), scotland = countMarker(m_m.scotland);
        if (ni > 0 && ni >= wales && ni >= scotland)
            return "ni";
        if (wales > 0 && wales >= scotland)
            return "wales";
        if (scotland > 0)
            return "scotland";
        return "england";
    }

    const std::vector<int>& groupsIn(std::size_t b, int sentence) const
    {
        if (sentence < 0)
            return f(b).groups;
        return f(b).sentenceGroups[static_cast<std::size_t>(sentence)];
    }

    bool isListSentence(std::size_t b, std::uint32_t s) const { return f(b).sentenceIsList[s] != 0; }

    void buildUnits()
    {
        m_units.assign(m_lex.groups().size(), {});
        m_sentenceScopes.assign(m_lex.groups().size(), {});
        m_firstSentence.assign(m_lex.groups().size(), {});
        m_listed.assign(m_lex.groups().size(), false);
        std::vector<std::uint64_t> coveredBy(size(), 0); // groups whose heading/row unit covers a block

        // Heading units: "## Disability" and everything under it.
        for (std::size_t h = 0; h < size(); ++h)
        {
            const model::Block& heading = m_doc.blocks[h];
            if (!heading.isHeading())
                continue;
            const std::vector<int>& groups = groupsIn(h, -1);
            if (groups.size() != 1 || f(h).words > 8)
                continue;
            Unit u;
            u.kind = Unit::Kind::Heading;
            u.anchor = wholeBlock(h);
            for (std::size_t b = h + 1; b < size(); ++b)
            {
                if (m_doc.blocks[b].isHeading() && m_doc.blocks[b].outlineLevel <= heading.outlineLevel)
                    break;
                u.scopes.push_back({ static_cast<int>(b), -1 });
                u.contentWords += f(b).words;
                coveredBy[b] |= std::uint64_t(1) << groups.front();
            }
            m_units[static_cast<std::size_t>(groups.front())].push_back(std::move(u));
        }

        // Table rows whose first cell names one group: "| Age | Negative | ... |".
        std::map<std::pair<int, int>, std::vector<std::size_t>>& rows = m_rowsByKey;
        for (std::size_t b = 0; b < size(); ++b)
            if (m_doc.blocks[b].kind == model::BlockKind::TableCell)
            {
                rows[{ m_doc.blocks[b].table, m_doc.blocks[b].row }].push_back(b);
                if (m_doc.blocks[b].row == 0)
                    m_headerByColumn[{ m_doc.blocks[b].table, m_doc.blocks[b].column }] = b;
            }
        for (const auto& [key, cells] : rows)
        {
            std::vector<int> groups;
            std::uint32_t labelWords = 0;
            for (std::size_t b : cells)
                if (m_doc.blocks[b].column == 0)
                {
                    for (int g : groupsIn(b, -1))
                        if (std::find(groups.begin(), groups.end(), g) == groups.end())
                            groups.push_back(g);
                    labelWords += f(b).words;
                }
            if (groups.size() != 1 || labelWords > 8)
                continue;
            Unit u;
            u.kind = Unit::Kind::Row;
            for (std::size_t b : cells)
            {
                if (m_doc.blocks[b].column == 0)
                {
                    if (u.anchor.document())
                        u.anchor = wholeBlock(b);
                    m_rowLabelCells.insert(b);
                    continue;
                }
                u.scopes.push_back({ static_cast<int>(b), -1 });
                u.contentWords += f(b).words;
                coveredBy[b] |= std::uint64_t(1) << groups.front();
            }
            m_units[static_cast<std::size_t>(groups.front())].push_back(std::move(u));
        }

        // Sentences about a group anywhere else; several names in one sentence are a list.
        for (std::size_t b = 0; b < size(); ++b)
        {
            if (m_doc.blocks[b].isHeading() || m_rowLabelCells.count(b))
                continue;
            for (std::uint32_t s = 0; s < f(b).sentences.size(); ++s)
            {
                const std::vector<int>& groups = groupsIn(b, static_cast<int>(s));
                if (groups.empty())
                    continue;
                if (isListSentence(b, s))
                {
                    for (int g : groups)
                        m_listed[static_cast<std::size_t>(g)] = true;
                    continue;
                }
                if (f(b).sentenceWords[s] < 4)
                    continue;
                for (int g : groups)
                {
                    if (coveredBy[b] & (std::uint64_t(1) << g))
                        continue;
                    // Sentences need no unit of their own: their scopes go straight to the group.
                    auto& sentences = m_sentenceScopes[static_cast<std::size_t>(g)];
                    if (sentences.empty())
                        m_firstSentence[static_cast<std::size_t>(g)] = sentenceAt(b, s);
                    sentences.push_back({ static_cast<int>(b), static_cast<int>(s) });
                }
            }
        }
    }

    template <typename Fn> void forHits(const std::vector<Scope>& scopes, int marker, Fn fn) const
    {
        for (const Scope& sc : scopes)
            for (const Hit& h : f(static_cast<std::size_t>(sc.block)).markers)
                if (h.group == marker && (sc.sentence < 0 || h.sentence == static_cast<std::uint32_t>(sc.sentence)))
                    fn(static_cast<std::size_t>(sc.block), h);
    }

    bool any(const std::vector<Scope>& scopes, int marker) const
    {
        bool found = false;
        forHits(scopes, marker, [&](std::size_t, const Hit&) { found = true; });
        return found;
    }

    // sharesIn: a share with its denominator ("41% of respondents"), or two percentages side by
    // side ("21% of reviews and 26% of claimants"), is evidence in itself.
    bool sharesIn(const std::vector<Scope>& scopes) const
    {
        for (const Scope& sc : scopes)
        {
            const BlockFacts& bf = f(static_cast<std::size_t>(sc.block));
            for (std::size_t s = 0; s < bf.sentences.size(); ++s)
                if ((sc.sentence < 0 || static_cast<std::size_t>(sc.sentence) == s)
                    && (bf.sentenceShare[s] || bf.sentencePercent[s] >= 2))
                    return true;
        }
        return false;
    }

    bool numbersIn(const std::vector<Scope>& scopes) const
    {
        for (const Scope& sc : scopes)
        {
            const BlockFacts& bf = f(static_cast<std::size_t>(sc.block));
            if (sc.sentence < 0 ? bf.numbers > 0 : bf.sentenceNumbers[static_cast<std::size_t>(sc.sentence)] > 0)
                return true;
        }
        return false;
    }

    // Tick-box tables: "| Disability | | | Yes |" under "| | Positive | Negative | Neutral |"
    // states the impact named by the ticked column.
    void tickedImpact(int group, bool& neg, bool& pos, bool& neutral, CharacteristicResult& r) const
    {
        for (const auto& [key, cells] : m_rowsByKey)
        {
            bool forGroup = false;
            for (std::size_t b : cells)
                if (m_doc.blocks[b].column == 0)
                    for (int g : groupsIn(b, -1))
                        forGroup = forGroup || g == group;
            if (!forGroup)
                continue;
            for (std::size_t b : cells)
            {
                const std::u16string tick = Tokenizer::fold(m_doc.blocks[b].text);
                if (tick != u"yes" && tick != u"x" && tick != u"\u2713" && tick != u"\u2714")
                    continue;
                const auto header = m_headerByColumn.find({ key.first, m_doc.blocks[b].column });
                if (header == m_headerByColumn.end())
                    continue;
                const BlockFacts& hf = f(header->second);
                neg = neg || hf.hasMarker(m_m.negative);
                pos = pos || hf.hasMarker(m_m.positive);
                if (hf.hasMarker(m_m.neutral))
                {
                    if (!neutral)
                        r.noImpactAt = wholeBlock(b);
                    neutral = true;
                }
            }
        }
    }

    // Tables whose header row names an action: rows that mention a group mitigate for it.
    void actionTables(std::set<int>& groupsMitigated, bool& anyTable, bool& owned) const
    {
        std::map<int, std::vector<std::size_t>> byTable;
        for (std::size_t b = 0; b < size(); ++b)
            if (m_doc.blocks[b].kind == model::BlockKind::TableCell)
                byTable[m_doc.blocks[b].table].push_back(b);
        for (const auto& [table, cells] : byTable)
        {
            std::u16string header;
            for (std::size_t b : cells)
                if (m_doc.blocks[b].row == 0)
                    header += Tokenizer::fold(m_doc.blocks[b].text) + u" ";
            if (header.find(u"action") == std::u16string::npos)
                continue;
            bool dataRow = false;
            for (std::size_t b : cells)
                if (m_doc.blocks[b].row > 0 && f(b).words > 0)
                {
                    dataRow = true;
                    for (int g : groupsIn(b, -1))
                        groupsMitigated.insert(g);
                }
            if (!dataRow)
                continue;
            anyTable = true;
            const bool hasOwner = header.find(u"owner") != std::u16string::npos || header.find(u"lead") != std::u16string::npos
                                  || header.find(u"responsib") != std::u16string::npos;
            const bool hasDate = header.find(u"date") != std::u16string::npos || header.find(u"deadline") != std::u16string::npos
                                 || header.find(u"when") != std::u16string::npos || header.find(u"timescale") != std::u16string::npos;
            owned = owned || (hasOwner && hasDate);
        }
    }

    void assessGroups(Assessment& a)
    {
        const auto profileIt = m_lex.data().jurisdictions.find(a.jurisdiction);
        std::vector<std::string> enabled;
        if (profileIt != m_lex.data().jurisdictions.end())
        {
            enabled = profileIt->second.characteristics;
            enabled.insert(enabled.end(), profileIt->second.extraGroups.begin(), profileIt->second.extraGroups.end());
        }
        else
            for (const GroupInfo& g : m_lex.groups())
                if (!g.extra)
                    enabled.push_back(g.id);
        for (const auto& id : m_options.extraGroups)
            if (std::find(enabled.begin(), enabled.end(), id) == enabled.end())
                enabled.push_back(id);

        std::set<int> actionMitigated;
        actionTables(actionMitigated, m_actionTable, m_actionTableOwned);

        for (const std::string& id : enabled)
        {
            const int g = m_lex.groupIndex(id);
            if (g < 0)
                continue;
            const GroupInfo& info = m_lex.groups()[static_cast<std::size_t>(g)];
            CharacteristicResult r;
            r.id = info.id;
            r.label = info.label;
            r.extra = info.extra;
            std::vector<Scope> scopes;
            for (const Unit& u : m_units[static_cast<std::size_t>(g)])
            {
                const bool substantive = (u.kind == Unit::Kind::Heading && u.contentWords >= 1)
                                         || (u.kind == Unit::Kind::Row && u.contentWords >= 1);
                if (!substantive)
                    continue;
                if (!r.addressed || (r.where.document()))
                    r.where = u.anchor;
                r.addressed = true;
                scopes.insert(scopes.end(), u.scopes.begin(), u.scopes.end());
            }
            const auto& sentences = m_sentenceScopes[static_cast<std::size_t>(g)];
            if (!sentences.empty())
            {
                if (!r.addressed)
                    r.where = m_firstSentence[static_cast<std::size_t>(g)];
                r.addressed = true;
                scopes.insert(scopes.end(), sentences.begin(), sentences.end());
            }
            r.listedOnly = !r.addressed && m_listed[static_cast<std::size_t>(g)];
            if (r.addressed)
            {
                // One pass over everything said about the group.
                bool comparison = false, evidence = false, neg = false, pos = false, neutral = false, reasoning = false,
                     mitigation = false, aimsBC = false;
                for (const Scope& sc : scopes)
                {
                    const std::size_t b = static_cast<std::size_t>(sc.block);
                    for (const Hit& h : f(b).markers)
                    {
                        if (sc.sentence >= 0 && h.sentence != static_cast<std::uint32_t>(sc.sentence))
                            continue;
                        if (h.group == m_m.comparison) comparison = true;
                        else if (h.group == m_m.evidence) evidence = true;
                        else if (h.group == m_m.negative) neg = true;
                        else if (h.group == m_m.positive) pos = true;
                        else if (h.group == m_m.reasoning) reasoning = true;
                        else if (h.group == m_m.mitigation) mitigation = true;
                        else if (h.group == m_m.aimB || h.group == m_m.aimC) aimsBC = true;
                        else if (h.group == m_m.neutral && !neutral)
                        {
                            neutral = true;
                            r.noImpactAt = at(b, h);
                        }
                    }
                }
                r.evidence = evidence || (comparison && numbersIn(scopes)) || sharesIn(scopes);
                tickedImpact(g, neg, pos, neutral, r);
                r.impact = neg && pos ? Impact::Mixed
                           : neg      ? Impact::Negative
                           : pos      ? Impact::Positive
                           : neutral  ? Impact::Neutral
                                      : Impact::NotStated;
                r.unsupportedNoImpact = r.impact == Impact::Neutral && !r.evidence && !reasoning;
                r.mitigation = mitigation || actionMitigated.count(g) > 0;
                r.aimsBeyondA = aimsBC;
            }
            a.characteristics.push_back(std::move(r));
        }
    }

    void assessDocument(Assessment& a)
    {
        bool anyMitigation = m_actionTable;
        bool ownedSentence = false;
        bool boilerAims[3] = { false, false, false };
        std::vector<Date> assessmentDates, decisionDates;
        Date documentDate;
        const int aimMarkers[3] = { m_m.aimA, m_m.aimB, m_m.aimC };

        for (std::size_t b = 0; b < size(); ++b)
        {
            const BlockFacts& bf = f(b);
            const model::Block& block = m_doc.blocks[b];
            if (block.isHeading() && bf.hasMarker(m_m.equalitySection))
                a.equalitySection = true;
            if (bf.hasMarker(m_m.eiaTitle))
                a.equalitySection = true;

            // Intersections: named, or two groups a few words apart ("older disabled women").
            if (bf.hasMarker(m_m.intersection))
                a.intersectionality = true;
            if (bf.intersectionPhrase)
                a.intersectionality = true;
            a.cumulative = a.cumulative || bf.hasMarker(m_m.cumulative);
            a.engagementFeedback = a.engagementFeedback || bf.hasMarker(m_m.feedback);
            a.justification = a.justification || bf.hasMarker(m_m.justification);
            a.decisionMaker = a.decisionMaker || bf.hasMarker(m_m.decisionMaker) || bf.hasMarker(m_m.declaration);

            // Engagement: who was engaged, sentence by sentence.
            for (const Hit& h : bf.markers)
            {
                if (h.group != m_m.engagement)
                    continue;
                if (bf.hasMarkerInSentence(m_m.external, h.sentence))
                    a.engagement = true;
                else if (bf.hasMarkerInSentence(m_m.internal, h.sentence) && a.internalEngagement.document())
                    a.internalEngagement = sentenceAt(b, h.sentence);
            }

            // Mitigation, and whether someone owns it by a date.
            if (bf.hasMarker(m_m.mitigation) && !block.isHeading())
            {
                anyMitigation = true;
                if (bf.hasMarker(m_m.owner) && !bf.dates.empty())
                    ownedSentence = true;
            }
            for (const Hit& h : bf.markers)
                if (h.group == m_m.vague)
                    a.vagueMitigation.push_back(at(b, h));

            // Monitoring with a date or a frequency.
            if ((bf.hasMarker(m_m.reviewDate) && !bf.dates.empty()) || (bf.hasMarker(m_m.monitoring) && bf.hasMarker(m_m.frequency)))
                a.monitoring = true;
            for (const Date& d : bf.dates)
                if (bf.hasMarkerInSentence(m_m.monitoring, d.sentence) || bf.hasMarkerInSentence(m_m.reviewDate, d.sentence))
                    a.monitoring = true;

            // The three aims, in analysis rather than a paragraph quoting section 149.
            int aimsHere = 0;
            for (int m : aimMarkers)
                aimsHere += bf.hasMarker(m);
            const bool boilerplate = bf.hasMarker(m_m.statute) && aimsHere >= 2;
            for (int i = 0; i < 3; ++i)
                if (bf.hasMarker(aimMarkers[i]))
                    (boilerplate ? boilerAims[i] : a.aims[i]) = true;

            // Dates of the assessment and of the decision it informs: each date belongs to the
            // nearest marker before it in its sentence ("completed on X; board meeting on Y").
            for (const Date& d : bf.dates)
            {
                const Hit* nearest = nullptr;
                for (const Hit& h : bf.markers)
                    if ((h.group == m_m.assessmentDate || h.group == m_m.decisionDate) && h.sentence == d.sentence
                        && h.lastWord < d.word && (!nearest || h.lastWord > nearest->lastWord))
                        nearest = &h;
                if (nearest)
                    (nearest->group == m_m.assessmentDate ? assessmentDates : decisionDates).push_back(d);
                else if (documentDate.year == 0 && b < 4 && !block.isHeading()
                         && bf.hasMarkerInSentence(m_m.documentDate, d.sentence))
                    documentDate = d; // "Date: 10 October 2025" on the front of the document
            }
            for (const Hit& h : bf.markers)
            {
                if (h.group == m_m.retrospective)
                {
                    // "The scheme was introduced", not "A DPIA has been approved".
                    if (bf.hasMarkerInSentence(m_m.decisionObject, h.sentence))
                        a.retrospective.push_back(at(b, h));
                }
                else if (h.group == m_m.mantra)
                    a.mantras.push_back(at(b, h));
                else if (h.group == m_m.equalTreatment)
                    a.equalTreatment.push_back(at(b, h));
                else if (h.group == m_m.outdated)
                    a.outdatedTerms.push_back({ at(b, h), text::toUtf8(std::u16string_view(block.text).substr(h.start, h.end - h.start)) });
                else if (h.group == m_m.technology && a.technology.document())
                    a.technology = at(b, h);
                else if (h.group == m_m.claim || (h.group == m_m.decisionShare && bf.sentencePercent[h.sentence] > 0))
                    figuresClaim(a, b, h);
            }

            // Gaps in the evidence, and whether a plan to fill them follows.
            if (bf.hasMarker(m_m.dataGap))
            {
                const bool plan = bf.hasMarker(m_m.gapPlan) || (b + 1 < size() && f(b + 1).hasMarker(m_m.gapPlan));
                if (!plan)
                    for (const Hit& h : bf.markers)
                        if (h.group == m_m.dataGap)
                        {
                            a.dataGapsWithoutPlan.push_back(sentenceAt(b, h.sentence));
                            break;
                        }
            }
        }
        a.engagementInternalOnly = !a.engagement && !a.internalEngagement.document();
        a.mitigation = anyMitigation || std::any_of(a.characteristics.begin(), a.characteristics.end(),
                                                    [](const CharacteristicResult& c) { return c.mitigation; });
        a.mitigationOwned = m_actionTableOwned || ownedSentence;
        for (int i = 0; i < 3; ++i)
            if (boilerAims[i] && !a.aims[i])
                a.aimsBoilerplateOnly = true;
        if (!a.technology.document())
            a.technologyWithoutBiasTesting = countMarker(m_m.biasTesting) == 0;

        if (assessmentDates.empty() && documentDate.year != 0)
            assessmentDates.push_back(documentDate);
        if (!a.retrospective.empty())
            a.timing = Timing::After;
        else if (!assessmentDates.empty() && !decisionDates.empty())
        {
            const auto latestAssessment = std::max_element(assessmentDates.begin(), assessmentDates.end(),
                [](const Date& x, const Date& y) { return x.serial() < y.serial(); });
            const auto earliestDecision = std::min_element(decisionDates.begin(), decisionDates.end(),
                [](const Date& x, const Date& y) { return x.serial() < y.serial(); });
            a.timing = latestAssessment->serial() <= earliestDecision->serial() ? Timing::Before : Timing::After;
        }
    }

    const model::Document& m_doc;
    const std::vector<const BlockFacts*>& m_facts;
    const Lexicon& m_lex;
    Markers m_m;
    const AssessOptions& m_options;
    std::vector<std::vector<Unit>> m_units; // heading and row units
    std::vector<std::vector<Scope>> m_sentenceScopes;
    std::vector<Location> m_firstSentence;
    std::vector<bool> m_listed;
    std::set<std::size_t> m_rowLabelCells;
    std::array<std::size_t, kMaxMarkerGroups> m_markerCounts{};
    std::set<std::pair<std::size_t, std::uint32_t>> m_claimSentences; // (block, sentence) of claims judged
    std::map<std::pair<int, int>, std::vector<std::size_t>> m_rowsByKey;
    std::map<std::pair<int, int>, std::size_t> m_headerByColumn;
    bool m_actionTable = false;
    bool m_actionTableOwned = false;
};
} // namespace

Assessment assess(const model::Document& document, const std::vector<const BlockFacts*>& facts, const Lexicon& lexicon,
                  const AssessOptions& options)
{
    return Assessor(document, facts, lexicon, options).run();
}
} // namespace dueregard::engine
