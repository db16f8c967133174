#include "sidebar/InsertPanel.hxx"

#include "engine/Jurisdictions.hpp"
#include "app/Language.hxx"
#include "document/DocumentChecker.hxx"
#include "document/EditStep.hxx"
#include "commands/Dispatch.hxx"

#include "engine/Templates.hpp"

#include <com/sun/star/awt/XButton.hpp>
#include <com/sun/star/frame/XController.hpp>

#include <algorithm>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace dueregard::ext
{
namespace
{
// The jurisdiction list: the document's own (as the checker reads it), then the four.

} // namespace

void InsertPanel::start()
{
    open();
    const uno::WeakReference<ui::XUIElement> weakSelf(static_cast<ui::XUIElement*>(this));
    m_intro = m_panel.add("FixedText", ui("insert.intro"));
    PanelWindow::set(m_intro, "MultiLine", uno::Any(true));
    m_jurisdictionLabel = m_panel.add("FixedText", ui("insert.jurisdiction"));
    const auto& nations = engine::jurisdictions();
    uno::Sequence<rtl::OUString> names(static_cast<sal_Int32>(nations.size() + 1));
    names.getArray()[0] = ui("insert.jurisdiction.as_read");
    for (std::size_t i = 0; i < nations.size(); ++i)
        names.getArray()[i + 1] = fromUtf8(uiNation(nations[i].id));
    m_jurisdictions = m_panel.dropdown(names, ui("insert.jurisdiction.help"));
    Reference<awt::XListBox>(m_jurisdictions, UNO_QUERY_THROW)
        ->addItemListener(new ItemForwarder(whenAlive<InsertPanel>(weakSelf, [](InsertPanel& p, sal_Int32 i) { p.jurisdictionChosen(i); })));
    m_sectionsLabel = m_panel.add("FixedText", ui("insert.sections"));
    m_sections = m_panel.list(ui("insert.sections.help"),
                              whenAlive<InsertPanel>(weakSelf, [](InsertPanel& p, sal_Int32 i) { p.sectionChosen(i); }));
    m_insertButton = m_panel.add("Button", ui("insert.at_cursor"), ui("insert.at_cursor.help"));
    PanelWindow::set(m_insertButton, "Enabled", uno::Any(false));
    Reference<awt::XButton>(m_insertButton, UNO_QUERY_THROW)
        ->addActionListener(new ActionForwarder(whenAlive<InsertPanel>(weakSelf, [](InsertPanel& p) { p.insertChosen(); })));
    m_skeletonButton = m_panel.add("Button", ui("insert.whole"), ui("insert.whole.help"));
    Reference<awt::XButton>(m_skeletonButton, UNO_QUERY_THROW)
        ->addActionListener(new ActionForwarder(whenAlive<InsertPanel>(weakSelf, [](InsertPanel& p) { p.insertAll(); })));
    m_status = m_panel.add("FixedText", rtl::OUString());
    PanelWindow::set(m_status, "MultiLine", uno::Any(true));

    if (isReadOnly(m_model))
    {
        PanelWindow::set(m_skeletonButton, "Enabled", uno::Any(false));
        PanelWindow::set(m_status, "Label", uno::Any(ui("insert.read_only")));
    }
    fillSections();
    attach();
}

std::string InsertPanel::jurisdiction() const
{
    return std::string(engine::idAtChoice(m_jurisdiction));
}

void InsertPanel::fillSections()
{
    std::string j = jurisdiction();
    const Reference<css::text::XTextDocument> document(m_model, UNO_QUERY);
    const auto checker = document.is() ? DocumentChecker::forDocument(document) : nullptr;
    if (j.empty())
        j = checker && checker->lastResult() ? checker->lastResult()->assessment.jurisdiction : "england";
    m_ids.clear();
    std::vector<rtl::OUString> rows;
    // The sections of the templates in use: built-in, and any the organisation added.
    const engine::Templates& templates
        = checker ? checker->engine().templates() : engine::builtinTemplates(uiLanguage());
    for (const engine::SectionInfo& s : templates.sections(j))
    {
        m_ids.push_back(s.id);
        rows.push_back((s.group.empty() ? rtl::OUString() : ascii("    ")) + fromUtf8(s.title));
    }
    PanelWindow::set(m_sections, "StringItemList", uno::Any(uno::Sequence<rtl::OUString>(rows.data(), static_cast<sal_Int32>(rows.size()))));
    m_chosen = -1;
    PanelWindow::set(m_insertButton, "Enabled", uno::Any(false));
}

void InsertPanel::jurisdictionChosen(sal_Int32 index)
{
    m_jurisdiction = std::clamp<sal_Int32>(index, 0, 4);
    fillSections();
}

void InsertPanel::sectionChosen(sal_Int32 index)
{
    if (index < 0 || static_cast<std::size_t>(index) >= m_ids.size())
        return;
    m_chosen = index;
    PanelWindow::set(m_insertButton, "Enabled", uno::Any(!isReadOnly(m_model)));
}

// The test hooks choose as a user would: the list shows the choice, then the panel reacts.
void InsertPanel::chooseJurisdiction(sal_Int32 index)
{
    PanelWindow::set(m_jurisdictions, "SelectedItems", uno::Any(uno::Sequence<sal_Int16>{ static_cast<sal_Int16>(std::clamp<sal_Int32>(index, 0, 4)) }));
    jurisdictionChosen(index);
}

void InsertPanel::chooseSection(sal_Int32 index)
{
    PanelWindow::set(m_sections, "SelectedItems", uno::Any(uno::Sequence<sal_Int16>{ static_cast<sal_Int16>(index) }));
    sectionChosen(index);
}

rtl::OUString InsertPanel::run(const CommandUrl& command, const rtl::OUString& done)
{
    const bool ok = dispatchCommand(m_context, m_frame, command);
    const rtl::OUString status = ok ? done : ui("insert.failed");
    if (m_status.is())
    {
        PanelWindow::set(m_status, "Label", uno::Any(status));
        layout();
    }
    return status;
}

rtl::OUString InsertPanel::insertChosen()
{
    if (m_chosen < 0 || static_cast<std::size_t>(m_chosen) >= m_ids.size())
        return ui("insert.choose_first");
    const std::string id = m_ids[static_cast<std::size_t>(m_chosen)];
    CommandUrl command{ "InsertSection", { { "id", id }, { "at", "cursor" } } };
    if (!jurisdiction().empty())
        command.parameters["jurisdiction"] = jurisdiction();
    const Reference<css::text::XTextDocument> document(m_model, UNO_QUERY);
    const engine::Templates& templates
        = document.is() ? DocumentChecker::forDocument(document)->engine().templates()
                        : engine::builtinTemplates(uiLanguage());
    return run(command, ui("insert.done_one", { { "section", templates.titleOf(id) } }));
}

rtl::OUString InsertPanel::insertAll()
{
    CommandUrl command{ "InsertSkeleton", {} };
    if (!jurisdiction().empty())
        command.parameters["jurisdiction"] = jurisdiction();
    return run(command, ui("insert.done_all"));
}

std::vector<rtl::OUString> InsertPanel::sectionLines() const
{
    uno::Sequence<rtl::OUString> items;
    Reference<beans::XPropertySet>(m_sections->getModel(), UNO_QUERY_THROW)->getPropertyValue(ascii("StringItemList")) >>= items;
    return std::vector<rtl::OUString>(items.begin(), items.end());
}

void InsertPanel::layout()
{
    if (!m_panel.window().is())
        return;
    Column c(m_panel.window());
    c.place(m_intro);
    c.place(m_jurisdictionLabel);
    c.place(m_jurisdictions, 24);
    c.place(m_sectionsLabel);
    c.place(m_sections, 180);
    c.place(m_insertButton, 0, false);
    c.place(m_skeletonButton, 0, false);
    c.place(m_status);
    finishLayout(c.height());
}

void InsertPanel::clearControls()
{
    for (auto* control : { &m_intro, &m_jurisdictionLabel, &m_jurisdictions, &m_sectionsLabel, &m_sections, &m_insertButton,
                           &m_skeletonButton, &m_status })
        control->clear();
}
} // namespace dueregard::ext
