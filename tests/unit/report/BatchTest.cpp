// Batch reports: CSV and HTML escape whatever documents contain, and summarise each file.

#include "../engine/ExampleDocument.hpp"

#include "report/Batch.hpp"

#include <gtest/gtest.h>

using namespace dueregard;

namespace
{
report::FileReport checked(const std::string& file, const std::vector<std::string>& lines)
{
    static engine::Engine engine;
    report::FileReport r;
    r.file = file;
    r.result = engine.check(test::exampleDocument(lines));
    r.facts = r.result.facts;
    return r;
}
} // namespace

TEST(BatchTest, CsvFieldsAreQuotedAndFormulasNeutralised)
{
    EXPECT_EQ(report::escapeCsv("plain"), "plain");
    EXPECT_EQ(report::escapeCsv("a,b"), "\"a,b\"");
    EXPECT_EQ(report::escapeCsv("say \"hi\""), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(report::escapeCsv("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
    EXPECT_EQ(report::escapeCsv("line\nbreak"), "\"line\nbreak\"");
}

TEST(BatchTest, SummaryHasARowPerFileAndAColumnPerCharacteristic)
{
    std::vector<report::FileReport> reports = {
        checked("/eias/a.odt", { "# Equality impact assessment", "## Age",
                                 "Older people are 31% of users compared with 19% of residents (Census 2021)." }),
        report::FileReport{ "/eias/b,broken.docx", std::string("the file is corrupt"), {}, {}, {}, {} },
    };
    const std::string csv = report::csvSummary(reports);
    EXPECT_EQ(csv.rfind("file,status,score,kind,jurisdiction,errors,warnings,advice,age,disability,", 0), 0u) << csv;
    EXPECT_NE(csv.find("/eias/a.odt,checked,"), std::string::npos);
    EXPECT_NE(csv.find(",evidenced,missing,"), std::string::npos) << csv; // age, then disability
    EXPECT_NE(csv.find("\"/eias/b,broken.docx\",not checked,"), std::string::npos) << csv;
    EXPECT_NE(csv.find("the file is corrupt"), std::string::npos);
}

TEST(BatchTest, HtmlEscapesDocumentTextAndShowsTheHeatmap)
{
    std::vector<report::FileReport> reports = {
        checked("/eias/<script>alert(1)</script>.odt",
                { "# Equality impact assessment", "The council will monitor <b>impact</b> where possible." }),
    };
    const std::string html = report::htmlReport(reports, "29 November 2026");
    EXPECT_EQ(html.find("<script>alert"), std::string::npos);
    EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
    EXPECT_EQ(html.find("<b>impact</b>"), std::string::npos);
    EXPECT_NE(html.find("<table id=\"heatmap\">"), std::string::npos);
    EXPECT_NE(html.find("Questions to put to the public body"), std::string::npos);
    EXPECT_NE(html.find("29 November 2026"), std::string::npos);
    EXPECT_NE(html.find("title=\"Age: missing\""), std::string::npos); // not colour alone
}

TEST(BatchTest, ReportFileNamesAreSafeAndNumbered)
{
    EXPECT_EQ(report::reportFileName(0, "/x/Library Hours EIA (final).docx"), "001-library-hours-eia-final.json");
    EXPECT_EQ(report::reportFileName(41, "/x/../..//.odt"), "042-odt.json");
    EXPECT_EQ(report::reportFileName(2, "/x/***.docx"), "003-document.json");
}

TEST(BatchTest, ControlCharactersAndHiddenFormulasAreNeutralised)
{
    using namespace dueregard::report;
    EXPECT_EQ(escapeHtml("a\x07" "b\x1b" "c\td"), "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\td");
    EXPECT_EQ(escapeHtml("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
    EXPECT_EQ(escapeCsv("=cmd|' /C calc'!A0"), "'=cmd|' /C calc'!A0");
    EXPECT_EQ(escapeCsv("\t=1+1"), "'\t=1+1");
    EXPECT_EQ(escapeCsv("bell\x07" "here"), "bell here");
    EXPECT_EQ(escapeCsv("a,\"b\""), "\"a,\"\"b\"\"\"");
}

TEST(BatchTest, ThresholdsForPipelines)
{
    report::FileReport r;
    r.result.score = 60;
    engine::Finding advice, warning, error;
    advice.severity = "advice";
    warning.severity = "warning";
    error.severity = "error";
    r.result.findings = { advice };
    EXPECT_FALSE(report::crossesThreshold(r, {}));
    EXPECT_FALSE(report::crossesThreshold(r, { "warning", std::nullopt }));
    EXPECT_TRUE(report::crossesThreshold(r, { std::nullopt, 61 }));
    EXPECT_FALSE(report::crossesThreshold(r, { std::nullopt, 60 }));
    r.result.findings.push_back(warning);
    EXPECT_TRUE(report::crossesThreshold(r, { "warning", std::nullopt }));
    EXPECT_FALSE(report::crossesThreshold(r, { "error", std::nullopt }));
    r.result.findings.push_back(error);
    EXPECT_TRUE(report::crossesThreshold(r, { "error", std::nullopt }));
    r.error = "the file is empty"; // not checked: no threshold applies
    EXPECT_FALSE(report::crossesThreshold(r, { "warning", 100 }));
}

TEST(BatchTest, EachReportSaysTheLanguageOfItsPrompts)
{
    static engine::Engine welsh("cy");
    const std::vector<std::string> lines
        = { "# Equality impact assessment", "The council will monitor impact where possible." };
    report::FileReport cy;
    cy.file = "/eias/cy.odt";
    cy.result = welsh.check(test::exampleDocument(lines));
    cy.facts = cy.result.facts;
    const std::vector<report::FileReport> reports
        = { checked("/eias/en.odt", lines), cy,
            report::FileReport{ "/eias/broken.docx", std::string("corrupt"), {}, {}, {}, {} } };
    // CSV: a language column at the end (nothing renamed), empty for a file not checked.
    const std::string csv = report::csvSummary(reports);
    EXPECT_NE(csv.find(",error,language\r\n"), std::string::npos) << csv;
    EXPECT_NE(csv.find(",,en-GB\r\n"), std::string::npos) << csv;
    EXPECT_NE(csv.find(",,cy\r\n"), std::string::npos) << csv;
    EXPECT_NE(csv.find(",corrupt,\r\n"), std::string::npos) << csv;
    // HTML: the page is English; Welsh prompts are marked as Welsh, English ones are not marked.
    const std::string html = report::htmlReport(reports, "5 December 2026");
    EXPECT_NE(html.find("<html lang=\"en-GB\">"), std::string::npos);
    EXPECT_NE(html.find("prompts in Cymraeg (cy)"), std::string::npos);
    EXPECT_NE(html.find("prompts in English (UK) (en-GB)"), std::string::npos);
    const std::size_t welshFile = html.find("id=\"file-1\"");
    ASSERT_NE(welshFile, std::string::npos);
    EXPECT_EQ(html.substr(0, welshFile).find(" lang=\"cy\""), std::string::npos);
    EXPECT_NE(html.find("<span lang=\"cy\">" + cy.result.findings.front().message.substr(0, 10)),
              std::string::npos)
        << html;
}

TEST(BatchTest, AllWelshReportsMakeAWelshPage)
{
    static engine::Engine welsh("cy");
    report::FileReport cy;
    cy.file = "/eias/cy.odt";
    cy.result = welsh.check(test::exampleDocument(
        { "# Equality impact assessment", "The council will monitor impact." }));
    cy.facts = cy.result.facts;
    const std::vector<report::FileReport> reports
        = { cy, report::FileReport{ "/eias/broken.docx", std::string("corrupt"), {}, {}, {}, {} } };
    const std::string html = report::htmlReport(reports, "5 Rhagfyr 2026");
    EXPECT_NE(html.find("<html lang=\"cy\">"), std::string::npos);
    EXPECT_NE(html.find("<h1>Cymharu asesiadau cydraddoldeb</h1>"), std::string::npos) << html;
    EXPECT_NE(html.find("<th scope=\"col\">Ffeil</th>"), std::string::npos);
    EXPECT_NE(html.find(">Sgôr</th>"), std::string::npos);
    EXPECT_NE(html.find("Heb ei gwirio: corrupt"), std::string::npos);
    EXPECT_NE(html.find("Dewiswch <em>Sgôr</em> i drefnu."), std::string::npos);
    EXPECT_EQ(html.find("Questions to put"), std::string::npos);
    EXPECT_EQ(html.find(" lang=\"cy\">"), html.find("<html lang=\"cy\">") + 5)
        << "the page is Welsh: no span needs marking";
    // The CSV is the same in every language: its columns and values are read by pipelines.
    EXPECT_NE(report::csvSummary(reports).find(",not checked,"), std::string::npos);
}
