#include "document/SectionInserter.hxx"

#include "UnoStrings.hxx"
#include "app/Language.hxx"
#include "app/Profile.hxx"
#include "document/EditStep.hxx"
#include "engine/Jurisdictions.hpp"

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/XMultiPropertyStates.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/util/XChangesBatch.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XEnumeration.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/style/ParagraphAdjust.hpp>
#include <com/sun/star/text/ControlCharacter.hpp>
#include <com/sun/star/text/TableColumnSeparator.hpp>
#include <com/sun/star/text/XBookmarksSupplier.hpp>
#include <com/sun/star/text/XParagraphCursor.hpp>
#include <com/sun/star/text/XRedline.hpp>
#include <com/sun/star/util/DateTime.hpp>
#include <com/sun/star/text/XRelativeTextContentInsert.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextCursor.hpp>
#include <com/sun/star/text/XTextTable.hpp>
#include <com/sun/star/text/XTextTablesSupplier.hpp>
#include <com/sun/star/text/XTextViewCursorSupplier.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>

#include <algorithm>
#include <ctime>
#include <numeric>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace dueregard::ext
{
util::DateTime now()
{
    const std::time_t t = std::time(nullptr);
    std::tm local{};
    localtime_r(&t, &local);
    util::DateTime d;
    d.Year = static_cast<sal_Int16>(local.tm_year + 1900);
    d.Month = static_cast<sal_uInt16>(local.tm_mon + 1);
    d.Day = static_cast<sal_uInt16>(local.tm_mday);
    d.Hours = static_cast<sal_uInt16>(local.tm_hour);
    d.Minutes = static_cast<sal_uInt16>(local.tm_min);
    d.Seconds = static_cast<sal_uInt16>(local.tm_sec);
    return d;
}

namespace
{
[[noreturn]] void refuse(const std::string& message)
{
    throw lang::IllegalArgumentException(fromUtf8(message), {}, 0);
}

std::string headingStyle(int level) { return "Heading " + std::to_string(std::clamp(level, 1, 10)); }

// Writer writes the plan forward with one text cursor, starting in an empty paragraph at the
// insertion point.
class Writer
{
public:
    Writer(const Reference<css::text::XTextDocument>& document, const std::string& tablePrefix)
        : m_document(document)
        , m_body(document->getText())
        , m_factory(document, UNO_QUERY_THROW)
        , m_tablePrefix(tablePrefix)
    {
    }

    // The insertion point: a new empty paragraph after or before an existing one or a table,
    // or the empty paragraph the cursor is in.
    void startAfterParagraph(const Reference<css::text::XTextRange>& paragraph)
    {
        refuseIfProtected(paragraph->getEnd());
        m_cursor = m_body->createTextCursorByRange(paragraph->getEnd());
        m_body->insertControlCharacter(range(), css::text::ControlCharacter::PARAGRAPH_BREAK, false);
    }
    void startBeforeParagraph(const Reference<css::text::XTextRange>& paragraph)
    {
        refuseIfProtected(paragraph->getStart());
        m_cursor = m_body->createTextCursorByRange(paragraph->getStart());
        m_body->insertControlCharacter(range(), css::text::ControlCharacter::PARAGRAPH_BREAK, false);
        m_cursor->goLeft(1, false);
    }
    void startInEmptyParagraph(const Reference<css::text::XTextRange>& position)
    {
        refuseIfProtected(position);
        m_cursor = m_body->createTextCursorByRange(position);
        Reference<css::text::XParagraphCursor>(m_cursor, UNO_QUERY_THROW)->gotoStartOfParagraph(false);
    }
    void startNextToTable(const Reference<css::text::XTextContent>& table, bool after)
    {
        Reference<css::text::XRelativeTextContentInsert> relative(m_body, UNO_QUERY_THROW);
        Reference<css::text::XTextContent> paragraph(m_factory->createInstance(ascii("com.sun.star.text.Paragraph")), UNO_QUERY_THROW);
        // Deprecated in the API reference, yet it is Writer's only way to put a paragraph right
        // next to a table, and LibreOffice 7.4 implements it for exactly that.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
        if (after)
            relative->insertTextContentAfter(paragraph, table);
        else
            relative->insertTextContentBefore(paragraph, table);
#pragma GCC diagnostic pop
        // The descriptor passed in does not become the new paragraph: find it beside the table.
        const Reference<uno::XInterface> tableObject(table, UNO_QUERY);
        Reference<container::XEnumeration> items = Reference<container::XEnumerationAccess>(m_body, UNO_QUERY_THROW)->createEnumeration();
        Reference<css::text::XTextRange> previous;
        while (items->hasMoreElements())
        {
            const Reference<uno::XInterface> item(items->nextElement(), UNO_QUERY);
            if (item == tableObject)
            {
                Reference<css::text::XTextRange> next;
                if (after && items->hasMoreElements())
                    next.set(items->nextElement(), UNO_QUERY);
                const Reference<css::text::XTextRange> target = after ? next : previous;
                if (!target.is())
                    break;
                m_cursor = m_body->createTextCursorByRange(target->getStart());
                return;
            }
            previous.set(item, UNO_QUERY);
        }
        refuse(uiText("insert.no_place_by_table"));
    }

    void write(const engine::Plan& plan, int baseLevel)
    {
        for (const engine::PlanBlock& b : plan.blocks)
        {
            if (b.kind == engine::PlanBlock::Kind::Table)
            {
                table(b);
                continue;
            }
            const bool heading = b.kind == engine::PlanBlock::Kind::Heading;
            paragraph(heading ? headingStyle(baseLevel + b.level) : "Text body");
            runs(m_body, m_cursor, b.runs);
            if (!b.bookmark.empty())
                bookmark(b.bookmark);
        }
    }

    void title(const std::vector<engine::Run>& text)
    {
        paragraph("Title");
        runs(m_body, m_cursor, text);
    }

    void subtitle(const std::string& text)
    {
        paragraph("Subtitle");
        m_body->insertString(m_cursor.get(), fromUtf8(text), false);
    }

    Reference<css::text::XTextRange> position() const { return m_cursor->getStart(); }

private:
    Reference<css::text::XTextRange> range() const { return Reference<css::text::XTextRange>(m_cursor.get()); }

    // paragraph moves to a fresh paragraph with nothing inherited from its neighbour but the
    // style it is given.
    void paragraph(const std::string& style)
    {
        Reference<css::text::XParagraphCursor> cursor(m_cursor, UNO_QUERY_THROW);
        if (m_used && !m_afterTable)
        {
            cursor->gotoEndOfParagraph(false);
            m_body->insertControlCharacter(range(), css::text::ControlCharacter::PARAGRAPH_BREAK, false);
        }
        m_used = true;
        m_afterTable = false;
        cursor->gotoStartOfParagraph(false);
        cursor->gotoEndOfParagraph(true);
        Reference<beans::XMultiPropertyStates>(m_cursor, UNO_QUERY_THROW)->setAllPropertiesToDefault();
        cursor->collapseToEnd();
        Reference<beans::XPropertySet> props(m_cursor, UNO_QUERY_THROW);
        props->setPropertyValue(ascii("NumberingStyleName"), uno::Any(rtl::OUString()));
        props->setPropertyValue(ascii("ParaStyleName"), uno::Any(fromUtf8(style)));
    }

    void runs(const Reference<css::text::XText>& text, const Reference<css::text::XTextCursor>& cursor,
              const std::vector<engine::Run>& runs)
    {
        for (const engine::Run& r : runs)
        {
            if (!r.placeholder)
            {
                text->insertString(cursor.get(), fromUtf8(r.text), false);
                continue;
            }
            Reference<beans::XPropertySet> field(m_factory->createInstance(ascii("com.sun.star.text.textfield.JumpEdit")),
                                                 UNO_QUERY_THROW);
            field->setPropertyValue(ascii("PlaceHolder"), uno::Any(fromUtf8(r.text)));
            field->setPropertyValue(ascii("Hint"), uno::Any(fromUtf8(r.hint.empty() ? r.text : r.hint)));
            field->setPropertyValue(ascii("PlaceHolderType"), uno::Any(sal_Int16(0))); // text
            text->insertTextContent(cursor.get(), Reference<css::text::XTextContent>(field, UNO_QUERY_THROW), false);
        }
    }

    void bookmark(const std::string& name)
    {
        // The bookmark spans the heading: the section runs to the next heading of its level.
        Reference<css::text::XParagraphCursor> cursor(m_cursor, UNO_QUERY_THROW);
        cursor->gotoStartOfParagraph(true);
        Reference<css::text::XTextContent> mark(m_factory->createInstance(ascii("com.sun.star.text.Bookmark")), UNO_QUERY_THROW);
        Reference<container::XNamed>(mark, UNO_QUERY_THROW)->setName(fromUtf8(name));
        m_body->insertTextContent(range(), mark, true);
        cursor->gotoEndOfParagraph(false);
    }

    void table(const engine::PlanBlock& b)
    {
        const sal_Int32 rows = static_cast<sal_Int32>(b.rows.size());
        const sal_Int32 columns = static_cast<sal_Int32>(b.rows.front().size());
        paragraph("Text body"); // the table goes before this paragraph, which stays after it
        Reference<css::text::XTextTable> table(m_factory->createInstance(ascii("com.sun.star.text.TextTable")), UNO_QUERY_THROW);
        table->initialize(rows, columns);
        Reference<container::XNamed>(table, UNO_QUERY_THROW)->setName(fromUtf8(uniqueTableName()));
        m_body->insertTextContent(range(), Reference<css::text::XTextContent>(table, UNO_QUERY_THROW), false);
        Reference<beans::XPropertySet> tableProps(table, UNO_QUERY_THROW);
        tableProps->setPropertyValue(ascii("RepeatHeadline"), uno::Any(true));
        if (b.columnWidths.size() == static_cast<std::size_t>(columns) && columns > 1)
        {
            // Column widths as separators on the table's relative scale.
            sal_Int16 scale = 10000;
            tableProps->getPropertyValue(ascii("TableColumnRelativeSum")) >>= scale;
            uno::Sequence<css::text::TableColumnSeparator> separators;
            tableProps->getPropertyValue(ascii("TableColumnSeparators")) >>= separators;
            const double total = std::accumulate(b.columnWidths.begin(), b.columnWidths.end(), 0.0);
            if (separators.getLength() == columns - 1 && total > 0)
            {
                double at = 0;
                for (sal_Int32 i = 0; i + 1 < columns; ++i)
                {
                    at += b.columnWidths[static_cast<std::size_t>(i)];
                    separators.getArray()[i].Position = static_cast<sal_Int16>(scale * at / total);
                }
                tableProps->setPropertyValue(ascii("TableColumnSeparators"), uno::Any(separators));
            }
        }
        for (sal_Int32 r = 0; r < rows; ++r)
            for (sal_Int32 c = 0; c < columns; ++c)
            {
                const std::string name = std::string(1, static_cast<char>('A' + c)) + std::to_string(r + 1);
                Reference<css::text::XText> cell(table->getCellByName(fromUtf8(name)), UNO_QUERY_THROW);
                Reference<css::text::XTextCursor> cursor = cell->createTextCursor();
                Reference<beans::XPropertySet> props(cursor, UNO_QUERY_THROW);
                props->setPropertyValue(ascii("ParaStyleName"), uno::Any(ascii(r == 0 ? "Table Heading" : "Table Contents")));
                if (r > 0 && static_cast<std::size_t>(c) < b.numericColumns.size() && b.numericColumns[static_cast<std::size_t>(c)])
                    props->setPropertyValue(ascii("ParaAdjust"), uno::Any(style::ParagraphAdjust_RIGHT));
                runs(cell, cursor, b.rows[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)]);
            }
        m_afterTable = true; // the next paragraph is the empty one after the table
    }

    std::string uniqueTableName()
    {
        Reference<css::text::XTextTablesSupplier> supplier(m_document, UNO_QUERY_THROW);
        Reference<container::XNameAccess> tables = supplier->getTextTables();
        for (int n = 1;; ++n)
        {
            std::string name = m_tablePrefix + std::to_string(n);
            if (!tables->hasByName(fromUtf8(name)))
                return name;
        }
    }

    Reference<css::text::XTextDocument> m_document;
    Reference<css::text::XText> m_body;
    Reference<lang::XMultiServiceFactory> m_factory;
    Reference<css::text::XTextCursor> m_cursor;
    std::string m_tablePrefix;
    bool m_used = false;       // the current paragraph holds something of ours
    bool m_afterTable = false; // the current paragraph is the empty one after our table
};

// The view cursor, if the document has a view.
Reference<css::text::XTextRange> viewCursor(const Reference<css::text::XTextDocument>& document)
{
    Reference<frame::XModel> model(document, UNO_QUERY);
    Reference<css::text::XTextViewCursorSupplier> supplier(model.is() ? model->getCurrentController() : nullptr, UNO_QUERY);
    return supplier.is() ? Reference<css::text::XTextRange>(supplier->getViewCursor(), UNO_QUERY) : nullptr;
}

void select(const Reference<css::text::XTextDocument>& document, const Reference<css::text::XTextRange>& range)
{
    Reference<frame::XModel> model(document, UNO_QUERY);
    Reference<view::XSelectionSupplier> selection(model.is() ? model->getCurrentController() : nullptr, UNO_QUERY);
    if (selection.is() && range.is())
        selection->select(uno::Any(range)); // selecting also scrolls it into view
}

// AuthorAs credits the changes Writer records to `name` while it lives, by setting the user's
// name in the profile and putting it back after (makeRedline would credit any name, but undoing
// the step would then leave its marks behind). Nothing changes when `name` is the user's own.
class AuthorAs
{
public:
    explicit AuthorAs(const std::string& name)
    {
        try
        {
            const Reference<uno::XComponentContext> context = processContext();
            if (!context.is())
                return;
            Reference<lang::XMultiServiceFactory> provider = configuration::theDefaultProvider::get(context);
            beans::NamedValue node(ascii("nodepath"), uno::Any(ascii("/org.openoffice.UserProfile/Data")));
            uno::Sequence<uno::Any> args(1);
            args.getArray()[0] <<= node;
            m_data.set(provider->createInstanceWithArguments(ascii("com.sun.star.configuration.ConfigurationUpdateAccess"), args),
                       UNO_QUERY_THROW);
            m_data->getPropertyValue(ascii("givenname")) >>= m_given;
            m_data->getPropertyValue(ascii("sn")) >>= m_surname;
            m_data->getPropertyValue(ascii("initials")) >>= m_initials;
            const rtl::OUString wanted = fromUtf8(name);
            if (wanted.isEmpty() || (m_given + (m_surname.isEmpty() ? rtl::OUString() : " " + m_surname)).trim() == wanted)
            {
                m_data.clear();
                return;
            }
            m_data->setPropertyValue(ascii("givenname"), uno::Any(wanted));
            m_data->setPropertyValue(ascii("sn"), uno::Any(rtl::OUString()));
            Reference<util::XChangesBatch>(m_data, UNO_QUERY_THROW)->commitChanges();
        }
        catch (const uno::Exception&)
        {
            m_data.clear(); // the user's own name is credited instead
        }
    }
    ~AuthorAs()
    {
        if (!m_data.is())
            return;
        try
        {
            m_data->setPropertyValue(ascii("givenname"), uno::Any(m_given));
            m_data->setPropertyValue(ascii("sn"), uno::Any(m_surname));
            m_data->setPropertyValue(ascii("initials"), uno::Any(m_initials));
            Reference<util::XChangesBatch>(m_data, UNO_QUERY_THROW)->commitChanges();
        }
        catch (const uno::Exception&)
        {
        }
    }
    AuthorAs(const AuthorAs&) = delete;
    AuthorAs& operator=(const AuthorAs&) = delete;

private:
    Reference<beans::XPropertySet> m_data;
    rtl::OUString m_given, m_surname, m_initials;
};

// RecordingOn records changes while it lives, and puts the document's setting back after.
class RecordingOn
{
public:
    explicit RecordingOn(const Reference<css::text::XTextDocument>& document)
        : m_props(document, UNO_QUERY_THROW)
    {
        m_props->getPropertyValue(ascii("RecordChanges")) >>= m_was;
        m_props->setPropertyValue(ascii("RecordChanges"), uno::Any(true));
    }
    ~RecordingOn()
    {
        try
        {
            m_props->setPropertyValue(ascii("RecordChanges"), uno::Any(m_was));
        }
        catch (const uno::Exception&)
        {
        }
    }
    RecordingOn(const RecordingOn&) = delete;
    RecordingOn& operator=(const RecordingOn&) = delete;

private:
    Reference<beans::XPropertySet> m_props;
    bool m_was = false;
};

class Session
{
public:
    explicit Session(const Reference<css::text::XTextDocument>& document)
        : m_document(document)
        , m_checker(DocumentChecker::forDocument(document))
    {
        refuseIfReadOnly(document);
        refresh();
    }

    void refresh() { m_checker->check(); }
    const engine::CheckResult& result() const { return *m_checker->lastResult(); }
    const model::Document& model() const { return m_checker->lastModel(); }
    const engine::Engine& engine() const { return m_checker->engine(); }
    DocumentAdapter& adapter() { return m_checker->adapter(); }

    const engine::SectionState* existing(const std::string& id) const
    {
        for (const engine::SectionState& s : result().assessment.sections)
            if (s.id == id)
                return &s;
        return nullptr;
    }

    engine::SectionMap sectionMap() const
    {
        engine::SectionMap map;
        map.sections = result().assessment.sections;
        return map;
    }

    // The cursor's block, where the view cursor is in the body text (or in a body table).
    std::optional<std::size_t> cursorBlock()
    {
        const Reference<css::text::XTextRange> cursor = viewCursor(m_document);
        if (!cursor.is())
            return std::nullopt;
        Reference<beans::XPropertySet> props(cursor, UNO_QUERY);
        Reference<uno::XInterface> paragraph;
        if (props.is())
            props->getPropertyValue(ascii("TextParagraph")) >>= paragraph;
        return paragraph.is() ? adapter().blockAt(paragraph) : std::nullopt;
    }

    // Inserts one section's plan at a placement. Returns false when nothing could be placed.
    // write inserts a plan and returns where the inserted content ends.
    Reference<css::text::XTextRange> write(const engine::Plan& plan, const engine::Placement& placement, bool withTitle,
                                           const std::string& jurisdiction)
    {
        Writer writer(m_document, engine::Templates::bookmarkFor(plan.id) + "_table");
        engine::Placement at = placement;
        if (at.where != engine::Placement::Where::Cursor)
            at = besideParagraph(at);
        if (at.where == engine::Placement::Where::Cursor)
            startAtCursor(writer);
        else if (const auto table = adapter().tableFor(at.block); table.is())
            writer.startNextToTable(table, at.where == engine::Placement::Where::After);
        else if (const auto para = adapter().paragraphFor(at.block); para.is())
            startBeside(writer, at.block, at.where == engine::Placement::Where::After);
        else
            refuse(uiText("insert.place_gone"));
        if (withTitle)
        {
            // Written in the templates' language, as the rest of what is inserted.
            const engine::Templates& templates = engine().templates();
            writer.title(
                engine::parseRuns(templates.title(jurisdiction) + ": "
                                  + l10n::text(templates.language(), "insert.title_placeholder")));
            // The organisation's name, where its administrator has set one.
            if (const std::string& organisation = m_checker->profile().settings.organisation; !organisation.empty())
                writer.subtitle(organisation);
        }
        writer.write(plan, placement.level);
        return writer.position();
    }

private:
    // besideParagraph turns "after a table" into "before the paragraph that follows it" and
    // "before a table" into "after the paragraph before it": Writer always has a paragraph
    // there except around a table that starts the document.
    engine::Placement besideParagraph(engine::Placement at) const
    {
        const auto& blocks = model().blocks;
        if (at.block >= blocks.size() || blocks[at.block].kind != model::BlockKind::TableCell)
            return at;
        const int table = blocks[at.block].table;
        if (at.where == engine::Placement::Where::After)
        {
            std::size_t k = at.block;
            while (k < blocks.size() && blocks[k].table == table)
                ++k;
            if (k < blocks.size() && blocks[k].kind == model::BlockKind::Paragraph)
                return { engine::Placement::Where::Before, k, at.level };
        }
        else
        {
            std::size_t j = at.block;
            while (j > 0 && blocks[j].table == table)
                --j;
            if (blocks[j].table != table && blocks[j].kind == model::BlockKind::Paragraph)
                return { engine::Placement::Where::After, j, at.level };
        }
        return at;
    }

    // startBeside starts next to a body paragraph; an empty one (such as the paragraph after a
    // table) is used as it is rather than left behind as a gap.
    void startBeside(Writer& writer, std::size_t block, bool after)
    {
        const model::Block& target = model().blocks[block];
        const Reference<css::text::XTextRange> para = adapter().paragraphFor(block);
        const bool empty = target.text.find_first_not_of(u" \t") == std::u16string::npos && target.placeholders == 0
                           && !target.isHeading();
        if (empty)
            writer.startInEmptyParagraph(para->getStart());
        else if (after)
            writer.startAfterParagraph(para);
        else
            writer.startBeforeParagraph(para);
    }

    void startAtCursor(Writer& writer)
    {
        const Reference<css::text::XTextRange> cursor = viewCursor(m_document);
        const Reference<css::text::XText> body = m_document->getText();
        if (!cursor.is())
        {
            writer.startAfterParagraph(body->getEnd());
            return;
        }
        Reference<beans::XPropertySet> props(cursor, UNO_QUERY);
        Reference<css::text::XTextContent> table;
        if (props.is())
            props->getPropertyValue(ascii("TextTable")) >>= table;
        const auto block = cursorBlock();
        if (table.is())
        {
            if (block)
            {
                const engine::Placement beside = besideParagraph({ engine::Placement::Where::After, *block, 1 });
                if (model().blocks[beside.block].kind == model::BlockKind::Paragraph)
                {
                    startBeside(writer, beside.block, false);
                    return;
                }
            }
            writer.startNextToTable(table, true);
            return;
        }
        if (!block || model().blocks[*block].kind != model::BlockKind::Paragraph)
            refuse(uiText("insert.cursor_in_body"));
        const Reference<css::text::XTextRange> paragraph = adapter().paragraphFor(*block);
        if (model().blocks[*block].text.find_first_not_of(u" \t") == std::u16string::npos
            && model().blocks[*block].placeholders == 0)
            writer.startInEmptyParagraph(paragraph->getStart());
        else
            writer.startAfterParagraph(paragraph);
    }

    Reference<css::text::XTextDocument> m_document;
    std::shared_ptr<DocumentChecker> m_checker;
};

std::string jurisdictionFor(const Session& s, const std::optional<std::string>& asked)
{
    if (asked)
    {
        if (!engine::isJurisdiction(*asked))
            refuse(uiText(
                "insert.unknown_jurisdiction",
                { { "jurisdiction", *asked }, { "ids", engine::jurisdictionIdsInWords() } }));
        return *asked;
    }
    return s.result().assessment.jurisdiction;
}

void takeTo(Session& s, const Reference<css::text::XTextDocument>& document, std::size_t block)
{
    const auto& text = s.model().blocks[block].text;
    select(document, s.adapter().rangeFor({ block, 0, text.size() }));
}
} // namespace

InsertOutcome insertSection(const Reference<css::text::XTextDocument>& document, const std::string& id, InsertAt at,
                            const std::optional<std::string>& jurisdiction)
{
    Session s(document);
    const engine::Templates& templates = s.engine().templates();
    if (!templates.has(id))
        refuse(uiText("insert.unknown_section", { { "id", id } }));
    InsertOutcome outcome;
    if (const engine::SectionState* there = s.existing(id))
    {
        outcome.existing = id;
        takeTo(s, document, there->block);
        return outcome;
    }
    const std::string j = jurisdictionFor(s, jurisdiction);
    const std::optional<engine::Plan> plan = templates.plan(id, j, s.engine().enabledGroups(j));
    engine::Placement placement;
    if (at == InsertAt::Auto)
        placement = engine::placeSection(s.model(), s.sectionMap(), templates, id);
    if (placement.where == engine::Placement::Where::Cursor)
        placement.level = engine::headingLevelAt(s.model(), s.sectionMap(), s.cursorBlock());
    {
        EditStep step(document, ui("undo.insert_section"), { true, false });
        s.write(*plan, placement, false, j);
    }
    outcome.inserted.push_back(id);
    s.refresh();
    if (const engine::SectionState* now = s.existing(id))
        takeTo(s, document, now->block);
    return outcome;
}

void insertAtCursor(const Reference<css::text::XTextDocument>& document, const engine::Plan& plan, const char* undoTitle)
{
    Session s(document);
    Reference<css::text::XTextRange> end;
    {
        EditStep step(document, undoTitle, { true, false });
        end = s.write(plan, engine::Placement{}, false, s.result().assessment.jurisdiction);
    }
    // The cursor goes after what was inserted (a selection at the insertion point would
    // otherwise grow over it).
    if (end.is())
        select(document, Reference<css::text::XTextRange>(end->getEnd()));
    s.refresh();
}

std::vector<std::string> proposeSections(const Reference<css::text::XTextDocument>& document, const std::string& author)
{
    Session s(document);
    const engine::Templates& templates = s.engine().templates();
    const std::vector<std::string> wanted = engine::sectionsToPropose(s.result().findings, templates);
    const std::string j = s.result().assessment.jurisdiction;

    // Recorded as the reviewer's insertions: written untracked, then marked as one tracked
    // insertion each with the reviewer as author. Writer records them itself (so undoing the
    // step removes them completely), credited to the reviewer for the moment it takes.
    std::vector<std::string> inserted;
    {
        EditStep step(document, ui("undo.propose_sections"), { true, false });
        const AuthorAs reviewer(author);
        const RecordingOn recording(document);
        for (const std::string& id : wanted)
        {
            if (s.existing(id))
                continue;
            const std::optional<engine::Plan> plan = templates.plan(id, j, s.engine().enabledGroups(j));
            engine::Placement placement = engine::placeSection(s.model(), s.sectionMap(), templates, id);
            if (placement.where == engine::Placement::Where::Cursor)
                placement.level = engine::headingLevelAt(s.model(), s.sectionMap(), std::nullopt);
            Reference<css::text::XTextRange> end;
            try
            {
                end = s.write(*plan, placement, false, j);
            }
            catch (const lang::IllegalArgumentException&)
            {
                continue; // its place is protected: nothing was written there; the others go ahead
            }
            (void)end;
            inserted.push_back(id);
            s.refresh();
        }
    }
    s.refresh();
    return inserted;
}

InsertOutcome insertSkeleton(const Reference<css::text::XTextDocument>& document, const std::optional<std::string>& jurisdiction)
{
    Session s(document);
    const engine::Templates& templates = s.engine().templates();
    const std::string j = jurisdictionFor(s, jurisdiction);
    InsertOutcome outcome;
    bool empty = std::all_of(s.model().blocks.begin(), s.model().blocks.end(), [](const model::Block& b) {
        return b.text.find_first_not_of(u" \t") == std::u16string::npos;
    });
    {
        EditStep step(document, ui("undo.insert_assessment"), { true, false });
        for (const std::string& id : templates.skeleton(j))
        {
            if (s.existing(id))
                continue;
            engine::Placement placement = engine::placeSection(s.model(), s.sectionMap(), templates, id);
            if (placement.where == engine::Placement::Where::Cursor)
                placement.level = empty ? 1 : engine::headingLevelAt(s.model(), s.sectionMap(), s.cursorBlock());
            try
            {
                s.write(*templates.plan(id, j, s.engine().enabledGroups(j)), placement, empty, j);
            }
            catch (const lang::IllegalArgumentException&)
            {
                continue; // its place is protected: nothing was written there; the others go ahead
            }
            empty = false;
            outcome.inserted.push_back(id);
            s.refresh(); // the next section is placed among what is now there
        }
    }
    if (!outcome.inserted.empty())
        if (const engine::SectionState* first = s.existing(outcome.inserted.front()))
            takeTo(s, document, first->block);
    return outcome;
}
} // namespace dueregard::ext
