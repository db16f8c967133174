#include "automation/DocumentService.hxx"

#include "document/DocumentAdapter.hxx"
#include "document/DocumentChecker.hxx"
#include "app/Failures.hxx"
#include "sidebar/FactsPanel.hxx"
#include "sidebar/GlossaryPanel.hxx"
#include "sidebar/InsertPanel.hxx"
#include "sidebar/ReviewPanel.hxx"
#include "sidebar/DisproportionalityPanel.hxx"
#include "app/OptionsHandler.hxx"
#include "app/ImplNames.hxx"
#include "app/Listeners.hxx"
#include "app/TestHooks.hxx"
#include "UnoStrings.hxx"

#include "model/DocumentJson.hpp"
#include "model/Facts.hpp"

#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XDialog.hpp>
#include <com/sun/star/awt/XDialogProvider2.hpp>
#include <com/sun/star/awt/XListBox.hpp>
#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/beans/XPropertySetInfo.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <memory>
#include <string_view>
#include <optional>
#include <vector>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace dueregard::ext
{
namespace
{
struct Arguments
{
    rtl::OUString command;
    Reference<css::text::XTextDocument> document;
    sal_Int32 block = -1, start = 0, end = 0;
    bool keepIdentity = false;
    rtl::OUString query;
    std::optional<rtl::OUString> comparator, measure, outcome; // the calculator's choices
    bool insert = false;
};

Arguments readArguments(const uno::Sequence<beans::NamedValue>& arguments)
{
    Arguments a;
    for (const beans::NamedValue& v : arguments)
    {
        if (v.Name == "Command")
            v.Value >>= a.command;
        else if (v.Name == "Document")
            v.Value >>= a.document;
        else if (v.Name == "Block")
            v.Value >>= a.block;
        else if (v.Name == "Start")
            v.Value >>= a.start;
        else if (v.Name == "End")
            v.Value >>= a.end;
        else if (v.Name == "KeepIdentity")
            v.Value >>= a.keepIdentity;
        else if (v.Name == "Query")
            v.Value >>= a.query;
        else if (v.Name == "Comparator" || v.Name == "Measure" || v.Name == "Outcome")
        {
            rtl::OUString s;
            v.Value >>= s;
            (v.Name == "Comparator" ? a.comparator : v.Name == "Measure" ? a.measure : a.outcome) = s;
        }
        else if (v.Name == "Insert")
            v.Value >>= a.insert;
    }
    return a;
}

[[noreturn]] void refuse(const char* message)
{
    throw lang::IllegalArgumentException(ascii(message), {}, 0);
}

Reference<css::text::XTextDocument> requireDocument(const Arguments& a)
{
    if (!a.document.is())
        refuse("Due Regard works on text documents: this is not a Writer text document.");
    return a.document;
}

// Adapters kept per open document when a caller asks for stable block ids across calls
// (KeepIdentity). Entries for documents that have gone are dropped on every use. Main thread.
struct KeptAdapter
{
    uno::WeakReference<css::text::XTextDocument> document;
    std::unique_ptr<DocumentAdapter> adapter;
};
std::vector<KeptAdapter>& keptAdapters()
{
    static std::vector<KeptAdapter> kept;
    return kept;
}

DocumentAdapter& keptAdapterFor(const Reference<css::text::XTextDocument>& document)
{
    auto& kept = keptAdapters();
    std::erase_if(kept, [](const KeptAdapter& k) { return !Reference<css::text::XTextDocument>(k.document).is(); });
    for (KeptAdapter& k : kept)
        if (Reference<css::text::XTextDocument>(k.document) == document)
            return *k.adapter;
    kept.push_back({ document, std::make_unique<DocumentAdapter>(document) });
    return *kept.back().adapter;
}
} // namespace

DocumentService::DocumentService(const Reference<uno::XComponentContext>& context)
    : m_context(context)
{
}

uno::Any SAL_CALL DocumentService::execute(const uno::Sequence<beans::NamedValue>& arguments)
{
    // Every call's faults reach the caller as UNO exceptions, never as C++ ones into the office.
    try
    {
        return run(arguments);
    }
    catch (const uno::Exception&)
    {
        throw;
    }
    catch (const std::exception& e)
    {
        noteFailure("a document service call", e.what());
        throw uno::RuntimeException(fromUtf8(std::string("Due Regard could not do this: ") + e.what()), static_cast<cppu::OWeakObject*>(this));
    }
}

uno::Any DocumentService::run(const uno::Sequence<beans::NamedValue>& arguments)
{
    const Arguments a = readArguments(arguments);
    if (a.command == "version")
        return uno::Any(ascii(kVersion));
    if (a.command == "extract")
    {
        const Reference<css::text::XTextDocument> document = requireDocument(a);
        testhooks::beforeReading(document); // the test build's faults (app/TestHooks.hxx)
        if (a.keepIdentity)
            return uno::Any(fromUtf8(model::toJson(keptAdapterFor(document).extract(&engine::builtinTemplates())).dump()));
        DocumentAdapter adapter(document);
        return uno::Any(fromUtf8(model::toJson(adapter.extract(&engine::builtinTemplates())).dump()));
    }
    if (a.command == "facts")
    {
        DocumentAdapter adapter(requireDocument(a));
        const model::DocumentFacts f = model::countFacts(adapter.extract());
        const nlohmann::json j = { { "words", f.words },       { "characters", f.characters },
                                   { "paragraphs", f.paragraphs }, { "headings", f.headings },
                                   { "tables", f.tables },     { "table_cells", f.tableCells } };
        return uno::Any(fromUtf8(j.dump()));
    }
    if (a.command == "select")
    {
        const Reference<css::text::XTextDocument> document = requireDocument(a);
        DocumentAdapter adapter(document);
        const model::Document doc = adapter.extract();
        if (a.block < 0 || static_cast<std::size_t>(a.block) >= doc.blocks.size() || a.start < 0
            || a.end < a.start)
            refuse("Block, Start and End must name a range inside the document.");
        const auto range = adapter.rangeFor({ static_cast<std::size_t>(a.block),
                                              static_cast<std::size_t>(a.start),
                                              static_cast<std::size_t>(a.end) });
        if (!range.is())
            refuse("That range no longer exists in the document.");
        Reference<frame::XModel> model(document, UNO_QUERY);
        Reference<view::XSelectionSupplier> selection(
            model.is() ? model->getCurrentController() : Reference<frame::XController>(), UNO_QUERY);
        if (selection.is())
            selection->select(uno::Any(range));
        return uno::Any(range->getString());
    }
    if (a.command == "panelState")
    {
        const rtl::Reference<FactsPanel> panel = FactsPanel::panelFor(requireDocument(a));
        if (!panel.is())
            return uno::Any(rtl::OUString());
        nlohmann::json lines = nlohmann::json::array();
        for (const rtl::OUString& line : panel->stateLines())
            lines.push_back(toUtf8(line));
        return uno::Any(fromUtf8(lines.dump()));
    }
    if (a.command == "prompts" || a.command == "activatePrompt" || a.command == "matrix"
        || a.command == "activateCharacteristic")
    {
        const bool matrix = a.command == "matrix" || a.command == "activateCharacteristic";
        const rtl::Reference<FactsPanel> panel = FactsPanel::panelFor(
            requireDocument(a), matrix ? FactsPanel::Part::Characteristics : FactsPanel::Part::Prompts);
        if (!panel.is())
            refuse("The Due Regard panel is not open for this document.");
        if (a.command == "activatePrompt")
            return uno::Any(panel->activatePrompt(a.block));
        if (a.command == "activateCharacteristic")
            return uno::Any(panel->activateCharacteristic(a.block));
        nlohmann::json lines = nlohmann::json::array();
        for (const rtl::OUString& line : a.command == "matrix" ? panel->matrixLines() : panel->promptLines())
            lines.push_back(toUtf8(line));
        return uno::Any(fromUtf8(lines.dump()));
    }
    if (a.command == "insertPanel" || a.command == "insertChoose" || a.command == "insertAll")
    {
        // The Insert panel: its section list; choosing jurisdiction Start and section Block and
        // pressing "Insert at cursor"; pressing "Insert whole assessment".
        const rtl::Reference<InsertPanel> panel = InsertPanel::panelFor(requireDocument(a));
        if (!panel.is())
            refuse("The Insert sections panel is not open for this document.");
        if (a.command == "insertChoose")
        {
            panel->chooseJurisdiction(a.start);
            panel->chooseSection(a.block);
            return uno::Any(panel->insertChosen());
        }
        if (a.command == "insertAll")
        {
            panel->chooseJurisdiction(a.start);
            return uno::Any(panel->insertAll());
        }
        nlohmann::json lines = nlohmann::json::array();
        for (const rtl::OUString& line : panel->sectionLines())
            lines.push_back(toUtf8(line));
        return uno::Any(fromUtf8(lines.dump()));
    }
    if (a.command == "glossary")
    {
        // The Glossary panel: follow the cursor (Block = -1), search (Query) or choose row Block,
        // then report what it shows.
        const rtl::Reference<GlossaryPanel> panel = GlossaryPanel::panelFor(requireDocument(a));
        if (!panel.is())
            refuse("The Glossary panel is not open for this document.");
        if (!a.query.isEmpty())
            panel->search(a.query);
        if (a.block >= 0)
            panel->choose(a.block);
        else
            panel->followCursor();
        nlohmann::json listed = nlohmann::json::array();
        for (const rtl::OUString& line : panel->listed())
            listed.push_back(toUtf8(line));
        const nlohmann::json state = { { "term", panel->shownTerm() }, { "details", toUtf8(panel->details()) },
                                       { "listed", std::move(listed) } };
        return uno::Any(fromUtf8(state.dump()));
    }
    if (a.command == "panelLayout")
    {
        // Each checking panel's layout and accessible names, by part.
        nlohmann::json parts = nlohmann::json::object();
        const Reference<css::text::XTextDocument> document = requireDocument(a);
        for (const auto& [name, part] : { std::pair{ "readiness", FactsPanel::Part::Readiness },
                                          std::pair{ "characteristics", FactsPanel::Part::Characteristics },
                                          std::pair{ "prompts", FactsPanel::Part::Prompts } })
            if (const rtl::Reference<FactsPanel> panel = FactsPanel::panelFor(document, part); panel.is())
                parts[name] = nlohmann::json::parse(panel->layoutReport());
        return uno::Any(fromUtf8(parts.dump()));
    }
    if (a.command == "panelGrouping")
    {
        const rtl::Reference<FactsPanel> panel = FactsPanel::panelFor(requireDocument(a), FactsPanel::Part::Prompts);
        if (!panel.is())
            refuse("The Due Regard panel is not open for this document.");
        panel->chooseGrouping(a.block);
        return uno::Any(true);
    }
    if (a.command == "panelJurisdiction" || a.command == "panelAutoCheck")
    {
        const rtl::Reference<FactsPanel> panel = FactsPanel::panelFor(requireDocument(a));
        if (!panel.is())
            refuse("The Due Regard panel is not open for this document.");
        if (a.command == "panelJurisdiction")
            panel->chooseJurisdiction(a.block);
        else
            panel->setAutoCheck(a.block != 0);
        return uno::Any(true);
    }
    if (a.command == "reviewState")
    {
        const rtl::Reference<ReviewPanel> panel = ReviewPanel::panelFor(requireDocument(a));
        if (!panel.is())
            refuse("The Review panel is not open for this document.");
        panel->render();
        return uno::Any(panel->stateText());
    }
    if (a.command == "disproportionality")
    {
        // The calculator: type figures (Query), choose Comparator (a group name, "" for
        // automatic), Measure (ratio, rate, representation) and Outcome, press Insert; then
        // report what it shows.
        const rtl::Reference<DisproportionalityPanel> panel = DisproportionalityPanel::panelFor(requireDocument(a));
        if (!panel.is())
            refuse("The Disproportionality panel is not open for this document.");
        if (!a.query.isEmpty())
            panel->setFigures(a.query);
        if (a.outcome)
            panel->setOutcome(*a.outcome);
        if (a.measure)
        {
            const auto measure = stats::parseMeasure(toUtf8(*a.measure));
            if (!measure)
                refuse("Measure is ratio, rate or representation.");
            panel->chooseMeasure(*measure);
        }
        if (a.comparator)
            panel->chooseComparator(toUtf8(*a.comparator));
        if (a.insert)
            panel->insert();
        nlohmann::json choices = nlohmann::json::array();
        for (const rtl::OUString& c : panel->comparatorChoices())
            choices.push_back(toUtf8(c));
        const nlohmann::json state = { { "comparators", std::move(choices) }, { "results", toUtf8(panel->results()) },
                                       { "status", toUtf8(panel->status()) }, { "can_insert", panel->canInsert() } };
        return uno::Any(fromUtf8(state.dump()));
    }
    if (a.command == "lastReport")
    {
        // The report of the latest result, whichever check produced it, without checking again
        // (empty before the first check): to compare a check after typing with a full one.
        const std::shared_ptr<DocumentChecker> checker = DocumentChecker::forDocument(requireDocument(a));
        return uno::Any(checker->lastResult() ? fromUtf8(checker->reportJson()) : rtl::OUString());
    }
    if (a.command == "backgroundCheck" || a.command == "checkState")
    {
        // For the in-office benchmark: start a check as the panel does after typing (reading in
        // main-thread slices, checking on a worker), and read how far it has got.
        const std::shared_ptr<DocumentChecker> checker = DocumentChecker::forDocument(requireDocument(a));
        // Query=edits reads only what was edited, as the panel does after a pause in typing.
        if (a.command == "backgroundCheck")
            checker->checkInBackground(m_context, {}, a.query == "edits" ? ReadScope::Edits : ReadScope::Whole);
        const DocumentChecker::ReadStats& stats = checker->readStats();
        const nlohmann::json state = { { "render_ms", FactsPanel::renderMsFor(requireDocument(a)) },
                                       { "edit_listener_ns", EditTime::nanoseconds().load() },
                                       { "edit_listener_calls", EditTime::calls().load() }, { "generation", checker->generation() },
                                       { "slices", stats.slices },
                                       { "longest_ms", stats.longestMs },
                                       { "read_ms", stats.totalMs },
                                       { "read_whole", stats.whole },
                                       { "refresh_ms", stats.refreshMs },
                                       { "check_ms", stats.checkMs },
                                       { "after_check_ms", stats.afterCheckMs },
                                       { "blocks_read", stats.blocksRead },
                                       { "blocks_compared", checker->lastResult() ? checker->lastResult()->blocksCompared : 0 },
                                       { "runs_assessed", checker->lastResult() ? checker->lastResult()->runsAssessed : 0 },
                                       { "blocks", checker->lastModel().blocks.size() },
                                       { "score", checker->lastResult() ? checker->lastResult()->score : -1 } };
        return uno::Any(fromUtf8(state.dump()));
    }
    if (a.command == "options")
    {
        // Tools > Options > Due Regard > Checking, without the dialog around it: the page is
        // loaded and filled as the Options dialog does; Query (JSON) types into its controls
        // ({"txtReviewer": "A. Reviewer", "chkAutoCheck": 0, "lstJurisdiction": 2}) and Insert=true
        // presses OK. Returns each control's value and whether it is enabled, and what was refused.
        const Reference<css::text::XTextDocument> document = requireDocument(a);
        Reference<frame::XModel> model(document, UNO_QUERY);
        Reference<frame::XFrame> frame = model.is() && model->getCurrentController().is() ? model->getCurrentController()->getFrame() : nullptr;
        Reference<awt::XDialogProvider2> provider(
            m_context->getServiceManager()->createInstanceWithContext(ascii("com.sun.star.awt.DialogProvider2"), m_context), UNO_QUERY_THROW);
        uno::Sequence<beans::NamedValue> args(1);
        args.getArray()[0] = beans::NamedValue(ascii("ParentWindow"), uno::Any(frame.is() ? frame->getContainerWindow() : nullptr));
        Reference<awt::XDialog> dialog(provider->createDialogWithArguments(
            ascii("vnd.sun.star.extension://") + ascii(kExtensionId) + ascii("/dialogs/Options.xdl"), args), UNO_QUERY_THROW);
        const Reference<awt::XControlContainer> page(dialog, UNO_QUERY_THROW);
        OptionsHandler::load(m_context, page);
        const nlohmann::json typed = a.query.isEmpty() ? nlohmann::json::object() : nlohmann::json::parse(toUtf8(a.query));
        for (const auto& [name, value] : typed.items())
            {
                const Reference<awt::XControl> control = page->getControl(fromUtf8(name));
                if (!control.is())
                    refuse("There is no such control on the Options page.");
                Reference<beans::XPropertySet> props(control->getModel(), UNO_QUERY_THROW);
                if (name.rfind("txt", 0) == 0)
                    props->setPropertyValue(ascii("Text"), uno::Any(fromUtf8(value.get<std::string>())));
                else if (name.rfind("chk", 0) == 0)
                    props->setPropertyValue(ascii("State"), uno::Any(static_cast<sal_Int16>(value.get<int>())));
                else if (name.rfind("lst", 0) == 0)
                    Reference<awt::XListBox>(control, UNO_QUERY_THROW)->selectItemPos(static_cast<sal_Int16>(value.get<int>()), true);
                else if (name.rfind("num", 0) == 0)
                    props->setPropertyValue(ascii("Value"), uno::Any(value.get<double>()));
            }
        nlohmann::json state = nlohmann::json::object();
        if (a.insert)
            state["refused"] = OptionsHandler::save(m_context, page);
        nlohmann::json controls = nlohmann::json::object();
        for (const Reference<awt::XControl>& control : page->getControls())
        {
            Reference<beans::XPropertySet> props(control->getModel(), UNO_QUERY_THROW);
            rtl::OUString name;
            props->getPropertyValue(ascii("Name")) >>= name;
            bool enabled = true;
            props->getPropertyValue(ascii("Enabled")) >>= enabled;
            nlohmann::json value;
            const Reference<beans::XPropertySetInfo> info = props->getPropertySetInfo();
            if (name.startsWith("txt"))
            {
                rtl::OUString text;
                props->getPropertyValue(ascii("Text")) >>= text;
                value = toUtf8(text);
            }
            else if (name.startsWith("chk"))
            {
                sal_Int16 s = 0;
                props->getPropertyValue(ascii("State")) >>= s;
                value = s;
            }
            else if (name.startsWith("lst"))
                value = Reference<awt::XListBox>(control, UNO_QUERY_THROW)->getSelectedItemPos();
            else if (name.startsWith("num"))
            {
                double d = 0;
                props->getPropertyValue(ascii("Value")) >>= d;
                value = d;
            }
            else if (info->hasPropertyByName(ascii("Label")))
            {
                rtl::OUString label;
                props->getPropertyValue(ascii("Label")) >>= label;
                value = toUtf8(label);
            }
            controls[toUtf8(name)] = { { "value", value }, { "enabled", enabled } };
        }
        Reference<lang::XComponent>(dialog, UNO_QUERY_THROW)->dispose();
        state["controls"] = std::move(controls);
        return uno::Any(fromUtf8(state.dump()));
    }
    if (a.command == "insertPrompt" || a.command == "promptTool")
    {
        // Choose prompt row Block, then press Insert section, or Open calculator.
        const rtl::Reference<FactsPanel> panel = FactsPanel::panelFor(requireDocument(a), FactsPanel::Part::Prompts);
        if (!panel.is())
            refuse("The Due Regard panel is not open for this document.");
        panel->activatePrompt(a.block);
        return uno::Any(a.command == "promptTool" ? panel->openToolForPrompt() : panel->insertForPrompt());
    }
    refuse("Unknown Command: use extract, facts, select, panelState, prompts, activatePrompt, matrix, activateCharacteristic, "
           "insertPanel, insertChoose, insertAll, insertPrompt, glossary, reviewState, panelLayout, panelJurisdiction, panelAutoCheck, panelGrouping, disproportionality, promptTool, options or version.");
}

rtl::OUString DocumentService::implementationName() { return ascii(kImplDocumentService); }
uno::Sequence<rtl::OUString> DocumentService::serviceNames()
{
    const rtl::OUString name = ascii(kServiceDocumentService);
    return uno::Sequence<rtl::OUString>(&name, 1);
}
rtl::OUString SAL_CALL DocumentService::getImplementationName() { return implementationName(); }
sal_Bool SAL_CALL DocumentService::supportsService(const rtl::OUString& name)
{
    return name == serviceNames()[0];
}
uno::Sequence<rtl::OUString> SAL_CALL DocumentService::getSupportedServiceNames() { return serviceNames(); }
} // namespace dueregard::ext
