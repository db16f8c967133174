#include "engine/AssessmentParts.hpp"

#include "text/Unicode.hpp"

#include <algorithm>

namespace dueregard::engine::detail
{
void GroupPart::add(const GroupPart& o)
{
    if (!sentences)
        firstSentence = o.firstSentence;
    sentences = sentences || o.sentences;
    listed = listed || o.listed;
    comparison = comparison || o.comparison;
    evidence = evidence || o.evidence;
    negative = negative || o.negative;
    positive = positive || o.positive;
    reasoning = reasoning || o.reasoning;
    mitigation = mitigation || o.mitigation;
    aimsBC = aimsBC || o.aimsBC;
    neutral = neutral || o.neutral;
    claimedNeutral = claimedNeutral || o.claimedNeutral;
    claimedNegative = claimedNegative || o.claimedNegative;
    claimedPositive = claimedPositive || o.claimedPositive;
    numbers = numbers || o.numbers;
    shares = shares || o.shares;
    for (std::size_t p = 0; p < neutralAt.size(); ++p)
        keepFirst(neutralAt[p], o.neutralAt[p]);
}

void DocumentPart::add(const DocumentPart& o)
{
    environmental += o.environmental;
    ni += o.ni;
    wales += o.wales;
    scotland += o.scotland;
    biasTesting += o.biasTesting;
    titleInHeads += o.titleInHeads;
    titleAnywhere += o.titleAnywhere;
    abbreviationInHeads += o.abbreviationInHeads;
    abbreviationAnywhere += o.abbreviationAnywhere;
    equalitySection = equalitySection || o.equalitySection;
    intersectionality = intersectionality || o.intersectionality;
    cumulative = cumulative || o.cumulative;
    feedback = feedback || o.feedback;
    justification = justification || o.justification;
    decisionMaker = decisionMaker || o.decisionMaker;
    engagement = engagement || o.engagement;
    anyMitigation = anyMitigation || o.anyMitigation;
    ownedSentence = ownedSentence || o.ownedSentence;
    mitigationOfHarm = mitigationOfHarm || o.mitigationOfHarm;
    adverseNamed = adverseNamed || o.adverseNamed;
    keepFirst(blanketNoImpact, o.blanketNoImpact);
    monitoring = monitoring || o.monitoring;
    for (std::size_t i = 0; i < 3; ++i)
    {
        aims[i] = aims[i] || o.aims[i];
        boilerplateAims[i] = boilerplateAims[i] || o.boilerplateAims[i];
    }
    keepFirst(internalEngagement, o.internalEngagement);
    keepFirst(technology, o.technology);
    append(vagueMitigation, o.vagueMitigation);
    append(dataGapsWithoutPlan, o.dataGapsWithoutPlan);
    append(disproportionClaims, o.disproportionClaims);
    append(mantras, o.mantras);
    append(equalTreatment, o.equalTreatment);
    append(retrospective, o.retrospective);
    append(outdatedTerms, o.outdatedTerms);
    append(incompleteFigures, o.incompleteFigures);
    keepLatest(latestAssessment, o.latestAssessment);
    keepEarliest(earliestDecision, o.earliestDecision);
    if (documentDate.year == 0)
        documentDate = o.documentDate;
}

void Part::add(const Part& o)
{
    for (std::size_t g = 0; g < groups.size(); ++g)
        groups[g].add(o.groups[g]);
    document.add(o.document);
}

// happened: the sentence says something was done ("we consulted", "responses were received"),
// before any plan it also states ("... and will publish the findings").
bool RunReader::happened(const BlockFacts& bf, std::uint32_t sentence) const
{
    std::uint32_t done = UINT32_MAX, planned = UINT32_MAX;
    for (const Hit& h : bf.markers)
        if (h.sentence == sentence)
        {
            if (h.group == m_m.done || h.group == m_m.engagementResult)
                done = std::min(done, h.firstWord);
            else if (h.group == m_m.planned)
                planned = std::min(planned, h.firstWord);
        }
    return done != UINT32_MAX && done < planned;
}

// peopleAsked: the sentence names a way of asking people (a consultation, a survey, focus
// groups), not a statistical survey named as a source ("the Labour Force Survey").
bool RunReader::peopleAsked(const BlockFacts& bf, std::uint32_t sentence) const
{
    for (const Hit& h : bf.markers)
    {
        if (h.sentence != sentence || h.group != m_m.engagementMethod)
            continue;
        const bool source = std::any_of(bf.markers.begin(), bf.markers.end(), [&](const Hit& o) {
            return o.group == m_m.evidence && o.sentence == sentence && o.firstWord <= h.firstWord && h.lastWord <= o.lastWord
                   && o.lastWord - o.firstWord > h.lastWord - h.firstWord;
        });
        if (!source)
            return true;
    }
    return false;
}

void RunReader::computeRun(BlockRun& run, const std::vector<BlockKey>& keys) const
{
    run.part = emptyPart();
    run.dependsFrom = run.begin;
    run.dependsTo = run.end - 1;
    for (std::size_t b = run.begin; b < run.end; ++b)
    {
        addGroups(run.part, b, keys[b]);
        addDocument(run, b, keys);
    }
}

// What a block says about each group: all of it under the group's heading or in its row,
// else its sentences about the group (not those merely listing characteristics, nor the form's
// questions). A bare "no impact" is kept as a claim, but it is not analysis of the group.
void RunReader::addGroups(Part& part, std::size_t b, const BlockKey& key) const
{
    const BlockFacts& bf = f(b);
    const bool flattenedRow = bf.rowLabel >= 0 && !(key.flags & (kHeading | kTableCell));
    if (!(key.flags & (kHeading | kRowLabel)))
        for (std::uint32_t s = 0; s < bf.sentences.size(); ++s)
        {
            const std::vector<int>& groups = bf.sentenceGroups[s];
            if (groups.empty())
                continue;
            if (bf.sentenceIsList[s] || bf.sentencePrompt[s])
            {
                for (int g : groups)
                    part.groups[static_cast<std::size_t>(g)].listed = true;
                continue;
            }
            const bool bare = bf.sentenceBare[s] != 0;
            if (bf.sentenceWords[s] < 4 && !bare)
                continue;
            for (int g : groups)
            {
                if (((key.underHeading | key.inRow) & bit(g)) || (flattenedRow && g == bf.rowLabel))
                    continue;
                GroupPart& gp = part.groups[static_cast<std::size_t>(g)];
                if (bare || !bf.says(s))
                {
                    addClaims(gp, b, static_cast<int>(s), InSentence);
                    continue;
                }
                if (!gp.sentences)
                    gp.firstSentence = sentenceAt(b, s);
                gp.sentences = true;
                addScope(gp, b, static_cast<int>(s), InSentence);
            }
        }
    if (flattenedRow)
    {
        // "Age | Negative | Fewer older people use the app | Paper forms stay available": the
        // other cells are about the group the first names, as a real table row's are.
        GroupPart& gp = part.groups[static_cast<std::size_t>(bf.rowLabel)];
        if (bf.substantive > 0)
        {
            if (!gp.sentences)
                gp.firstSentence = wholeBlock(b);
            gp.sentences = true;
            addScope(gp, b, -1, InRow);
        }
        else
            addClaims(gp, b, -1, InRow);
    }
    for (std::size_t g = 0; g < part.groups.size(); ++g)
    {
        const bool heading = (key.underHeading & bit(static_cast<int>(g))) != 0;
        const bool row = (key.inRow & bit(static_cast<int>(g))) != 0;
        if (heading)
            addScope(part.groups[g], b, -1, UnderHeading);
        if (row)
            addScope(part.groups[g], b, -1, InRow);
    }
}

// addClaims keeps what a sentence (or a block) claims about a group's impact without making it
// analysis of the group: "No impact", "Negative".
void RunReader::addClaims(GroupPart& gp, std::size_t b, int sentence, Place place) const
{
    for (const Hit& h : f(b).markers)
    {
        if (sentence >= 0 && h.sentence != static_cast<std::uint32_t>(sentence))
            continue;
        if (h.group == m_m.negative) gp.claimedNegative = true;
        else if (h.group == m_m.positive) gp.claimedPositive = true;
        else if (h.group == m_m.neutral)
        {
            gp.claimedNeutral = true;
            keepFirst(gp.neutralAt[place], at(b, h));
        }
    }
}

void RunReader::addScope(GroupPart& gp, std::size_t b, int sentence, Place place) const
{
    const BlockFacts& bf = f(b);
    for (const Hit& h : bf.markers)
    {
        if (sentence >= 0 && h.sentence != static_cast<std::uint32_t>(sentence))
            continue;
        if (h.group == m_m.comparison) gp.comparison = true;
        else if (h.group == m_m.evidence) gp.evidence = true;
        else if (h.group == m_m.negative) gp.negative = true;
        else if (h.group == m_m.positive) gp.positive = true;
        else if (h.group == m_m.reasoning) gp.reasoning = true;
        else if (h.group == m_m.mitigation) gp.mitigation = true;
        else if (h.group == m_m.aimB || h.group == m_m.aimC) gp.aimsBC = true;
        else if (h.group == m_m.neutral)
        {
            gp.neutral = true;
            keepFirst(gp.neutralAt[place], at(b, h));
        }
    }
    if (sentence < 0 ? bf.numbers > 0 : bf.sentenceNumbers[static_cast<std::size_t>(sentence)] > 0)
        gp.numbers = true;
    // A count of the group's people is evidence about it; so is a named source cited in the
    // same paragraph as the analysis ("a survey of unmet demand in 2021 ... wheelchair users").
    for (std::size_t s = 0; s < bf.sentences.size(); ++s)
        if ((sentence < 0 || static_cast<std::size_t>(sentence) == s) && bf.sentenceCounts[s])
            gp.evidence = true;
    if (sentence >= 0)
        for (std::uint32_t s = 0; s < bf.sentences.size(); ++s)
            if (bf.sentenceNumbers[s] > 0 && bf.hasMarkerInSentence(m_m.evidence, s))
                gp.evidence = true; // a dated or counted source, not "see Appendix C"
    // A share with its denominator ("41% of respondents"), or two percentages side by side
    // ("21% of reviews and 26% of claimants"), is evidence in itself.
    for (std::size_t s = 0; s < bf.sentences.size() && !gp.shares; ++s)
        if ((sentence < 0 || static_cast<std::size_t>(sentence) == s) && (bf.sentenceShare[s] || bf.sentencePercent[s] >= 2))
            gp.shares = true;
}

void RunReader::addDocument(BlockRun& run, std::size_t b, const std::vector<BlockKey>& keys) const
{
    DocumentPart& d = run.part.document;
    const bool heading = (keys[b].flags & kHeading) != 0;
    addPlaces(d, b, heading || (keys[b].flags & kEarly) != 0, heading);
    addSignals(d, b);
    addEngagement(d, b);
    addMitigation(d, b, keys[b], heading);
    addMonitoring(d, b);
    addAims(d, b);
    addDates(d, b, heading);
    addPassages(run, b, keys);
    addDataGaps(run, b);
}

// Where the document is from, and whether it calls itself an equality impact assessment.
void RunReader::addPlaces(DocumentPart& d, std::size_t b, bool head, bool heading) const
{
    const BlockFacts& bf = f(b);
    const model::Block& block = m_doc.blocks[b];
    // A nation named as part of Great Britain or the UK ("in England and Wales") says nothing of
    // where the document is from: a UK-wide department's assessment is not Welsh.
    auto partOfBritain = [&](const Hit& h) {
        return std::any_of(bf.markers.begin(), bf.markers.end(), [&](const Hit& o) {
            return o.group == m_m.britain && o.firstWord <= h.firstWord && h.lastWord <= o.lastWord;
        });
    };
    for (const Hit& h : bf.markers)
    {
        if (h.group == m_m.environmental) ++d.environmental;
        else if ((h.group == m_m.ni || h.group == m_m.wales || h.group == m_m.scotland) && partOfBritain(h)) continue;
        else if (h.group == m_m.ni) ++d.ni;
        else if (h.group == m_m.wales) ++d.wales;
        else if (h.group == m_m.scotland) ++d.scotland;
        else if (h.group == m_m.biasTesting) ++d.biasTesting;
        else if (h.group == m_m.eiaTitle)
        {
            const std::u16string t = Tokenizer::fold(std::u16string_view(block.text).substr(h.start, h.end - h.start));
            const bool abbreviation = t == u"eia" || t == u"ehia";
            (abbreviation ? d.abbreviationAnywhere : d.titleAnywhere) += 1;
            if (head)
                (abbreviation ? d.abbreviationInHeads : d.titleInHeads) += 1;
        }
    }
    if ((heading && bf.hasMarker(m_m.equalitySection)) || bf.hasMarker(m_m.eiaTitle))
        d.equalitySection = true;
}

void RunReader::addSignals(DocumentPart& d, std::size_t b) const
{
    const BlockFacts& bf = f(b);
    // Intersections: people described by two characteristics at once ("older disabled women"),
    // or intersections named in a sentence about two groups or more. The word alone, or a claim
    // that intersectionality "has been considered", shows nothing.
    d.intersectionality = d.intersectionality || bf.intersectionPhrase;
    for (const Hit& h : bf.markers)
        if (h.group == m_m.intersection && !bf.sentenceIsList[h.sentence] && bf.sentenceGroups[h.sentence].size() >= 2)
            d.intersectionality = true;
    d.cumulative = d.cumulative || bf.hasMarker(m_m.cumulative);
    d.feedback = d.feedback || bf.hasMarker(m_m.feedback);
    d.justification = d.justification || bf.hasMarker(m_m.justification);
    d.decisionMaker = d.decisionMaker || bf.hasMarker(m_m.decisionMaker) || bf.hasMarker(m_m.declaration);
}

void RunReader::addEngagement(DocumentPart& d, std::size_t b) const
{
    const BlockFacts& bf = f(b);
    // Engagement: who was engaged, sentence by sentence, and whether it happened. "Residents
    // will be consulted" or "we would welcome views" is a plan, not engagement done.
    for (const Hit& h : bf.markers)
    {
        if (h.group != m_m.engagement)
            continue;
        // With people outside named, or by a way of asking people (a survey, a consultation)
        // that is not internal: "the consultation findings were reviewed".
        const bool internal = bf.hasMarkerInSentence(m_m.internal, h.sentence);
        if (bf.hasMarkerInSentence(m_m.external, h.sentence) || (!internal && peopleAsked(bf, h.sentence)))
        {
            if (happened(bf, h.sentence))
                d.engagement = true;
        }
        else if (internal)
            keepFirst(d.internalEngagement, sentenceAt(b, h.sentence));
    }
}

void RunReader::addMitigation(DocumentPart& d, std::size_t b, const BlockKey& key, bool heading) const
{
    const BlockFacts& bf = f(b);
    // Mitigation, and whether someone owns it by a date: sentences that say what will be done.
    // Whether there is anything to mitigate is decided for the whole document (Assessment.cpp).
    if (!heading)
        for (std::uint32_t s = 0; s < bf.sentences.size(); ++s)
        {
            if (!bf.hasMarkerInSentence(m_m.mitigation, s))
                continue;
            d.anyMitigation = true;
            if (bf.hasMarkerInSentence(m_m.negative, s))
                d.mitigationOfHarm = true; // "to reduce the disadvantage to ..."
            if (bf.hasMarker(m_m.owner) && !bf.dates.empty())
                d.ownedSentence = true;
        }
    if (bf.hasMarker(m_m.negative) && !heading)
        d.adverseNamed = true;

    // A blanket claim: one sentence saying that no group at all is affected; not one under a
    // group's own heading or in its row, which speaks of that group ("treated the same as
    // everyone").
    const bool aboutOneGroup = (key.underHeading | key.inRow) != 0 || (bf.rowLabel >= 0 && !heading);
    for (const Hit& h : bf.markers)
        if (h.group == m_m.neutral && !aboutOneGroup && bf.hasMarkerInSentence(m_m.blanket, h.sentence)
            && !bf.sentenceIsList[h.sentence])
        {
            keepFirst(d.blanketNoImpact, sentenceAt(b, h.sentence));
            break;
        }
    for (const Hit& h : bf.markers)
        if (h.group == m_m.vague)
            d.vagueMitigation.push_back(at(b, h));
}

void RunReader::addMonitoring(DocumentPart& d, std::size_t b) const
{
    const BlockFacts& bf = f(b);
    // Monitoring with a date, a year or a frequency, or of named figures broken down by group
    // ("uptake by age and disability"). "Will be monitored" alone is not a plan.
    if ((bf.hasMarker(m_m.reviewDate) && !bf.dates.empty()) || (bf.hasMarker(m_m.monitoring) && bf.hasMarker(m_m.frequency)))
        d.monitoring = true;
    for (const Date& date : bf.dates)
        if (bf.hasMarkerInSentence(m_m.monitoring, date.sentence) || bf.hasMarkerInSentence(m_m.reviewDate, date.sentence))
            d.monitoring = true;
    for (const Hit& h : bf.markers)
    {
        if ((h.group != m_m.monitoring && h.group != m_m.reviewDate) || !bf.sentencePlanned[h.sentence])
            continue;
        // The year after the review ("evaluated in 2027"), not before it ("the 2024/25 review").
        const bool yearAfter = std::any_of(bf.yearWords.begin(), bf.yearWords.end(),
                                           [&](std::uint32_t y) { return y > h.lastWord && y <= h.lastWord + 4; });
        if (yearAfter || bf.hasMarkerInSentence(m_m.disaggregated, h.sentence))
            d.monitoring = true;
    } // "will be evaluated in 2027", not "reviews in 2024/25 numbered 212,000"
}

void RunReader::addAims(DocumentPart& d, std::size_t b) const
{
    const BlockFacts& bf = f(b);
    // The three aims, in analysis rather than a paragraph quoting section 149.
    const std::array<int, 3> aimMarkers = { m_m.aimA, m_m.aimB, m_m.aimC };
    int aimsHere = 0;
    for (int m : aimMarkers)
        aimsHere += bf.hasMarker(m);
    const bool boilerplate = bf.hasMarker(m_m.statute) && aimsHere >= 2;
    for (const Hit& h : bf.markers)
        for (std::size_t i = 0; i < 3; ++i)
        {
            if (h.group != aimMarkers[i])
                continue;
            // The statute's own words ("... between persons who share a relevant protected
            // characteristic and persons who do not"), or the aim as a row's or a list's label
            // ("Eliminating unlawful discrimination | x |"), apply it to nothing.
            // So does a sentence about the Act itself ("The Equality Act 2010 protects people from
            // discrimination").
            // So does one about the assessment as a process ("The EQIA is an opportunity to promote
            // equality").
            const bool quoted = bf.hasMarkerInSentence(m_m.aimDefinition, h.sentence) || bf.hasMarkerInSentence(m_m.statute, h.sentence)
                                || bf.hasMarkerInSentence(m_m.eiaTitle, h.sentence);
            const bool label = bf.sentenceWords[h.sentence] <= h.lastWord - h.firstWord + 2 || bf.sentenceTitle[h.sentence];
            (boilerplate || quoted || label ? d.boilerplateAims[i] : d.aims[i]) = true;
        }
}

void RunReader::addDates(DocumentPart& d, std::size_t b, bool heading) const
{
    const BlockFacts& bf = f(b);
    // Dates of the assessment and of the decision it informs: each date belongs to the
    // nearest marker before it in its sentence ("completed on X; board meeting on Y").
    for (const Date& date : bf.dates)
    {
        const Hit* nearest = nullptr;
        for (const Hit& h : bf.markers)
            if ((h.group == m_m.assessmentDate || h.group == m_m.decisionDate) && h.sentence == date.sentence
                && h.lastWord < date.word && (!nearest || h.lastWord > nearest->lastWord))
                nearest = &h;
        if (nearest && nearest->group == m_m.assessmentDate)
            keepLatest(d.latestAssessment, date.serial());
        else if (nearest)
            keepEarliest(d.earliestDecision, date.serial());
        else if (d.documentDate.year == 0 && b < 4 && !heading && bf.hasMarkerInSentence(m_m.documentDate, date.sentence))
            d.documentDate = date; // "Date: 10 October 2025" on the front of the document
    }
}

// Passages the prompts point at: retrospective decisions, mantras, outdated terms, technology,
// and claims of over- or under-representation.
void RunReader::addPassages(BlockRun& run, std::size_t b, const std::vector<BlockKey>& keys) const
{
    DocumentPart& d = run.part.document;
    const BlockFacts& bf = f(b);
    const model::Block& block = m_doc.blocks[b];
    std::vector<std::uint32_t> claimSentences; // claims judged, once per sentence
    for (const Hit& h : bf.markers)
    {
        if (h.group == m_m.retrospective)
        {
            // "The scheme was introduced", not "A DPIA has been approved".
            if (bf.hasMarkerInSentence(m_m.decisionObject, h.sentence))
                d.retrospective.push_back(at(b, h));
        }
        else if (h.group == m_m.mantra)
            d.mantras.push_back(at(b, h));
        else if (h.group == m_m.equalTreatment)
            d.equalTreatment.push_back(at(b, h));
        else if (h.group == m_m.outdated)
            d.outdatedTerms.push_back({ at(b, h), text::toUtf8(std::u16string_view(block.text).substr(h.start, h.end - h.start)) });
        else if (h.group == m_m.technology)
            keepFirst(d.technology, at(b, h));
        else if ((h.group == m_m.claim || (h.group == m_m.decisionShare && bf.sentencePercent[h.sentence] > 0))
                 && std::find(claimSentences.begin(), claimSentences.end(), h.sentence) == claimSentences.end())
        {
            claimSentences.push_back(h.sentence);
            figuresClaim(run, b, h, keys);
        }
    }
}

void RunReader::addDataGaps(BlockRun& run, std::size_t b) const
{
    DocumentPart& d = run.part.document;
    const BlockFacts& bf = f(b);
    // Gaps in the evidence, and whether a plan to fill them follows.
    if (bf.hasMarker(m_m.dataGap))
    {
        if (b + 1 < size())
            run.dependsTo = std::max(run.dependsTo, b + 1);
        const bool plan = bf.hasMarker(m_m.gapPlan) || (b + 1 < size() && f(b + 1).hasMarker(m_m.gapPlan));
        if (!plan)
            for (const Hit& h : bf.markers)
                if (h.group == m_m.dataGap)
                {
                    d.dataGapsWithoutPlan.push_back(sentenceAt(b, h.sentence));
                    break;
                }
    }
}

// figuresClaim judges a statement of over- or under-representation: with no figure it is
// unquantified; with figures it needs a comparator or baseline in the sentence, and a period
// and an area given earlier in its section.
void RunReader::figuresClaim(BlockRun& run, std::size_t b, const Hit& h, const std::vector<BlockKey>& keys) const
{
    DocumentPart& d = run.part.document;
    const BlockFacts& bf = f(b);
    const bool rate = bf.hasMarkerInSentence(m_m.rate, h.sentence);
    const std::uint32_t figures = bf.sentenceNumbers[h.sentence] - std::min(bf.sentenceNumbers[h.sentence], std::uint32_t(bf.sentenceYears[h.sentence]));
    if (figures == 0 && !rate)
    {
        d.disproportionClaims.push_back(at(b, h));
        return;
    }
    // The context: this block and what comes before it in its section, back to the heading
    // (included) or twelve paragraphs, with any tables between (a table of figures is often
    // introduced by the paragraph that gives their period and area).
    bool period = false, area = false;
    auto look = [&](std::size_t k) {
        const BlockFacts& c = f(k);
        period = period || c.hasMarker(m_m.period) || !c.dates.empty()
                 || std::any_of(c.sentenceYears.begin(), c.sentenceYears.end(), [](std::uint8_t y) { return y > 0; });
        area = area || c.hasMarker(m_m.geography) || c.placeName;
    };
    look(b);
    for (std::size_t k = b, paragraphs = 0, cells = 0; k > 0 && paragraphs < kLookBackParagraphs && cells < kLookBackCells;)
    {
        --k;
        run.dependsFrom = std::min(run.dependsFrom, k);
        look(k);
        if (keys[k].flags & kHeading)
            break;
        ((keys[k].flags & kTableCell) ? cells : paragraphs) += 1;
    }
    // What the figure lacks, as keys of the rule pack's "values" (rules/packs/core.cy.json words
    // them, and the list's ", " and " or ", in the prompts' language).
    std::vector<std::string> missing;
    if (!rate && !bf.hasMarkerInSentence(m_m.comparison, h.sentence))
        missing.push_back("the comparator or baseline"); // l10n: not shown (rule pack "values" key)
    if (!period)
        missing.push_back("the period");
    if (!area)
        missing.push_back("the area");
    if (missing.empty())
        return;
    std::string list;
    for (std::size_t i = 0; i < missing.size(); ++i)
        list += (i == 0 ? "" : i + 1 == missing.size() ? " or " : ", ") + missing[i];
    d.incompleteFigures.push_back({ sentenceAt(b, h.sentence), list });
}
} // namespace dueregard::engine::detail
