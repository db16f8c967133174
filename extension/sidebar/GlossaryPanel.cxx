#include "sidebar/GlossaryPanel.hxx"

#include "app/Language.hxx"
#include "document/DocumentChecker.hxx"
#include "document/EditStep.hxx"
#include "app/Profile.hxx"
#include "commands/Dispatch.hxx"

#include "glossary/Glossary.hpp"

#include <com/sun/star/awt/AsyncCallback.hpp>
#include <com/sun/star/awt/XButton.hpp>
#include <com/sun/star/awt/XTextComponent.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/text/XParagraphCursor.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextCursor.hpp>
#include <com/sun/star/text/XTextViewCursorSupplier.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>

#include <algorithm>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace dueregard::ext
{
namespace
{

// The glossary in use: built-in, with the organisation's terms over it.
const glossary::Glossary& terms() { return currentProfile()->glossary; }
} // namespace

void GlossaryPanel::start()
{
    open();
    const uno::WeakReference<ui::XUIElement> weakSelf(static_cast<ui::XUIElement*>(this));
    m_title = m_panel.add("FixedText", ui("glossary.prompt"));
    m_details = m_panel.add("FixedText", rtl::OUString(), ui("glossary.details.help"));
    PanelWindow::set(m_details, "MultiLine", uno::Any(true));
    m_searchLabel = m_panel.add("FixedText", ui("glossary.search"));
    m_search = m_panel.add("Edit", rtl::OUString(), ui("glossary.search.help"),
                           [](const Reference<beans::XPropertySet>& model) {
                               model->setPropertyValue(ascii("Text"), uno::Any(rtl::OUString()));
                           });
    Reference<awt::XTextComponent>(m_search, UNO_QUERY_THROW)->addTextListener(new TextForwarder(whenAlive<GlossaryPanel>(weakSelf, [](GlossaryPanel& p) {
        rtl::OUString query = Reference<awt::XTextComponent>(p.m_search, UNO_QUERY_THROW)->getText();
        p.search(query);
    })));
    m_list = m_panel.list(ui("glossary.list.help"),
                          whenAlive<GlossaryPanel>(weakSelf, [](GlossaryPanel& p, sal_Int32 row) { p.choose(row); }));
    m_footnoteButton = m_panel.add("Button", ui("glossary.footnote"), ui("glossary.footnote.help"));
    PanelWindow::set(m_footnoteButton, "Enabled", uno::Any(false));
    Reference<awt::XButton>(m_footnoteButton, UNO_QUERY_THROW)
        ->addActionListener(new ActionForwarder(whenAlive<GlossaryPanel>(weakSelf, [](GlossaryPanel& p) { p.insertFootnote(); })));
    m_markButton = m_panel.add("Button", ui("glossary.mark"), ui("glossary.mark.help"));
    Reference<awt::XButton>(m_markButton, UNO_QUERY_THROW)
        ->addActionListener(new ActionForwarder(whenAlive<GlossaryPanel>(weakSelf, [](GlossaryPanel& p) { p.dispatch(CommandUrl{ "MarkGlossary", {} }); })));
    m_removeButton = m_panel.add("Button", ui("glossary.remove"), ui("glossary.remove.help"));
    Reference<awt::XButton>(m_removeButton, UNO_QUERY_THROW)
        ->addActionListener(new ActionForwarder(whenAlive<GlossaryPanel>(weakSelf, [](GlossaryPanel& p) { p.dispatch(CommandUrl{ "RemoveGlossaryMarks", {} }); })));
    m_note = m_panel.add("FixedText", ui("glossary.note"));
    PanelWindow::set(m_note, "MultiLine", uno::Any(true));

    if (m_frame.is() && m_frame->getController().is())
    {
        Reference<view::XSelectionSupplier> selection(m_frame->getController(), UNO_QUERY);
        if (selection.is())
        {
            // Selection changes arrive in the middle of edits (an insertion moves the cursor many
            // times): look the term up afterwards, once, on the main thread.
            m_selectionListener = new SelectionForwarder(whenAlive<GlossaryPanel>(weakSelf, [](GlossaryPanel& p) { p.scheduleFollow(); }));
            selection->addSelectionChangeListener(m_selectionListener);
        }
    }
    if (isReadOnly(m_model))
        for (const auto& button : { m_markButton, m_removeButton })
            PanelWindow::set(button, "Enabled", uno::Any(false));

    search(rtl::OUString());
    PanelWindow::set(m_details, "Label", uno::Any(ui("glossary.none_at_cursor")));
    attach();
    followCursor();
}

void GlossaryPanel::scheduleFollow()
{
    if (m_followPending)
        return;
    m_followPending = true;
    const uno::WeakReference<ui::XUIElement> weakSelf(static_cast<ui::XUIElement*>(this));
    try
    {
        Reference<awt::XCallback> call = new MainThreadCall(whenAlive<GlossaryPanel>(weakSelf, [](GlossaryPanel& p) {
            p.m_followPending = false;
            p.followCursor();
        }));
        awt::AsyncCallback::create(m_context)->addCallback(call, uno::Any());
    }
    catch (const uno::Exception&)
    {
        m_followPending = false; // shutting down
    }
}

void GlossaryPanel::followCursor()
{
    if (rBHelper.bDisposed || rBHelper.bInDispose || !m_frame.is())
        return;
    try
    {
        Reference<css::text::XTextViewCursorSupplier> views(m_frame->getController(), UNO_QUERY);
        const Reference<css::text::XTextDocument> document(m_model, UNO_QUERY);
        if (!views.is() || !document.is())
            return;
        Reference<css::text::XTextRange> cursor(views->getViewCursor(), UNO_QUERY);
        if (!cursor.is())
            return;
        // The paragraph's text and the cursor's UTF-16 offset in it.
        Reference<css::text::XText> text = cursor->getText();
        Reference<css::text::XTextCursor> before = text->createTextCursorByRange(cursor->getStart());
        Reference<css::text::XParagraphCursor>(before, UNO_QUERY_THROW)->gotoStartOfParagraph(true);
        const sal_Int32 offset = before->getString().getLength();
        Reference<css::text::XTextCursor> whole = text->createTextCursorByRange(cursor->getStart());
        Reference<css::text::XParagraphCursor> paragraph(whole, UNO_QUERY_THROW);
        paragraph->gotoStartOfParagraph(false);
        paragraph->gotoEndOfParagraph(true);
        const std::u16string paragraphText = toU16(whole->getString());

        // The document-wide context comes with the check's result (worked out off the main thread).
        const std::shared_ptr<DocumentChecker> checker = DocumentChecker::forDocument(document);
        engine::Tokenizer tokenizer;
        if (const auto term = terms().termAt(paragraphText, static_cast<std::uint32_t>(offset), checker->glossaryContext(), tokenizer))
            show(*term, true);
    }
    catch (const uno::Exception&)
    {
        // The cursor is somewhere without text (a frame, a drawing): nothing to look up.
    }
}

void GlossaryPanel::show(std::size_t index, bool atCursor)
{
    const glossary::Term& t = terms().terms()[index];
    m_shown = t.id;
    rtl::OUString text = fromUtf8(t.term) + ascii("\n") + fromUtf8(t.definition) + ascii("\n") + ui("glossary.source", { { "source", t.source } });
    if (!t.note.empty())
        text += ascii("\n") + fromUtf8(t.note);
    if (!t.seeAlso.empty())
    {
        std::string others;
        for (std::size_t i = 0; i < t.seeAlso.size(); ++i)
            if (const auto other = terms().find(t.seeAlso[i]))
                others += (i ? "; " : "") + terms().terms()[*other].term;
        text += ascii("\n") + ui("glossary.see_also", { { "terms", others } });
    }
    PanelWindow::set(m_title, "Label", uno::Any(atCursor ? ui("glossary.at_cursor") : ui("glossary.chosen")));
    PanelWindow::set(m_details, "Label", uno::Any(text));
    PanelWindow::set(m_footnoteButton, "Enabled", uno::Any(!isReadOnly(m_model)));
    layout();
}

void GlossaryPanel::search(const rtl::OUString& query)
{
    m_rows = terms().search(toU16(query));
    std::vector<rtl::OUString> rows;
    rows.reserve(m_rows.size());
    for (std::size_t i : m_rows)
        rows.push_back(fromUtf8(terms().terms()[i].term));
    PanelWindow::set(m_list, "StringItemList", uno::Any(uno::Sequence<rtl::OUString>(rows.data(), static_cast<sal_Int32>(rows.size()))));
}

void GlossaryPanel::choose(sal_Int32 row)
{
    if (row < 0 || static_cast<std::size_t>(row) >= m_rows.size())
        return;
    show(m_rows[static_cast<std::size_t>(row)], false);
}

void GlossaryPanel::dispatch(const CommandUrl& command) { dispatchCommand(m_context, m_frame, command); }

rtl::OUString GlossaryPanel::insertFootnote()
{
    if (m_shown.empty())
        return {};
    dispatch(CommandUrl{ "InsertDefinition", { { "id", m_shown } } });
    return fromUtf8(m_shown);
}

rtl::OUString GlossaryPanel::details() const
{
    rtl::OUString label;
    Reference<beans::XPropertySet>(m_details->getModel(), UNO_QUERY_THROW)->getPropertyValue(ascii("Label")) >>= label;
    return label;
}

std::vector<rtl::OUString> GlossaryPanel::listed() const
{
    uno::Sequence<rtl::OUString> items;
    Reference<beans::XPropertySet>(m_list->getModel(), UNO_QUERY_THROW)->getPropertyValue(ascii("StringItemList")) >>= items;
    return std::vector<rtl::OUString>(items.begin(), items.end());
}

void GlossaryPanel::layout()
{
    if (!m_panel.window().is())
        return;
    Column c(m_panel.window());
    c.place(m_title);
    c.place(m_details);
    c.place(m_footnoteButton, 0, false);
    c.gap();
    c.place(m_searchLabel);
    c.place(m_search);
    c.place(m_list, 140);
    c.place(m_markButton, 0, false);
    c.place(m_removeButton, 0, false);
    c.place(m_note);
    finishLayout(c.height());
}

void GlossaryPanel::clearControls()
{
    Reference<view::XSelectionSupplier> selection(m_frame.is() ? m_frame->getController() : nullptr, UNO_QUERY);
    if (selection.is() && m_selectionListener.is())
        selection->removeSelectionChangeListener(m_selectionListener);
    for (auto* control : { &m_title, &m_details, &m_searchLabel, &m_search, &m_list, &m_footnoteButton, &m_markButton,
                           &m_removeButton, &m_note })
        control->clear();
}
} // namespace dueregard::ext
