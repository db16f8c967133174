#include "document/DocumentAdapter.hxx"

#include "app/Profile.hxx"
#include "UnoStrings.hxx"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XEnumeration.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/document/XDocumentPropertiesSupplier.hpp>
#include <com/sun/star/document/XRedlinesSupplier.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/reflection/XIdlClass.hpp>
#include <com/sun/star/reflection/XIdlMethod.hpp>
#include <com/sun/star/reflection/theCoreReflection.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/table/XTableColumns.hpp>
#include <com/sun/star/table/XTableRows.hpp>
#include <com/sun/star/text/XParagraphCursor.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextCursor.hpp>
#include <com/sun/star/text/XBookmarksSupplier.hpp>
#include <com/sun/star/text/XTextField.hpp>
#include <com/sun/star/text/XTextFieldsSupplier.hpp>
#include <com/sun/star/text/XTextTable.hpp>
#include <com/sun/star/util/XModifiable.hpp>

#include <algorithm>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace dueregard::ext
{
namespace
{
template <typename T> T propertyOr(const Reference<beans::XPropertySet>& props, const char* name, const T& fallback)
{
    try
    {
        T value{};
        if (props.is() && (props->getPropertyValue(ascii(name)) >>= value))
            return value;
    }
    catch (const uno::Exception&)
    {
        // An optional property this paragraph does not have: the fallback is the right answer.
    }
    return fallback;
}

bool inList(const Reference<beans::XPropertySet>& props)
{
    // A paragraph in a list has a list id; NumberingIsNumber is false for body text outside one.
    return !propertyOr<rtl::OUString>(props, "ListId", rtl::OUString()).isEmpty();
}
} // namespace

std::size_t codePointsBefore(std::u16string_view text, std::size_t utf16Offset)
{
    const std::size_t end = std::min(utf16Offset, text.size());
    std::size_t count = 0;
    for (std::size_t i = 0; i < end; ++i)
    {
        // A high surrogate followed by a low one is one code point: count it once.
        const bool pairStart = text[i] >= 0xD800 && text[i] <= 0xDBFF && i + 1 < text.size()
                               && text[i + 1] >= 0xDC00 && text[i + 1] <= 0xDFFF;
        ++count;
        if (pairStart)
            ++i;
    }
    return count;
}

bool cellPosition(std::u16string_view name, int& row, int& column)
{
    std::size_t i = 0;
    int col = 0;
    while (i < name.size() && ((name[i] >= u'A' && name[i] <= u'Z') || (name[i] >= u'a' && name[i] <= u'z')))
    {
        // Writer names columns A..Z then a..z (52 per "digit").
        const int digit = name[i] <= u'Z' ? name[i] - u'A' : 26 + (name[i] - u'a');
        col = col * 52 + digit + 1;
        ++i;
    }
    if (col == 0 || i == name.size())
        return false;
    int r = 0;
    const std::size_t digits = i;
    while (i < name.size() && name[i] >= u'0' && name[i] <= u'9' && r < 1'000'000)
        r = r * 10 + (name[i++] - u'0');
    if (i == digits || r == 0)
        return false;
    row = r - 1;
    column = col - 1;
    return true;
}

DocumentAdapter::DocumentAdapter(const Reference<css::text::XTextDocument>& document)
    : m_document(document)
{
}

std::string DocumentAdapter::identify(const Reference<uno::XInterface>& object)
{
    const auto it = m_ids.find(object.get());
    if (it != m_ids.end())
        return it->second;
    std::string id = "b" + std::to_string(m_nextId++);
    m_ids.emplace(object.get(), id);
    return id;
}

model::Document DocumentAdapter::extract(const engine::Templates* templates, PendingChanges pending, model::Document* otherReading)
{
    const std::shared_ptr<Reading> reading = beginReading();
    while (!readSome(*reading, std::chrono::microseconds::max()))
    {
    }
    return finishReading(*reading, templates, pending, otherReading);
}

std::shared_ptr<DocumentAdapter::Reading> DocumentAdapter::beginReading()
{
    auto r = std::make_shared<Reading>();
    Reference<document::XDocumentPropertiesSupplier> dps(m_document, UNO_QUERY);
    if (dps.is())
        r->out.title = toUtf8(dps->getDocumentProperties()->getTitle());
    Reference<container::XEnumerationAccess> body(m_document->getText(), UNO_QUERY_THROW);
    r->items = body->createEnumeration();
    return r;
}

bool DocumentAdapter::readSome(Reading& r, std::chrono::microseconds budget)
{
    if (r.done)
        return true;
    // A reading goes on in slices, between which the document may be closed. LibreOffice 7.4
    // then threw from the paragraph enumeration; 25.x crashes in it. The model itself still
    // answers a closed document with DisposedException, so ask it first.
    if (const Reference<util::XModifiable> model(m_document, UNO_QUERY); model.is())
        model->isModified();
    const auto start = std::chrono::steady_clock::now();
    std::size_t read = 0;
    while (r.items->hasMoreElements())
    {
        Reference<uno::XInterface> item(r.items->nextElement(), UNO_QUERY);
        Reference<lang::XServiceInfo> info(item, UNO_QUERY);
        if (info.is())
        {
            if (info->supportsService(ascii("com.sun.star.text.TextTable")))
                addTable(r, item);
            else if (info->supportsService(ascii("com.sun.star.text.Paragraph")))
                addParagraph(r, item, -1, -1, -1);
        }
        // The clock is read every few paragraphs: reading one costs a few microseconds.
        if (++read % 16 == 0 && budget != std::chrono::microseconds::max()
            && std::chrono::steady_clock::now() - start >= budget)
            return false;
    }
    r.done = true;
    return true;
}

model::Document DocumentAdapter::finishReading(Reading& r, const engine::Templates* templates, PendingChanges pending,
                                               model::Document* otherReading)
{
    // The new reading becomes the adapter's: its positions, tables and paragraph identities.
    m_keepAlive = std::move(r.keepAlive);
    m_blockRanges = std::move(r.blockRanges);
    m_tables = std::move(r.tables);
    m_blockTable = std::move(r.blockTable);
    m_blockOf.clear();
    // Forget paragraphs that no longer exist, so ids and memory do not pile up while editing.
    std::unordered_map<uno::XInterface*, std::string> live;
    for (std::size_t i = 0; i < m_keepAlive.size(); ++i)
    {
        live.emplace(m_keepAlive[i].get(), m_ids[m_keepAlive[i].get()]);
        m_blockOf.emplace(m_keepAlive[i].get(), i);
    }
    m_ids = std::move(live);
    m_raw = std::move(r.out);
    return finish(m_raw, templates, pending, otherReading);
}

model::Document DocumentAdapter::finish(model::Document out, const engine::Templates* templates, PendingChanges pending,
                                        model::Document* otherReading)
{
    m_finishTouched.clear();
    if (templates)
        markInserted(out, *templates);
    readPending(out, pending, otherReading);
    return out;
}

bool DocumentAdapter::neighboursAsRead(std::size_t b) const
{
    // Writer's paragraph cursor moves within one text: the body (stepping over tables) or one
    // table cell. The paragraphs it finds either side must be the ones this reading has there.
    const model::Block& block = m_raw.blocks[b];
    const bool inCell = block.kind == model::BlockKind::TableCell;
    auto sameText = [&](std::size_t i) {
        const model::Block& o = m_raw.blocks[i];
        return inCell ? (o.table == block.table && o.row == block.row && o.column == block.column)
                      : o.kind == model::BlockKind::Paragraph;
    };
    std::optional<std::size_t> before, after;
    for (std::size_t i = b; i-- > 0;)
    {
        if (sameText(i))
        {
            before = i;
            break;
        }
        if (inCell)
            break; // a cell's paragraphs are read one after another
    }
    for (std::size_t i = b + 1; i < m_raw.blocks.size(); ++i)
    {
        if (sameText(i))
        {
            after = i;
            break;
        }
        if (inCell)
            break;
    }
    const Reference<css::text::XTextRange>& range = m_blockRanges[b];
    auto neighbour = [&](bool previous) -> std::optional<std::optional<std::size_t>> {
        Reference<css::text::XParagraphCursor> cursor(range->getText()->createTextCursorByRange(range->getStart()), UNO_QUERY_THROW);
        if (!(previous ? cursor->gotoPreviousParagraph(false) : cursor->gotoNextParagraph(false)))
            return std::optional<std::size_t>(); // none: the first or last in its text
        Reference<uno::XInterface> paragraph;
        Reference<beans::XPropertySet>(cursor, UNO_QUERY_THROW)->getPropertyValue(ascii("TextParagraph")) >>= paragraph;
        const std::optional<std::size_t> known = paragraph.is() ? blockAt(paragraph) : std::nullopt;
        if (!known)
            return std::nullopt; // a paragraph this reading does not have
        return known;
    };
    const auto previous = neighbour(true);
    if (!previous || *previous != before)
        return false;
    const auto next = neighbour(false);
    return next && *next == after;
}

bool DocumentAdapter::textIsAsRead() const
{
    // Writer gives the body's text as its paragraphs in document order (a table's cell by cell),
    // each followed by a line feed but the last: compare it with this reading's blocks in place.
    const rtl::OUString all = m_document->getText()->getString();
    std::u16string_view rest(reinterpret_cast<const char16_t*>(all.getStr()), static_cast<std::size_t>(all.getLength()));
    for (std::size_t i = 0; i < m_raw.blocks.size(); ++i)
    {
        if (i > 0)
        {
            if (rest.empty() || rest.front() != u'\n')
                return false;
            rest.remove_prefix(1);
        }
        const std::u16string& text = m_raw.blocks[i].text;
        if (rest.substr(0, text.size()) != text)
            return false;
        rest.remove_prefix(text.size());
    }
    return rest.empty();
}

std::optional<model::Document> DocumentAdapter::rereadEdited(const std::vector<Reference<uno::XInterface>>& paragraphs,
                                                             const engine::Templates* templates, PendingChanges pending,
                                                             model::Document* otherReading, std::size_t* blocksRead,
                                                             std::vector<std::size_t>* changedBlocks)
{
    if (blocksRead)
        *blocksRead = 0;
    if (paragraphs.empty() || m_raw.blocks.size() != m_blockRanges.size())
        return std::nullopt;
    try
    {
        std::vector<std::pair<std::size_t, model::Block>> fresh;
        bool changed = false;
        for (const Reference<uno::XInterface>& paragraph : paragraphs)
        {
            const std::optional<std::size_t> b = blockAt(paragraph);
            if (!b || !neighboursAsRead(*b))
                return std::nullopt;
            const model::Block& old = m_raw.blocks[*b];
            Reading r;
            addParagraph(r, m_keepAlive[*b], old.table, old.row, old.column);
            if (r.out.blocks.size() != 1)
                return std::nullopt;
            model::Block& now = r.out.blocks.front();
            changed = changed || now.text != old.text || now.style != old.style || now.outlineLevel != old.outlineLevel
                      || now.listLevel != old.listLevel;
            fresh.emplace_back(*b, std::move(now));
        }
        if (blocksRead)
            *blocksRead = fresh.size();
        if (!changed)
            return std::nullopt; // the edit was not (only) in these paragraphs
        for (auto& [b, block] : fresh)
            m_raw.blocks[b] = std::move(block);
        Reference<document::XDocumentPropertiesSupplier> dps(m_document, UNO_QUERY);
        if (dps.is())
            m_raw.title = toUtf8(dps->getDocumentProperties()->getTitle());
        // What differs from the last reading: the blocks read again, and those our sections,
        // placeholders and pending changes altered in either reading.
        std::vector<std::size_t> differs = m_finishTouched;
        model::Document out = finish(m_raw, templates, pending, otherReading);
        if (changedBlocks)
        {
            for (const auto& [b, block] : fresh)
                differs.push_back(b);
            differs.insert(differs.end(), m_finishTouched.begin(), m_finishTouched.end());
            std::sort(differs.begin(), differs.end());
            differs.erase(std::unique(differs.begin(), differs.end()), differs.end());
            *changedBlocks = std::move(differs);
        }
        return out;
    }
    catch (const uno::Exception&)
    {
        return std::nullopt; // a paragraph went while we looked: read it all
    }
}

std::optional<std::size_t> DocumentAdapter::offsetIn(std::size_t block, const Reference<css::text::XTextRange>& position) const
{
    try
    {
        const Reference<css::text::XTextRange>& para = m_blockRanges[block];
        Reference<css::text::XTextCursor> before = para->getText()->createTextCursorByRange(para->getStart());
        before->gotoRange(position, true);
        return static_cast<std::size_t>(before->getString().getLength());
    }
    catch (const uno::Exception&)
    {
        return std::nullopt;
    }
}

void DocumentAdapter::readPending(model::Document& out, PendingChanges pending, model::Document* other)
{
    // Text that would go if the pending changes were accepted (deletions) or rejected
    // (insertions) is blanked with spaces: offsets still match Writer's, and it is not read.
    m_pendingChanges = 0;
    Reference<document::XRedlinesSupplier> supplier(m_document, UNO_QUERY);
    if (!supplier.is())
        return;
    Reference<container::XEnumeration> each = supplier->getRedlines()->createEnumeration();
    if (!each->hasMoreElements())
        return;
    if (other)
        *other = out;
    const rtl::OUString hidden = pending == PendingChanges::AsAccepted ? ascii("Delete") : ascii("Insert");
    while (each->hasMoreElements())
    {
        Reference<beans::XPropertySet> redline(each->nextElement(), UNO_QUERY);
        if (!redline.is())
            continue;
        ++m_pendingChanges;
        rtl::OUString type;
        redline->getPropertyValue(ascii("RedlineType")) >>= type;
        if (type != "Delete" && type != "Insert")
            continue;
        // This reading hides the change's text, or the other reading does.
        model::Document* target = type == hidden ? &out : other;
        if (!target)
            continue;
        try
        {
            Reference<css::text::XTextRange> start, end;
            redline->getPropertyValue(ascii("RedlineStart")) >>= start;
            redline->getPropertyValue(ascii("RedlineEnd")) >>= end;
            if (!start.is() || !end.is())
                continue;
            // Writer may report the two ends the other way round: order them.
            auto first = blockOfRange(start);
            auto last = blockOfRange(end);
            if (!first || !last)
                continue;
            std::size_t from = offsetIn(*first, start).value_or(0);
            std::size_t to = offsetIn(*last, end).value_or(target->blocks[*last].text.size());
            if (std::make_pair(*last, to) < std::make_pair(*first, from))
            {
                std::swap(first, last);
                std::swap(from, to);
            }
            for (std::size_t b = *first; b <= *last; ++b)
            {
                if (target == &out)
                    m_finishTouched.push_back(b);
                std::u16string& text = target->blocks[b].text;
                const std::size_t s = b == *first ? std::min(from, text.size()) : 0;
                const std::size_t e = b == *last ? std::min(to, text.size()) : text.size();
                for (std::size_t i = s; i < e; ++i)
                    text[i] = u' ';
                if (s == 0 && e == text.size())
                {
                    // The whole paragraph goes in this reading, and with it anything of ours.
                    target->blocks[b].insertedSection.clear();
                    target->blocks[b].placeholders = 0;
                }
            }
        }
        catch (const uno::Exception&)
        {
            // A change outside the body text (a header, a frame): not part of what we read.
        }
    }
}

std::optional<std::size_t> DocumentAdapter::blockAt(const Reference<uno::XInterface>& paragraph) const
{
    const Reference<uno::XInterface> canonical(paragraph, UNO_QUERY);
    const auto it = m_blockOf.find(canonical.get());
    if (it == m_blockOf.end())
        return std::nullopt;
    return it->second;
}

std::optional<std::size_t> DocumentAdapter::blockOfRange(const Reference<css::text::XTextRange>& range) const
{
    // Writer tells which paragraph a position is in; its object is the one we keep for the block.
    Reference<beans::XPropertySet> props(range, UNO_QUERY);
    if (!props.is())
        return std::nullopt;
    Reference<uno::XInterface> paragraph;
    props->getPropertyValue(ascii("TextParagraph")) >>= paragraph;
    return paragraph.is() ? blockAt(paragraph) : std::nullopt;
}

namespace
{
// The document's content controls, through com.sun.star.text.XContentControlsSupplier
// (LibreOffice 7.6 and later), which the LibreOffice 7.4 SDK this is built with has no header for:
// called through UNO's reflection. In LibreOffice 7.4 the type does not exist and there are none.
Reference<container::XIndexAccess> contentControls(const Reference<uno::XInterface>& document)
{
    const Reference<uno::XComponentContext> context = processContext();
    if (!document.is() || !context.is())
        return {};
    try
    {
        const Reference<reflection::XIdlClass> supplier =
            reflection::theCoreReflection::get(context)->forName(ascii("com.sun.star.text.XContentControlsSupplier"));
        if (!supplier.is())
            return {};
        const Reference<reflection::XIdlMethod> method = supplier->getMethod(ascii("getContentControls"));
        if (!method.is() || !document->queryInterface(uno::Type(uno::TypeClass_INTERFACE, supplier->getName())).hasValue())
            return {};
        uno::Sequence<uno::Any> none;
        Reference<container::XIndexAccess> controls;
        method->invoke(uno::Any(document), none) >>= controls;
        return controls;
    }
    catch (const uno::Exception&)
    {
        return {}; // no content controls to be had: none are counted
    }
}
} // namespace

void DocumentAdapter::markInserted(model::Document& out, const engine::Templates& templates)
{
    markSections(out, templates);
    for (const Reference<css::text::XTextContent>& field : placeholders(templates))
    {
        if (!field.is())
            continue;
        try
        {
            blankPlaceholder(out, field);
        }
        catch (const uno::Exception&)
        {
            // A field that cannot be located is simply not counted.
        }
    }
}

void DocumentAdapter::markSections(model::Document& out, const engine::Templates& templates)
{
    // Our section bookmarks: the section starts at the block where the bookmark starts.
    Reference<css::text::XBookmarksSupplier> bookmarks(m_document, UNO_QUERY);
    if (bookmarks.is())
    {
        Reference<container::XNameAccess> all = bookmarks->getBookmarks();
        for (const rtl::OUString& name : all->getElementNames())
        {
            if (!name.startsWith("DueRegard_"))
                continue;
            const std::optional<std::string> section = templates.sectionForBookmark(toUtf8(name));
            Reference<css::text::XTextContent> mark(all->getByName(name), UNO_QUERY);
            if (!section || !mark.is())
                continue;
            try
            {
                if (const auto b = blockOfRange(mark->getAnchor()->getStart()))
                {
                    out.blocks[*b].insertedSection = *section;
                    m_finishTouched.push_back(*b);
                }
            }
            catch (const uno::Exception&)
            {
                // A bookmark outside the body text (a header, a frame): not one of our sections.
            }
        }
    }
}

std::vector<Reference<css::text::XTextContent>> DocumentAdapter::placeholders(const engine::Templates& templates) const
{
    // Placeholders the writer has not replaced: our placeholder fields, the input fields they
    // become after a .docx round trip in LibreOffice 7.4 while they still hold the placeholder's
    // text, and the content controls showing their placeholder that LibreOffice 25.x makes of
    // them instead.
    std::vector<Reference<css::text::XTextContent>> found;
    Reference<css::text::XTextFieldsSupplier> fields(m_document, UNO_QUERY);
    if (fields.is())
    {
        Reference<container::XEnumeration> each = fields->getTextFields()->createEnumeration();
        while (each->hasMoreElements())
        {
            Reference<css::text::XTextField> field(each->nextElement(), UNO_QUERY);
            Reference<lang::XServiceInfo> info(field, UNO_QUERY);
            if (!field.is() || !info.is())
                continue;
            bool placeholder = info->supportsService(ascii("com.sun.star.text.TextField.JumpEdit"));
            if (!placeholder && info->supportsService(ascii("com.sun.star.text.TextField.Input")))
                placeholder = templates.isPlaceholderText(toUtf8(
                    propertyOr<rtl::OUString>(Reference<beans::XPropertySet>(field, UNO_QUERY), "Content", rtl::OUString())));
            if (placeholder)
                found.emplace_back(field, UNO_QUERY);
        }
    }
    if (const Reference<container::XIndexAccess> controls = contentControls(m_document); controls.is())
    {
        for (sal_Int32 i = 0, n = controls->getCount(); i < n; ++i)
        {
            Reference<css::text::XTextContent> control(controls->getByIndex(i), UNO_QUERY);
            if (control.is() && propertyOr<bool>(Reference<beans::XPropertySet>(control, UNO_QUERY), "ShowingPlaceHolder", false))
                found.push_back(control);
        }
    }
    return found;
}

void DocumentAdapter::blankPlaceholder(model::Document& out, const Reference<css::text::XTextContent>& field)
{
    // The placeholder's text in the model becomes blanks, and its block counts one more placeholder.
    const Reference<css::text::XTextRange> anchor = field->getAnchor();
    const auto b = blockOfRange(anchor->getStart());
    if (!b)
        return;
    // Where the field sits in its paragraph, in UTF-16 units. In a table cell Writer's
    // anchor starts after the field rather than at it, so check the text is there.
    const Reference<css::text::XTextRange>& para = m_blockRanges[*b];
    Reference<css::text::XTextCursor> before = para->getText()->createTextCursorByRange(para->getStart());
    before->gotoRange(anchor->getStart(), true);
    const std::size_t offset = static_cast<std::size_t>(before->getString().getLength());
    const std::u16string shown = toU16(anchor->getString());
    std::u16string& text = out.blocks[*b].text;
    auto showsAt = [&](std::size_t at) {
        return !shown.empty() && at + shown.size() <= text.size() && text.compare(at, shown.size(), shown) == 0;
    };
    std::size_t at = offset;
    if (!showsAt(at) && offset >= shown.size() && showsAt(offset - shown.size()))
        at = offset - shown.size();
    if (!showsAt(at))
    {
        at = text.find(shown);
        if (shown.empty() || at == std::u16string::npos)
            return;
    }
    std::fill_n(text.begin() + static_cast<std::ptrdiff_t>(at), shown.size(), u' ');
    ++out.blocks[*b].placeholders;
    m_finishTouched.push_back(*b);
}

Reference<css::text::XTextRange> DocumentAdapter::paragraphFor(std::size_t block) const
{
    return block < m_blockRanges.size() ? m_blockRanges[block] : Reference<css::text::XTextRange>();
}

Reference<css::text::XTextContent> DocumentAdapter::tableFor(std::size_t block) const
{
    if (block >= m_blockTable.size() || m_blockTable[block] < 0)
        return {};
    return m_tables[static_cast<std::size_t>(m_blockTable[block])];
}

void DocumentAdapter::addParagraph(Reading& r, const Reference<uno::XInterface>& para, int table, int row, int column)
{
    Reference<css::text::XTextRange> range(para, UNO_QUERY);
    if (!range.is())
        return;
    Reference<beans::XPropertySet> props(para, UNO_QUERY);
    model::Block block;
    block.id = identify(para);
    block.text = toU16(range->getString());
    block.style = toUtf8(propertyOr<rtl::OUString>(props, "ParaStyleName", rtl::OUString()));
    block.outlineLevel = table < 0 ? std::clamp<int>(propertyOr<sal_Int16>(props, "OutlineLevel", 0), 0, 10) : 0;
    // Headings sit in Writer's outline numbering, which is not a list in the user's sense.
    if (block.outlineLevel == 0 && inList(props))
        block.listLevel = std::clamp<int>(propertyOr<sal_Int16>(props, "NumberingLevel", 0), 0, 10);
    if (table >= 0)
    {
        block.kind = model::BlockKind::TableCell;
        block.table = table;
        block.row = row;
        block.column = column;
    }
    r.out.blocks.push_back(std::move(block));
    r.keepAlive.push_back(para);
    r.blockRanges.push_back(range);
    r.blockTable.push_back(table);
}

void DocumentAdapter::addTable(Reading& r, const Reference<uno::XInterface>& tableObject)
{
    model::Document& out = r.out;
    Reference<css::text::XTextTable> table(tableObject, UNO_QUERY);
    if (!table.is())
        return;
    model::Table t;
    Reference<container::XNamed> named(table, UNO_QUERY);
    if (named.is())
        t.name = toUtf8(named->getName());
    t.rows = table->getRows()->getCount();
    t.columns = table->getColumns()->getCount();
    const int index = static_cast<int>(out.tables.size());
    out.tables.push_back(t);
    r.tables.emplace_back(table, UNO_QUERY);

    const uno::Sequence<rtl::OUString> names = table->getCellNames();
    struct Cell
    {
        int row, column;
        rtl::OUString name;
    };
    std::vector<Cell> cells;
    cells.reserve(static_cast<std::size_t>(names.getLength()));
    for (const rtl::OUString& name : names)
    {
        int row = 0, column = 0;
        if (cellPosition(toU16(name), row, column))
            cells.push_back({ row, column, name });
    }
    // Document order is row by row, left to right, whatever order Writer lists the names in.
    std::stable_sort(cells.begin(), cells.end(), [](const Cell& a, const Cell& b) {
        return a.row != b.row ? a.row < b.row : a.column < b.column;
    });
    for (const Cell& cell : cells)
    {
        Reference<container::XEnumerationAccess> cellText(table->getCellByName(cell.name), UNO_QUERY);
        if (!cellText.is())
            continue;
        Reference<container::XEnumeration> paras = cellText->createEnumeration();
        while (paras->hasMoreElements())
        {
            Reference<uno::XInterface> para(paras->nextElement(), UNO_QUERY);
            Reference<lang::XServiceInfo> info(para, UNO_QUERY);
            if (info.is() && info->supportsService(ascii("com.sun.star.text.Paragraph")))
                addParagraph(r, para, index, cell.row, cell.column);
        }
    }
}

Reference<css::text::XTextRange> DocumentAdapter::rangeFor(const model::Span& span) const
{
    if (span.block >= m_blockRanges.size())
        return {};
    const Reference<css::text::XTextRange>& block = m_blockRanges[span.block];
    try
    {
        // Writer's cursor steps over a surrogate pair as one character, while model offsets are
        // UTF-16 code units: convert with the paragraph's current text.
        const std::u16string text = toU16(block->getString());
        const std::size_t start = codePointsBefore(text, span.start);
        const std::size_t end = codePointsBefore(text, std::max(span.start, span.end));
        Reference<css::text::XTextCursor> cursor = block->getText()->createTextCursorByRange(block->getStart());
        auto move = [&cursor](std::size_t count, bool expand) {
            while (count > 0) // goRight takes a 16-bit count
            {
                const auto step = static_cast<sal_Int16>(std::min<std::size_t>(count, 0x7fff));
                if (!cursor->goRight(step, expand))
                    return;
                count -= static_cast<std::size_t>(step);
            }
        };
        // A comment's anchor takes a place in the paragraph that its text does not show (so the
        // model, read from the text, has no offset for it): step on past such places until the
        // text before the cursor, and then the text it spans, are as long as the span says.
        auto lengthFromStart = [&] {
            Reference<css::text::XTextCursor> before = block->getText()->createTextCursorByRange(block->getStart());
            before->gotoRange(cursor->getEnd(), true);
            return static_cast<std::size_t>(before->getString().getLength());
        };
        move(start, false);
        for (std::size_t at = lengthFromStart(), steps = 0; at < span.start && steps < 64; at = lengthFromStart(), ++steps)
            if (!cursor->goRight(1, false))
                break;
        move(end - start, true);
        const std::size_t wanted = std::max(span.start, span.end) - span.start;
        for (std::size_t steps = 0; static_cast<std::size_t>(cursor->getString().getLength()) < wanted && steps < 64; ++steps)
            if (!cursor->goRight(1, true))
                break;
        return Reference<css::text::XTextRange>(cursor, UNO_QUERY);
    }
    catch (const uno::Exception&)
    {
        return {}; // the paragraph was deleted since the model was extracted
    }
}
} // namespace dueregard::ext
