// FactsPanelView: what the three checking panels show and how it is laid out: their controls,
// rendering a check result into them, their layout at any width, and the test hooks that read
// them back. What the panels do (checking, commands, choosing) is in FactsPanel.cxx.

#include "sidebar/FactsPanel.hxx"
#include "engine/Jurisdictions.hpp"
#include "sidebar/FactsPanelParts.hxx"
#include "app/Failures.hxx"
#include "app/Profile.hxx"
#include "app/Settings.hxx"

#include "document/DocumentChecker.hxx"
#include "app/Listeners.hxx"
#include "sidebar/PanelWindow.hxx"
#include "sidebar/ReviewPanel.hxx"
#include "UnoStrings.hxx"

#include "glossary/Glossary.hpp"
#include "model/Facts.hpp"
#include "text/Format.hpp"

#include <com/sun/star/accessibility/XAccessible.hpp>
#include <com/sun/star/accessibility/AccessibleStateType.hpp>
#include <com/sun/star/accessibility/XAccessible.hpp>
#include <com/sun/star/accessibility/XAccessibleComponent.hpp>
#include <com/sun/star/accessibility/XAccessibleContext.hpp>
// XAccessibleStateSet: LibreOffice 7.4's SDK has it, 7.5's and later do not (see accessibleStates).
#if __has_include(<com/sun/star/accessibility/XAccessibleStateSet.hpp>)
#include <com/sun/star/accessibility/XAccessibleStateSet.hpp>
#define DUEREGARD_HAVE_STATE_SET 1
#endif
#include <com/sun/star/awt/AsyncCallback.hpp>
#include <com/sun/star/awt/PosSize.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/WindowAttribute.hpp>
#include <com/sun/star/awt/WindowClass.hpp>
#include <com/sun/star/awt/WindowDescriptor.hpp>
#include <com/sun/star/awt/XButton.hpp>
#include <com/sun/star/awt/XCheckBox.hpp>
#include <com/sun/star/awt/XListBox.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>
#include <com/sun/star/awt/XControlModel.hpp>
#include <com/sun/star/awt/XLayoutConstrains.hpp>
#include <com/sun/star/awt/XTextLayoutConstrains.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XHierarchicalNameAccess.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/reflection/XConstantTypeDescription.hpp>
#include <com/sun/star/reflection/XIdlClass.hpp>
#include <com/sun/star/reflection/XIdlMethod.hpp>
#include <com/sun/star/reflection/theCoreReflection.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/lang/XMultiComponentFactory.hpp>
#include <com/sun/star/ui/UIElementType.hpp>
#include <com/sun/star/util/XModifyBroadcaster.hpp>
#include <cppuhelper/weakref.hxx>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string_view>
#include <chrono>
#include <ctime>
#include <mutex>
#include <set>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace dueregard::ext
{
using namespace facts;
namespace
{

rtl::OUString labelled(const char* label, std::size_t value)
{
    return ascii(label) + toOUString(text::formatCount(value));
}

struct AccessibleStates
{
    bool focusable = false;
    bool showing = false;
    bool focused = false;
};

// XAccessibleContext::getAccessibleStateSet returns an XAccessibleStateSet in LibreOffice 7.4 and
// a bit set (hyper) since 7.5, with AccessibleStateType's values changed to match. The 7.4 SDK's
// header declares the first, and calling it so in LibreOffice 25.x crashed the office. Through
// UNO's reflection the call uses the running office's own declaration, and the states' values
// come from its own type library.
AccessibleStates accessibleStates(const Reference<accessibility::XAccessibleContext>& context)
{
    AccessibleStates states;
    const Reference<uno::XComponentContext> office = processContext();
    if (!context.is() || !office.is())
        return states;
    try
    {
        const Reference<reflection::XIdlMethod> method =
            reflection::theCoreReflection::get(office)
                ->forName(ascii("com.sun.star.accessibility.XAccessibleContext"))
                ->getMethod(ascii("getAccessibleStateSet"));
        uno::Sequence<uno::Any> none;
        const uno::Any result = method->invoke(uno::Any(context), none);
        sal_Int64 bits = 0;
        if (result >>= bits)
        {
            Reference<container::XHierarchicalNameAccess> types;
            office->getValueByName(ascii("/singletons/com.sun.star.reflection.theTypeDescriptionManager")) >>= types;
            auto has = [&](const char* name) {
                Reference<reflection::XConstantTypeDescription> constant;
                if (types.is())
                    types->getByHierarchicalName(ascii("com.sun.star.accessibility.AccessibleStateType.") + ascii(name))
                        >>= constant;
                sal_Int64 flag = 0;
                return constant.is() && (constant->getConstantValue() >>= flag) && flag != 0 && (bits & flag) == flag;
            };
            states = { has("FOCUSABLE"), has("SHOWING"), has("FOCUSED") };
        }
#ifdef DUEREGARD_HAVE_STATE_SET
        else if (Reference<accessibility::XAccessibleStateSet> set; (result >>= set) && set.is())
            states = { set->contains(accessibility::AccessibleStateType::FOCUSABLE) != 0,
                       set->contains(accessibility::AccessibleStateType::SHOWING) != 0,
                       set->contains(accessibility::AccessibleStateType::FOCUSED) != 0 };
#endif
    }
    catch (const uno::Exception&)
    {
        // No states to be had: reported as none.
    }
    return states;
}
} // namespace

void FactsPanel::createReadiness(const uno::WeakReference<ui::XUIElement>& weakSelf)
{
    for (std::size_t i = 0; i < kLineCount; ++i)
    {
        m_lines.push_back(addControl("FixedText", rtl::OUString()));
        // Every line wraps, so nothing is clipped when the sidebar is narrow.
        Reference<beans::XPropertySet>(m_lines.back()->getModel(), UNO_QUERY_THROW)
            ->setPropertyValue(ascii("MultiLine"), uno::Any(true));
    }
    setText(kNote, ascii("Due Regard prompts you about the Public Sector Equality Duty as you "
                         "write. Its prompts are questions to consider, not legal advice."));

    // The score as a bar (its number is in the line above, so colour is never the only cue).
    {
        Reference<lang::XMultiComponentFactory> factory = m_context->getServiceManager();
        Reference<awt::XControlModel> model(factory->createInstanceWithContext(ascii("com.sun.star.awt.UnoControlProgressBarModel"), m_context), UNO_QUERY_THROW);
        Reference<beans::XPropertySet> props(model, UNO_QUERY_THROW);
        props->setPropertyValue(ascii("ProgressValueMin"), uno::Any(sal_Int32(0)));
        props->setPropertyValue(ascii("ProgressValueMax"), uno::Any(sal_Int32(100)));
        props->setPropertyValue(ascii("HelpText"), uno::Any(ascii("Readiness score, 0 to 100")));
        m_scoreBar.set(factory->createInstanceWithContext(ascii("com.sun.star.awt.UnoControlProgressBar"), m_context), UNO_QUERY_THROW);
        m_scoreBar->setModel(model);
        m_scoreBar->createPeer(m_toolkit, m_windowPeer);
    }
    {
        const auto& nations = engine::jurisdictions();
        uno::Sequence<rtl::OUString> items(static_cast<sal_Int32>(nations.size() + 1));
        items.getArray()[0] = ascii("Jurisdiction: as the document reads");
        for (std::size_t i = 0; i < nations.size(); ++i)
            items.getArray()[i + 1] = fromUtf8("Jurisdiction: " + std::string(nations[i].name));
        m_jurisdiction = PanelWindowControls::dropdown(m_context, m_toolkit, m_windowPeer, items,
                                                       ascii("The jurisdiction whose duties the check applies"));
        Reference<awt::XListBox>(m_jurisdiction, UNO_QUERY_THROW)
            ->addItemListener(new ItemForwarder(whenAlive(weakSelf, [](FactsPanel& panel, sal_Int32 row) { panel.chooseJurisdiction(row); })));
    }
    m_autoCheck = addControl("CheckBox", ascii("Check as I type"));
    {
        Reference<beans::XPropertySet> model(m_autoCheck->getModel(), UNO_QUERY_THROW);
        model->setPropertyValue(ascii("State"), uno::Any(sal_Int16(1)));
        model->setPropertyValue(ascii("HelpText"), uno::Any(ascii("Check again half a second after you stop typing")));
        Reference<awt::XCheckBox>(m_autoCheck, UNO_QUERY_THROW)->addItemListener(new ItemForwarder(whenAlive(weakSelf, [](FactsPanel& panel, sal_Int32) {
            sal_Int16 state = 0;
            Reference<beans::XPropertySet>(panel.m_autoCheck->getModel(), UNO_QUERY_THROW)->getPropertyValue(ascii("State")) >>= state;
            panel.m_autoCheckOn = state == 1;
            // The switch is the user's setting (Tools > Options > Due Regard), for every document.
            if (panel.m_autoCheckOn == currentProfile()->settings.autoCheck)
                return;
            try
            {
                writeSetting(panel.m_context, "Checking/AutoCheck", uno::Any(panel.m_autoCheckOn));
            }
            catch (const uno::Exception&)
            {
                // Locked by the organisation: the switch is disabled then, so this is a race at most.
            }
        })));
    }
    // Created after the controls above it, so that Tab reaches it last.
    m_refreshButton = addControl("Button", ascii("Check now"));
    Reference<beans::XPropertySet> buttonModel(m_refreshButton->getModel(), UNO_QUERY_THROW);
    buttonModel->setPropertyValue(ascii("HelpText"), uno::Any(ascii("Check the whole document now")));
    const auto refreshIfAlive = whenAlive(weakSelf, [](FactsPanel& panel) { panel.refresh(); });
    Reference<awt::XButton>(m_refreshButton, UNO_QUERY_THROW)
        ->addActionListener(new ActionForwarder(refreshIfAlive));
}

void FactsPanel::createCharacteristics(const uno::WeakReference<ui::XUIElement>& weakSelf)
{
    m_matrix = addList("Choose a characteristic to go to where it is discussed",
                       whenAlive(weakSelf, [](FactsPanel& panel, sal_Int32 row) { panel.activateCharacteristic(row); }));
    m_details = addControl("FixedText", ascii("[+] evidenced, [~] considered without evidence, [-] only listed or "
                                              "missing. Choose a row to go to where it is discussed."));
    Reference<beans::XPropertySet>(m_details->getModel(), UNO_QUERY_THROW)->setPropertyValue(ascii("MultiLine"), uno::Any(true));
    createInsertButton(weakSelf);
}

void FactsPanel::createPrompts(const uno::WeakReference<ui::XUIElement>& weakSelf)
{
    {
        uno::Sequence<rtl::OUString> items(3);
        items.getArray()[0] = ascii("Most important first");
        items.getArray()[1] = ascii("Grouped by area");
        items.getArray()[2] = ascii("Grouped by characteristic");
        m_grouping_list = PanelWindowControls::dropdown(m_context, m_toolkit, m_windowPeer, items, ascii("How the prompts are ordered"));
        Reference<awt::XListBox>(m_grouping_list, UNO_QUERY_THROW)
            ->addItemListener(new ItemForwarder(whenAlive(weakSelf, [](FactsPanel& panel, sal_Int32 row) { panel.chooseGrouping(row); })));
    }
    m_prompts = addList("Choose a prompt to see its questions and go to the text",
                        whenAlive(weakSelf, [](FactsPanel& panel, sal_Int32 index) { panel.activatePrompt(index); }));
    // The list's height in rows, measured now while it is empty (see layout()).
    if (const Reference<awt::XTextLayoutConstrains> text(m_prompts, UNO_QUERY); text.is())
        m_listHeights[kPromptRows] = std::max<sal_Int32>(text->getMinimumSize(0, kPromptRows).Height, 60);
    m_details = addControl("FixedText", rtl::OUString());
    Reference<beans::XPropertySet>(m_details->getModel(), UNO_QUERY_THROW)->setPropertyValue(ascii("MultiLine"), uno::Any(true));
    m_dismissButton = addControl("Button", ascii("Dismiss..."));
    {
        Reference<beans::XPropertySet> model(m_dismissButton->getModel(), UNO_QUERY_THROW);
        model->setPropertyValue(ascii("HelpText"), uno::Any(ascii("Set the chosen prompt aside, with a reason kept in the document")));
        model->setPropertyValue(ascii("Enabled"), uno::Any(false));
    }
    Reference<awt::XButton>(m_dismissButton, UNO_QUERY_THROW)
        ->addActionListener(new ActionForwarder(whenAlive(weakSelf, [](FactsPanel& panel) { panel.dismissOrRestore(); })));
    createInsertButton(weakSelf);
    m_toolButton = addControl("Button", ascii("Open calculator"));
    {
        Reference<beans::XPropertySet> model(m_toolButton->getModel(), UNO_QUERY_THROW);
        model->setPropertyValue(ascii("HelpText"), uno::Any(ascii("Open the disproportionality calculator, which works out rates, ratios and confidence intervals")));
        model->setPropertyValue(ascii("Enabled"), uno::Any(false));
    }
    Reference<awt::XButton>(m_toolButton, UNO_QUERY_THROW)
        ->addActionListener(new ActionForwarder(whenAlive(weakSelf, [](FactsPanel& panel) { panel.openToolForPrompt(); })));

}

void FactsPanel::createInsertButton(const uno::WeakReference<ui::XUIElement>& weakSelf)
{
    m_insertButton = addControl("Button", ascii("Insert section"));
    {
        Reference<beans::XPropertySet> model(m_insertButton->getModel(), UNO_QUERY_THROW);
        model->setPropertyValue(ascii("HelpText"), uno::Any(m_part == Part::Prompts ? ascii("Insert the section that would answer the chosen prompt, where it belongs")
                                                                : ascii("Insert a section about the chosen characteristic, with its questions")));
        model->setPropertyValue(ascii("Enabled"), uno::Any(false));
    }
    Reference<awt::XButton>(m_insertButton, UNO_QUERY_THROW)
        ->addActionListener(new ActionForwarder(whenAlive(weakSelf, [](FactsPanel& panel) { panel.insertForPrompt(); })));
}

Reference<awt::XControl> FactsPanel::addControl(const char* kind, const rtl::OUString& text)
{
    Reference<lang::XMultiComponentFactory> factory = m_context->getServiceManager();
    const rtl::OUString base = ascii("com.sun.star.awt.UnoControl") + ascii(kind);
    Reference<awt::XControlModel> model(factory->createInstanceWithContext(base + "Model", m_context),
                                        UNO_QUERY_THROW);
    Reference<awt::XControl> control(factory->createInstanceWithContext(base, m_context), UNO_QUERY_THROW);
    Reference<beans::XPropertySet>(model, UNO_QUERY_THROW)->setPropertyValue(ascii("Label"), uno::Any(text));
    // Text is shown as it is: a "~" (in a legend, or quoted from a document) is not a mnemonic.
    if (std::string_view(kind) == "FixedText")
        Reference<beans::XPropertySet>(model, UNO_QUERY_THROW)->setPropertyValue(ascii("NoLabel"), uno::Any(true));
    control->setModel(model);
    control->createPeer(m_toolkit, m_windowPeer);
    return control;
}

Reference<awt::XControl> FactsPanel::addList(const char* helpText, std::function<void(sal_Int32)> onChosen)
{
    Reference<awt::XControl> list = addControl("ListBox", rtl::OUString());
    Reference<beans::XPropertySet> model(list->getModel(), UNO_QUERY_THROW);
    model->setPropertyValue(ascii("HelpText"), uno::Any(ascii(helpText)));
    model->setPropertyValue(ascii("Border"), uno::Any(sal_Int16(1)));
    Reference<awt::XListBox>(list, UNO_QUERY_THROW)->addItemListener(new ItemForwarder(std::move(onChosen)));
    return list;
}

void FactsPanel::setText(std::size_t line, const rtl::OUString& text)
{
    Reference<beans::XPropertySet> model(m_lines.at(line)->getModel(), UNO_QUERY_THROW);
    model->setPropertyValue(ascii("Label"), uno::Any(text));
}

void FactsPanel::renderReadiness(const engine::CheckResult& result)
{
    const model::DocumentFacts& facts = result.facts;
    std::size_t errors = 0, warnings = 0, advice = 0;
    for (const auto& f : result.findings)
        (f.severity == "error" ? errors : f.severity == "warning" ? warnings : advice)++;
    setText(kScore, ascii("Readiness: ") + rtl::OUString::number(result.score) + ascii(" out of 100 (")
                        + (result.assessment.kind == "eia" ? ascii("equality assessment") : ascii("policy or decision paper"))
                        + ascii(", ") + fromUtf8(std::string(engine::jurisdictionName(result.assessment.jurisdiction))) + ascii(")"));
    Reference<beans::XPropertySet>(m_scoreBar->getModel(), UNO_QUERY_THROW)
        ->setPropertyValue(ascii("ProgressValue"), uno::Any(sal_Int32(result.score)));
    setText(kCounts, rtl::OUString::number(static_cast<sal_Int64>(errors)) + ascii(" errors, ")
                         + rtl::OUString::number(static_cast<sal_Int64>(warnings)) + ascii(" warnings, ")
                         + rtl::OUString::number(static_cast<sal_Int64>(advice)) + ascii(" advice"));
    setText(kWords, labelled("Words: ", facts.words));
    setText(kParagraphs, labelled("Paragraphs: ", facts.paragraphs));
    setText(kHeadings, labelled("Headings: ", facts.headings));
    setText(kTables, labelled("Tables: ", facts.tables));
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char clock[16];
    std::strftime(clock, sizeof clock, "%H:%M:%S", &local);
    rtl::OUString checked = ascii("Last checked at ") + ascii(clock) + ascii(".");
    const Profile& profile = *currentProfile();
    if (!profile.settings.organisation.empty())
        checked += ascii(" Checked with ") + fromUtf8(profile.settings.organisation) + ascii("'s settings.");
    for (const std::string& problem : profile.problems)
        checked += ascii("\n") + fromUtf8(problem);
    setText(kChecked, checked);

}

void FactsPanel::renderMatrix(const engine::CheckResult& result)
{
    // The coverage matrix in words, not colour alone: what is there and what is missing.
    uno::Sequence<rtl::OUString> rows(static_cast<sal_Int32>(result.assessment.characteristics.size()));
    auto* row = rows.getArray();
    for (const engine::CharacteristicResult& c : result.assessment.characteristics)
    {
        rtl::OUString line = fromUtf8(c.label) + ascii(": ");
        if (!c.addressed)
            line += c.listedOnly ? ascii("only listed") : ascii("not considered");
        else
        {
            line += c.evidence ? ascii("evidence") : ascii("no evidence");
            line += ascii(", impact ");
            const std::string impact = engine::impactName(c.impact);
            line += impact == "not_stated" ? ascii("not stated") : fromUtf8(impact);
            if (c.impact == engine::Impact::Negative || c.impact == engine::Impact::Mixed)
                line += c.mitigation ? ascii(", mitigated") : ascii(", no mitigation");
        }
        *row++ = (c.addressed && c.evidence ? ascii("[+] ") : c.addressed ? ascii("[~] ") : ascii("[-] ")) + line;
    }
    Reference<beans::XPropertySet>(m_matrix->getModel(), UNO_QUERY_THROW)->setPropertyValue(ascii("StringItemList"), uno::Any(rows));

    m_insertId.clear();
    Reference<beans::XPropertySet>(m_insertButton->getModel(), UNO_QUERY_THROW)->setPropertyValue(ascii("Enabled"), uno::Any(false));
    Reference<beans::XPropertySet>(m_details->getModel(), UNO_QUERY_THROW)
        ->setPropertyValue(ascii("Label"), uno::Any(ascii("[+] evidenced, [~] considered without evidence, [-] only listed "
                                                          "or missing. Choose a row to go to where it is discussed.")));
}

void FactsPanel::renderPrompts(const engine::CheckResult& result)
{
    // Open prompts first (grouped as chosen), then the dismissed ones with their reasons, so they
    // can be restored. Group headings are rows too: m_rowFinding maps rows to prompts.
    std::vector<rtl::OUString> lines;
    m_rowFinding.clear();
    auto add = [&](const rtl::OUString& line, sal_Int32 finding) {
        lines.push_back(line);
        m_rowFinding.push_back(finding);
    };
    auto promptLine = [](const engine::Finding& f) {
        const char* mark = f.severity == "error" ? "[!] " : f.severity == "warning" ? "[?] " : "[i] ";
        return ascii(mark) + fromUtf8(f.message);
    };
    if (m_grouping == 0)
        for (std::size_t i = 0; i < result.findings.size(); ++i)
            add(promptLine(result.findings[i]), static_cast<sal_Int32>(i));
    else
    {
        // By area or by characteristic, groups in the order their most important prompt comes.
        std::vector<std::string> groups;
        auto groupOf = [this, &result](const engine::Finding& f) -> std::string {
            if (m_grouping == 1)
                return f.area;
            for (const engine::CharacteristicResult& c : result.assessment.characteristics)
                if (c.id == f.characteristic)
                    return c.label;
            return "The whole assessment";
        };
        for (const engine::Finding& f : result.findings)
            if (std::find(groups.begin(), groups.end(), groupOf(f)) == groups.end())
                groups.push_back(groupOf(f));
        for (const std::string& g : groups)
        {
            std::string title = g;
            if (!title.empty() && title[0] >= 'a' && title[0] <= 'z')
                title[0] = static_cast<char>(title[0] - 'a' + 'A');
            add(ascii("-- ") + fromUtf8(title) + ascii(" --"), -1);
            for (std::size_t i = 0; i < result.findings.size(); ++i)
                if (groupOf(result.findings[i]) == g)
                    add(ascii("   ") + promptLine(result.findings[i]), static_cast<sal_Int32>(i));
        }
    }
    for (std::size_t i = 0; i < result.dismissed.size(); ++i)
    {
        const auto& [f, d] = result.dismissed[i];
        add(ascii("[dismissed] ") + fromUtf8(f.message) + ascii(" (") + fromUtf8(d.reason) + ascii(")"),
            static_cast<sal_Int32>(result.findings.size() + i));
    }
    const uno::Sequence<rtl::OUString> items(lines.data(), static_cast<sal_Int32>(lines.size()));
    m_chosenPrompt = -1;
    m_insertId.clear();
    m_toolId.clear();
    Reference<beans::XPropertySet>(m_toolButton->getModel(), UNO_QUERY_THROW)->setPropertyValue(ascii("Enabled"), uno::Any(false));
    Reference<beans::XPropertySet>(m_dismissButton->getModel(), UNO_QUERY_THROW)->setPropertyValue(ascii("Enabled"), uno::Any(false));
    Reference<beans::XPropertySet>(m_insertButton->getModel(), UNO_QUERY_THROW)->setPropertyValue(ascii("Enabled"), uno::Any(false));
    Reference<beans::XPropertySet>(m_prompts->getModel(), UNO_QUERY_THROW)->setPropertyValue(ascii("StringItemList"), uno::Any(items));
    Reference<beans::XPropertySet>(m_details->getModel(), UNO_QUERY_THROW)
        ->setPropertyValue(ascii("Label"), uno::Any(result.findings.empty()
                                                         ? ascii("No prompts: nothing more to suggest for now.")
                                                         : ascii("Choose a prompt to see the questions to ask and the legal basis.")));
}

std::vector<rtl::OUString> FactsPanel::matrixLines() const
{
    uno::Sequence<rtl::OUString> items;
    Reference<beans::XPropertySet>(m_matrix->getModel(), UNO_QUERY_THROW)->getPropertyValue(ascii("StringItemList")) >>= items;
    return std::vector<rtl::OUString>(items.begin(), items.end());
}

std::vector<rtl::OUString> FactsPanel::promptLines() const
{
    uno::Sequence<rtl::OUString> items;
    Reference<beans::XPropertySet>(m_prompts->getModel(), UNO_QUERY_THROW)->getPropertyValue(ascii("StringItemList")) >>= items;
    return std::vector<rtl::OUString>(items.begin(), items.end());
}

std::vector<rtl::OUString> FactsPanel::stateLines() const
{
    std::vector<rtl::OUString> lines;
    for (const auto& control : m_lines)
    {
        rtl::OUString label;
        Reference<beans::XPropertySet>(control->getModel(), UNO_QUERY_THROW)->getPropertyValue(ascii("Label")) >>= label;
        lines.push_back(label);
    }
    return lines;
}

std::string FactsPanel::layoutReport() const
{
    nlohmann::json report;
    if (!m_window.is())
        return "{}";
    const awt::Rectangle area = m_window->getPosSize();
    report["width"] = area.Width;
    report["height"] = area.Height;
    if (const Reference<accessibility::XAccessible> accessible(m_window, UNO_QUERY); accessible.is())
        if (const Reference<accessibility::XAccessibleComponent> component(accessible->getAccessibleContext(), UNO_QUERY);
            component.is())
        {
            const awt::Point screen = component->getLocationOnScreen();
            report["screen_x"] = screen.X;
            report["screen_y"] = screen.Y;
            // Where it sits in its top-level window, through the accessible parents (GTK cannot
            // always say where a window is on screen without a window manager).
            awt::Point inWindow(0, 0);
            Reference<accessibility::XAccessibleContext> context = accessible->getAccessibleContext();
            for (int depth = 0; context.is() && depth < 64; ++depth)
            {
                const Reference<accessibility::XAccessibleComponent> part(context, UNO_QUERY);
                const Reference<accessibility::XAccessible> parent = context->getAccessibleParent();
                if (!part.is() || !parent.is())
                    break; // the top-level window itself: its own position is the screen's business
                const awt::Point at = part->getLocation();
                inWindow.X += at.X;
                inWindow.Y += at.Y;
                context = parent->getAccessibleContext();
            }
            report["window_x"] = inWindow.X;
            report["window_y"] = inWindow.Y;
        }
    nlohmann::json controls = nlohmann::json::array();
    std::vector<std::pair<std::string, Reference<awt::XControl>>> all;
    all.reserve(m_lines.size());
    for (std::size_t i = 0; i < m_lines.size(); ++i)
        all.emplace_back("line" + std::to_string(i), m_lines[i]);
    for (const auto& [id, control] : { std::pair{ "scoreBar", &m_scoreBar }, std::pair{ "jurisdiction", &m_jurisdiction },
                                       std::pair{ "autoCheck", &m_autoCheck }, std::pair{ "checkNow", &m_refreshButton },
                                       std::pair{ "matrix", &m_matrix }, std::pair{ "grouping", &m_grouping_list },
                                       std::pair{ "prompts", &m_prompts }, std::pair{ "details", &m_details },
                                       std::pair{ "dismiss", &m_dismissButton }, std::pair{ "insert", &m_insertButton },
                                       std::pair{ "tool", &m_toolButton } })
        if (control->is())
            all.emplace_back(id, *control);
    for (const auto& [id, control] : all)
    {
        const awt::Rectangle r = Reference<awt::XWindow>(control, UNO_QUERY_THROW)->getPosSize();
        nlohmann::json c = { { "id", id }, { "x", r.X }, { "y", r.Y }, { "width", r.Width }, { "height", r.Height } };
        const Reference<accessibility::XAccessible> accessible(control->getPeer(), UNO_QUERY);
        const Reference<accessibility::XAccessibleContext> context = accessible.is() ? accessible->getAccessibleContext() : nullptr;
        if (context.is())
        {
            c["role"] = context->getAccessibleRole();
            c["name"] = toUtf8(context->getAccessibleName());
            c["description"] = toUtf8(context->getAccessibleDescription());
            const AccessibleStates states = accessibleStates(context);
            c["focusable"] = states.focusable;
            c["showing"] = states.showing;
            c["focused"] = states.focused;
        }
        controls.push_back(std::move(c));
    }
    report["controls"] = std::move(controls);
    return report.dump();
}

void FactsPanel::layout()
{
    if (!m_window.is())
        return;
    const awt::Rectangle area = m_window->getPosSize();
    const sal_Int32 width = std::max<sal_Int32>(area.Width - 2 * kPadding, 40);
    sal_Int32 y = kPadding;
    auto place = [&](const Reference<awt::XControl>& control, sal_Int32 w, bool wrap) {
        awt::Size size = PanelWindow::preferredSize(control, w, wrap);
        const sal_Int32 controlWidth = wrap ? w : std::min(w, std::max<sal_Int32>(size.Width, 60));
        const Reference<awt::XWindow> window(control, UNO_QUERY_THROW);
        window->setPosSize(kPadding, y, controlWidth, size.Height, awt::PosSize::POSSIZE);
        // Some themes (GTK) keep a control taller than asked: go on below what it really takes.
        y += std::max(size.Height, window->getPosSize().Height) + kGap;
    };
    // Lists fill the width; at the sidebar's narrow width their rows scroll sideways.
    // A list is as tall as `lines` rows in this theme's font (and a row for its scroll bar). The
    // heights are asked for once per size, while the lists are still short: with thousands of
    // prompts VCL would measure every row to answer.
    auto listHeight = [this](const Reference<awt::XControl>& list, sal_Int16 lines) {
        auto& known = m_listHeights[lines];
        if (known == 0)
        {
            const Reference<awt::XTextLayoutConstrains> text(list, UNO_QUERY);
            known = text.is() ? std::max<sal_Int32>(text->getMinimumSize(0, lines).Height, 60) : sal_Int32(160);
        }
        return known;
    };
    auto placeFixed = [&](const Reference<awt::XControl>& control, sal_Int32 height) {
        const Reference<awt::XWindow> window(control, UNO_QUERY_THROW);
        window->setPosSize(kPadding, y, width, height, awt::PosSize::POSSIZE);
        y += std::max(height, window->getPosSize().Height) + kGap;
    };
    switch (m_part)
    {
        case Part::Readiness:
            place(m_lines[kScore], width, true);
            placeFixed(m_scoreBar, std::max<sal_Int32>(12, PanelWindow::preferredSize(m_scoreBar, width, false).Height));
            for (std::size_t i = kScore + 1; i < m_lines.size(); ++i)
                place(m_lines[i], width, true);
            y += kGap;
            placeFixed(m_jurisdiction, std::max<sal_Int32>(24, PanelWindow::preferredSize(m_jurisdiction, width, false).Height));
            place(m_autoCheck, width, false);
            place(m_refreshButton, width, false);
            break;
        case Part::Characteristics:
        {
            uno::Sequence<rtl::OUString> rows;
            Reference<beans::XPropertySet>(m_matrix->getModel(), UNO_QUERY_THROW)->getPropertyValue(ascii("StringItemList")) >>= rows;
            placeFixed(m_matrix, listHeight(m_matrix, static_cast<sal_Int16>(std::clamp<sal_Int32>(rows.getLength(), 9, 20) + 1)));
        }
            place(m_details, width, true);
            place(m_insertButton, width, false);
            break;
        case Part::Prompts:
            placeFixed(m_grouping_list, std::max<sal_Int32>(24, PanelWindow::preferredSize(m_grouping_list, width, false).Height));
            placeFixed(m_prompts, listHeight(m_prompts, kPromptRows));
            place(m_details, width, true);
            place(m_dismissButton, width, false);
            place(m_insertButton, width, false);
            place(m_toolButton, width, false);
            break;
    }
    const sal_Int32 height = y + kPadding;
    if (height != m_preferredHeight)
    {
        m_preferredHeight = height;
        if (m_sidebar.is())
            m_sidebar->requestLayout();
    }
}

} // namespace dueregard::ext
