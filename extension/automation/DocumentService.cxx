#include "automation/DocumentService.hxx"

#include "UnoStrings.hxx"
#include "app/Failures.hxx"
#include "app/ImplNames.hxx"
#include "app/Language.hxx"
#include "app/Listeners.hxx"
#include "app/OptionsHandler.hxx"
#include "app/TestHooks.hxx"
#include "document/DocumentAdapter.hxx"
#include "document/DocumentChecker.hxx"
#include "sidebar/CheckingPanel.hxx"
#include "sidebar/DisproportionalityPanel.hxx"
#include "sidebar/GlossaryPanel.hxx"
#include "sidebar/InsertPanel.hxx"
#include "sidebar/ReviewPanel.hxx"

#include "l10n/Error.hpp"

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
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/resource/XStringResourceResolver.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace dueregard::ext
{
namespace
{
// What a caller passed, read by the table below: each argument has one type whatever the
// command; what it means is the command's own (its entry in commands()).
struct Arguments
{
    std::string_view command;
    Reference<css::text::XTextDocument> document;
    sal_Int32 block = -1, start = 0, end = 0;
    bool keepIdentity = false;
    rtl::OUString query;
    std::optional<rtl::OUString> comparator, measure, outcome; // the calculator's choices
    bool insert = false;
};

enum class Type
{
    Document, // a Writer text document (com.sun.star.text.XTextDocument)
    Number,   // a whole number (long)
    Flag,     // a boolean
    Text      // a string
};

const char* typeName(Type type)
{
    switch (type)
    {
    // The API's own names of its types, as help lists them (like UNO's, they are not translated).
    case Type::Document:
        return "text document"; // l10n: not shown (the API reference's type name)
    case Type::Number:
        return "whole number"; // l10n: not shown (the API reference's type name)
    case Type::Flag:
        return "boolean";
    case Type::Text:
        return "string";
    }
    return "";
}

// The type as a person reads it in a refusal, in the interface's language.
std::string typeInWords(Type type)
{
    switch (type)
    {
    case Type::Document:
        return uiText("automation.type.document");
    case Type::Number:
        return uiText("automation.type.number");
    case Type::Flag:
        return uiText("automation.type.flag");
    case Type::Text:
        return uiText("automation.type.text");
    }
    return "";
}

// Every argument a command may take, its type, and how it is read. Reading fails (false) when
// the value is not of the type; a value that is not a text document is read as none, and the
// command refuses it with its own message.
struct ArgumentType
{
    std::string_view name;
    Type type;
    bool (*read)(Arguments&, const uno::Any&);
};

bool readText(std::optional<rtl::OUString>& into, const uno::Any& value)
{
    rtl::OUString s;
    if (!(value >>= s))
        return false;
    into = s;
    return true;
}

const std::array<ArgumentType, 10>& argumentTypes()
{
    static const std::array<ArgumentType, 10> types{ {
        { "Document", Type::Document,
          [](Arguments& a, const uno::Any& v)
          {
              v >>= a.document;
              return true;
          } },
        { "Block", Type::Number, [](Arguments& a, const uno::Any& v) { return (v >>= a.block); } },
        { "Start", Type::Number, [](Arguments& a, const uno::Any& v) { return (v >>= a.start); } },
        { "End", Type::Number, [](Arguments& a, const uno::Any& v) { return (v >>= a.end); } },
        { "KeepIdentity", Type::Flag,
          [](Arguments& a, const uno::Any& v) { return (v >>= a.keepIdentity); } },
        { "Query", Type::Text, [](Arguments& a, const uno::Any& v) { return (v >>= a.query); } },
        { "Comparator", Type::Text,
          [](Arguments& a, const uno::Any& v) { return readText(a.comparator, v); } },
        { "Measure", Type::Text,
          [](Arguments& a, const uno::Any& v) { return readText(a.measure, v); } },
        { "Outcome", Type::Text,
          [](Arguments& a, const uno::Any& v) { return readText(a.outcome, v); } },
        { "Insert", Type::Flag, [](Arguments& a, const uno::Any& v) { return (v >>= a.insert); } },
    } };
    return types;
}

const ArgumentType& argumentType(std::string_view name)
{
    for (const ArgumentType& t : argumentTypes())
        if (t.name == name)
            return t;
    // A mistake in this file's tables, which a test finds before any user could.
    // l10n: not shown { a programming error
    throw std::logic_error("DocumentService: an argument with no type: " + std::string(name));
    // l10n: }
}

// One argument of one command: its name (typed by argumentTypes()) and what it means there.
struct Parameter
{
    std::string_view name;
    std::string_view meaning;
};

using Handler = uno::Any (*)(const Arguments&, const Reference<uno::XComponentContext>&);

struct Command
{
    std::string_view name;
    std::string_view does; // what it does and what it returns
    std::vector<Parameter> parameters;
    Handler run;
};

[[noreturn]] void refuse(const std::string& message)
{
    throw lang::IllegalArgumentException(fromUtf8(message), {}, 0);
}

// refuseArgument: a bad value for one argument, naming the command and the argument.
[[noreturn]] void refuseArgument(const Arguments& a, std::string_view argument,
                                 std::string_view problem)
{
    refuse(uiText("automation.bad_argument", { { "command", std::string(a.command) },
                                               { "argument", std::string(argument) },
                                               { "problem", std::string(problem) } }));
}

Reference<css::text::XTextDocument> requireDocument(const Arguments& a)
{
    if (!a.document.is())
        refuse(uiText("automation.not_writer"));
    return a.document;
}

nlohmann::json linesJson(const std::vector<rtl::OUString>& lines)
{
    nlohmann::json json = nlohmann::json::array();
    for (const rtl::OUString& line : lines)
        json.push_back(toUtf8(line));
    return json;
}

uno::Any jsonAny(const nlohmann::json& json)
{
    return uno::Any(fromUtf8(json.dump()));
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
    std::erase_if(kept, [](const KeptAdapter& k)
                  { return !Reference<css::text::XTextDocument>(k.document).is(); });
    for (KeptAdapter& k : kept)
        if (Reference<css::text::XTextDocument>(k.document) == document)
            return *k.adapter;
    kept.push_back({ document, std::make_unique<DocumentAdapter>(document) });
    return *kept.back().adapter;
}

// ---- reading the document ------------------------------------------------------------------

uno::Any extract(const Arguments& a, const Reference<uno::XComponentContext>&)
{
    const Reference<css::text::XTextDocument> document = requireDocument(a);
    testhooks::beforeReading(document); // the test build's faults (app/TestHooks.hxx)
    if (a.keepIdentity)
        return jsonAny(
            model::toJson(keptAdapterFor(document).extract(&engine::builtinTemplates())));
    DocumentAdapter adapter(document);
    return jsonAny(model::toJson(adapter.extract(&engine::builtinTemplates())));
}

uno::Any facts(const Arguments& a, const Reference<uno::XComponentContext>&)
{
    DocumentAdapter adapter(requireDocument(a));
    const model::DocumentFacts f = model::countFacts(adapter.extract());
    return jsonAny({ { "words", f.words },
                     { "characters", f.characters },
                     { "paragraphs", f.paragraphs },
                     { "headings", f.headings },
                     { "tables", f.tables },
                     { "table_cells", f.tableCells } });
}

uno::Any select(const Arguments& a, const Reference<uno::XComponentContext>&)
{
    const Reference<css::text::XTextDocument> document = requireDocument(a);
    DocumentAdapter adapter(document);
    const model::Document doc = adapter.extract();
    if (a.block < 0 || static_cast<std::size_t>(a.block) >= doc.blocks.size() || a.start < 0
        || a.end < a.start)
        refuse(uiText("automation.select.range"));
    const auto range
        = adapter.rangeFor({ static_cast<std::size_t>(a.block), static_cast<std::size_t>(a.start),
                             static_cast<std::size_t>(a.end) });
    if (!range.is())
        refuse(uiText("automation.select.gone"));
    Reference<frame::XModel> model(document, UNO_QUERY);
    Reference<view::XSelectionSupplier> selection(
        model.is() ? model->getCurrentController() : Reference<frame::XController>(), UNO_QUERY);
    if (selection.is())
        selection->select(uno::Any(range));
    return uno::Any(range->getString());
}

// ---- the checking panels (Readiness, Characteristics, Prompts) -----------------------------

template <typename Panel> rtl::Reference<Panel> requireCheckingPanel(const Arguments& a)
{
    const rtl::Reference<Panel> panel = Panel::panelFor(requireDocument(a));
    if (!panel.is())
        refuse(uiText("automation.panel_closed.checking"));
    return panel;
}

uno::Any panelState(const Arguments& a, const Reference<uno::XComponentContext>&)
{
    const rtl::Reference<ReadinessPanel> panel = ReadinessPanel::panelFor(requireDocument(a));
    return panel.is() ? jsonAny(linesJson(panel->stateLines())) : uno::Any(rtl::OUString());
}

uno::Any prompts(const Arguments& a, const Reference<uno::XComponentContext>&)
{
    return jsonAny(linesJson(requireCheckingPanel<PromptsPanel>(a)->promptLines()));
}

uno::Any activatePrompt(const Arguments& a, const Reference<uno::XComponentContext>&)
{
    return uno::Any(requireCheckingPanel<PromptsPanel>(a)->activatePrompt(a.block));
}

uno::Any matrix(const Arguments& a, const Reference<uno::XComponentContext>&)
{
    return jsonAny(linesJson(requireCheckingPanel<CharacteristicsPanel>(a)->matrixLines()));
}

uno::Any activateCharacteristic(const Arguments& a, const Reference<uno::XComponentContext>&)
{
    return uno::Any(requireCheckingPanel<CharacteristicsPanel>(a)->activateCharacteristic(a.block));
}

uno::Any insertPrompt(const Arguments& a, const Reference<uno::XComponentContext>&)
{
    const rtl::Reference<PromptsPanel> panel = requireCheckingPanel<PromptsPanel>(a);
    panel->activatePrompt(a.block);
    return uno::Any(panel->insertForPrompt());
}

uno::Any promptTool(const Arguments& a, const Reference<uno::XComponentContext>&)
{
    const rtl::Reference<PromptsPanel> panel = requireCheckingPanel<PromptsPanel>(a);
    panel->activatePrompt(a.block);
    return uno::Any(panel->openToolForPrompt());
}

uno::Any panelLayout(const Arguments& a, const Reference<uno::XComponentContext>&)
{
    nlohmann::json parts = nlohmann::json::object();
    const Reference<css::text::XTextDocument> document = requireDocument(a);
    const auto report = [&parts](const char* name, const auto& panel)
    {
        if (panel.is())
            parts[name] = nlohmann::json::parse(panel->layoutReport());
    };
    report("readiness", ReadinessPanel::panelFor(document));
    report("characteristics", CharacteristicsPanel::panelFor(document));
    report("prompts", PromptsPanel::panelFor(document));
    return jsonAny(parts);
}

uno::Any panelGrouping(const Arguments& a, const Reference<uno::XComponentContext>&)
{
    requireCheckingPanel<PromptsPanel>(a)->chooseGrouping(a.block);
    return uno::Any(true);
}

uno::Any panelJurisdiction(const Arguments& a, const Reference<uno::XComponentContext>&)
{
    requireCheckingPanel<ReadinessPanel>(a)->chooseJurisdiction(a.block);
    return uno::Any(true);
}

uno::Any panelAutoCheck(const Arguments& a, const Reference<uno::XComponentContext>&)
{
    requireCheckingPanel<ReadinessPanel>(a)->setAutoCheck(a.block != 0);
    return uno::Any(true);
}

// ---- the other panels ----------------------------------------------------------------------

rtl::Reference<InsertPanel> requireInsertPanel(const Arguments& a)
{
    const rtl::Reference<InsertPanel> panel = InsertPanel::panelFor(requireDocument(a));
    if (!panel.is())
        refuse(uiText("automation.panel_closed.insert"));
    return panel;
}

uno::Any insertPanel(const Arguments& a, const Reference<uno::XComponentContext>&)
{
    return jsonAny(linesJson(requireInsertPanel(a)->sectionLines()));
}

uno::Any insertChoose(const Arguments& a, const Reference<uno::XComponentContext>&)
{
    const rtl::Reference<InsertPanel> panel = requireInsertPanel(a);
    panel->chooseJurisdiction(a.start);
    panel->chooseSection(a.block);
    return uno::Any(panel->insertChosen());
}

uno::Any insertAll(const Arguments& a, const Reference<uno::XComponentContext>&)
{
    const rtl::Reference<InsertPanel> panel = requireInsertPanel(a);
    panel->chooseJurisdiction(a.start);
    return uno::Any(panel->insertAll());
}

uno::Any glossary(const Arguments& a, const Reference<uno::XComponentContext>&)
{
    const rtl::Reference<GlossaryPanel> panel = GlossaryPanel::panelFor(requireDocument(a));
    if (!panel.is())
        refuse(uiText("automation.panel_closed.glossary"));
    if (!a.query.isEmpty())
        panel->search(a.query);
    if (a.block >= 0)
        panel->choose(a.block);
    else
        panel->followCursor();
    return jsonAny({ { "term", panel->shownTerm() },
                     { "details", toUtf8(panel->details()) },
                     { "listed", linesJson(panel->listed()) } });
}

uno::Any reviewState(const Arguments& a, const Reference<uno::XComponentContext>&)
{
    const rtl::Reference<ReviewPanel> panel = ReviewPanel::panelFor(requireDocument(a));
    if (!panel.is())
        refuse(uiText("automation.panel_closed.review"));
    panel->render();
    return uno::Any(panel->stateText());
}

uno::Any disproportionality(const Arguments& a, const Reference<uno::XComponentContext>&)
{
    const rtl::Reference<DisproportionalityPanel> panel
        = DisproportionalityPanel::panelFor(requireDocument(a));
    if (!panel.is())
        refuse(uiText("automation.panel_closed.dispro"));
    if (!a.query.isEmpty())
        panel->setFigures(a.query);
    if (a.outcome)
        panel->setOutcome(*a.outcome);
    if (a.measure)
    {
        const auto measure = stats::parseMeasure(toUtf8(*a.measure));
        if (!measure)
            refuseArgument(a, "Measure", uiText("automation.measure"));
        panel->chooseMeasure(*measure);
    }
    if (a.comparator)
        panel->chooseComparator(toUtf8(*a.comparator));
    if (a.insert)
        panel->insert();
    return jsonAny({ { "comparators", linesJson(panel->comparatorChoices()) },
                     { "results", toUtf8(panel->results()) },
                     { "status", toUtf8(panel->status()) },
                     { "can_insert", panel->canInsert() } });
}

// ---- the checker ---------------------------------------------------------------------------

uno::Any lastReport(const Arguments& a, const Reference<uno::XComponentContext>&)
{
    const std::shared_ptr<DocumentChecker> checker
        = DocumentChecker::forDocument(requireDocument(a));
    return uno::Any(checker->lastResult() ? fromUtf8(checker->reportJson()) : rtl::OUString());
}

uno::Any checkState(const Arguments& a, const Reference<uno::XComponentContext>&)
{
    const std::shared_ptr<DocumentChecker> checker
        = DocumentChecker::forDocument(requireDocument(a));
    const DocumentChecker::ReadStats& stats = checker->readStats();
    const auto& last = checker->lastResult();
    return jsonAny({ { "render_ms", CheckingPanel::renderMsFor(requireDocument(a)) },
                     { "edit_listener_ns", EditTime::nanoseconds().load() },
                     { "edit_listener_calls", EditTime::calls().load() },
                     { "generation", checker->generation() },
                     { "slices", stats.slices },
                     { "longest_ms", stats.longestMs },
                     { "read_ms", stats.totalMs },
                     { "read_whole", stats.whole },
                     { "refresh_ms", stats.refreshMs },
                     { "check_ms", stats.checkMs },
                     { "after_check_ms", stats.afterCheckMs },
                     { "blocks_read", stats.blocksRead },
                     { "blocks_compared", last ? last->blocksCompared : 0 },
                     { "runs_assessed", last ? last->runsAssessed : 0 },
                     { "blocks", checker->lastModel().blocks.size() },
                     { "score", last ? last->score : -1 } });
}

uno::Any backgroundCheck(const Arguments& a, const Reference<uno::XComponentContext>& context)
{
    const std::shared_ptr<DocumentChecker> checker
        = DocumentChecker::forDocument(requireDocument(a));
    checker->checkInBackground(context, {},
                               a.query == "edits" ? ReadScope::Edits : ReadScope::Whole);
    return checkState(a, context);
}

// ---- Tools > Options > Due Regard > Checking -----------------------------------------------

// typeIntoOptions sets the page's controls from {"txtReviewer": "A. Reviewer", "chkAutoCheck": 0,
// "lstJurisdiction": 2, "numMinScore": 50} (by the name's prefix: text, check box, list, number).
void typeIntoOptions(const Arguments& a, const Reference<awt::XControlContainer>& page)
{
    const nlohmann::json typed
        = a.query.isEmpty() ? nlohmann::json::object() : nlohmann::json::parse(toUtf8(a.query));
    for (const auto& [name, value] : typed.items())
    {
        const Reference<awt::XControl> control = page->getControl(fromUtf8(name));
        if (!control.is())
            refuse(uiText("automation.options.no_control", { { "control", name } }));
        Reference<beans::XPropertySet> props(control->getModel(), UNO_QUERY_THROW);
        if (name.rfind("txt", 0) == 0)
            props->setPropertyValue(ascii("Text"), uno::Any(fromUtf8(value.get<std::string>())));
        else if (name.rfind("chk", 0) == 0)
            props->setPropertyValue(ascii("State"),
                                    uno::Any(static_cast<sal_Int16>(value.get<int>())));
        else if (name.rfind("lst", 0) == 0)
            Reference<awt::XListBox>(control, UNO_QUERY_THROW)
                ->selectItemPos(static_cast<sal_Int16>(value.get<int>()), true);
        else if (name.rfind("num", 0) == 0)
            props->setPropertyValue(ascii("Value"), uno::Any(value.get<double>()));
    }
}

// controlValue is what one control of the page shows, as JSON (null for one that shows nothing).
nlohmann::json controlValue(const rtl::OUString& name, const Reference<awt::XControl>& control,
                            const Reference<beans::XPropertySet>& props)
{
    auto property = [&props](const char* which) { return props->getPropertyValue(ascii(which)); };
    if (name.startsWith("txt"))
    {
        rtl::OUString text;
        property("Text") >>= text;
        return toUtf8(text);
    }
    if (name.startsWith("chk"))
    {
        sal_Int16 s = 0;
        property("State") >>= s;
        return s;
    }
    if (name.startsWith("lst"))
        return Reference<awt::XListBox>(control, UNO_QUERY_THROW)->getSelectedItemPos();
    if (name.startsWith("num"))
    {
        double d = 0;
        property("Value") >>= d;
        return d;
    }
    if (props->getPropertySetInfo()->hasPropertyByName(ascii("Label")))
    {
        rtl::OUString label;
        property("Label") >>= label;
        return toUtf8(label);
    }
    return nullptr;
}

nlohmann::json readOptions(const Reference<awt::XControlContainer>& page)
{
    // A label from the page's string resources is kept as "&key" in its model; the words shown
    // are the resource's, in the language the page is shown in.
    Reference<resource::XStringResourceResolver> strings;
    try
    {
        Reference<beans::XPropertySet>(Reference<awt::XControl>(page, UNO_QUERY_THROW)->getModel(),
                                       UNO_QUERY_THROW)
            ->getPropertyValue(ascii("ResourceResolver"))
            >>= strings;
    }
    catch (const uno::Exception&)
    {
    }
    nlohmann::json controls = nlohmann::json::object();
    for (const Reference<awt::XControl>& control : page->getControls())
    {
        Reference<beans::XPropertySet> props(control->getModel(), UNO_QUERY_THROW);
        rtl::OUString name;
        props->getPropertyValue(ascii("Name")) >>= name;
        bool enabled = true;
        props->getPropertyValue(ascii("Enabled")) >>= enabled;
        nlohmann::json value = controlValue(name, control, props);
        if (value.is_string() && strings.is())
        {
            const std::string shown = value.get<std::string>();
            if (shown.size() > 1 && shown[0] == '&'
                && strings->hasEntryForId(fromUtf8(shown.substr(1))))
                value = toUtf8(strings->resolveString(fromUtf8(shown.substr(1))));
        }
        controls[toUtf8(name)] = { { "value", value }, { "enabled", enabled } };
    }
    return controls;
}

uno::Any options(const Arguments& a, const Reference<uno::XComponentContext>& context)
{
    const Reference<css::text::XTextDocument> document = requireDocument(a);
    Reference<frame::XModel> model(document, UNO_QUERY);
    Reference<frame::XFrame> frame = model.is() && model->getCurrentController().is()
                                         ? model->getCurrentController()->getFrame()
                                         : nullptr;
    Reference<awt::XDialogProvider2> provider(
        context->getServiceManager()->createInstanceWithContext(
            ascii("com.sun.star.awt.DialogProvider2"), context),
        UNO_QUERY_THROW);
    uno::Sequence<beans::NamedValue> args(1);
    args.getArray()[0] = beans::NamedValue(
        ascii("ParentWindow"), uno::Any(frame.is() ? frame->getContainerWindow() : nullptr));
    Reference<awt::XDialog> dialog(
        provider->createDialogWithArguments(ascii("vnd.sun.star.extension://") + ascii(kExtensionId)
                                                + ascii("/dialogs/Options.xdl"),
                                            args),
        UNO_QUERY_THROW);
    const Reference<awt::XControlContainer> page(dialog, UNO_QUERY_THROW);
    OptionsHandler::load(context, page);
    typeIntoOptions(a, page);
    nlohmann::json state = nlohmann::json::object();
    if (a.insert)
        state["refused"] = OptionsHandler::save(context, page);
    state["controls"] = readOptions(page);
    Reference<lang::XComponent>(dialog, UNO_QUERY_THROW)->dispose();
    return jsonAny(state);
}

uno::Any version(const Arguments&, const Reference<uno::XComponentContext>&)
{
    return uno::Any(ascii(kVersion));
}

uno::Any help(const Arguments&, const Reference<uno::XComponentContext>&);

// The commands, their arguments and what each returns. Every result that is JSON is a string;
// a command refuses (IllegalArgumentException, a message a person can act on) an argument that
// no command takes (one that another command takes is ignored), one of the wrong type, a document
// that is not a Writer text document, and a panel command whose panel is not open. "help" returns
// this table as JSON. It is the API reference for macro writers, in English as LibreOffice's own
// API reference is; the refusals a macro's user can meet are localised above.
// l10n: not shown { the API reference
constexpr Parameter kDocument{ "Document", "the Writer text document" };
const std::vector<Command>& commands()
{
    static const std::vector<Command> table{
        { "version", "the extension's version (string)", {}, version },
        { "help",
          "these commands, their arguments (name, type, meaning) and what each does, as JSON",
          {},
          help },
        { "extract",
          "the document's model as JSON: blocks (paragraphs, headings, table cells) with stable "
          "ids",
          { kDocument,
            { "KeepIdentity",
              "true: keep block ids stable across calls while the document is open" } },
          extract },
        { "facts",
          "the document's facts as JSON: words, characters, paragraphs, headings, tables, "
          "table_cells",
          { kDocument },
          facts },
        { "select",
          "selects a range of one block in the view and returns its text",
          { kDocument,
            { "Block", "the block's index in extract's blocks" },
            { "Start", "the range's start (UTF-16 offset)" },
            { "End", "the range's end (UTF-16 offset, not before Start)" } },
          select },
        { "panelState",
          "the Readiness panel's lines as JSON, or \"\" when the panel is not open",
          { kDocument },
          panelState },
        { "prompts", "the Prompts panel's list as JSON", { kDocument }, prompts },
        { "activatePrompt",
          "chooses a prompt, as the user does: returns the text it selects",
          { kDocument, { "Block", "the prompt's row in prompts' list" } },
          activatePrompt },
        { "matrix",
          "the Characteristics panel's coverage matrix rows as JSON",
          { kDocument },
          matrix },
        { "activateCharacteristic",
          "goes to where a characteristic is discussed: returns the text it selects",
          { kDocument, { "Block", "the row in matrix's rows" } },
          activateCharacteristic },
        { "insertPrompt",
          "chooses a prompt and presses Insert section: returns the status shown",
          { kDocument, { "Block", "the prompt's row in prompts' list" } },
          insertPrompt },
        { "promptTool",
          "chooses a prompt and presses its tool button (e.g. the calculator): returns the tool's "
          "name",
          { kDocument, { "Block", "the prompt's row in prompts' list" } },
          promptTool },
        { "panelLayout",
          "each open checking panel's layout and accessible names as JSON, by part",
          { kDocument },
          panelLayout },
        { "panelGrouping",
          "orders the Prompts panel's list; returns true",
          { kDocument, { "Block", "0 most important first, 1 by area, 2 by characteristic" } },
          panelGrouping },
        { "panelJurisdiction",
          "chooses the Readiness panel's jurisdiction and checks again; returns true",
          { kDocument, { "Block", "the jurisdiction list's row (0: as the document reads)" } },
          panelJurisdiction },
        { "panelAutoCheck",
          "switches checking as the user types; returns true",
          { kDocument, { "Block", "0 off, any other number on" } },
          panelAutoCheck },
        { "insertPanel",
          "the Insert sections panel's section list as JSON",
          { kDocument },
          insertPanel },
        { "insertChoose",
          "chooses a jurisdiction and a section and presses Insert at cursor: returns the status "
          "shown",
          { kDocument,
            { "Start", "the jurisdiction list's row" },
            { "Block", "the section list's row" } },
          insertChoose },
        { "insertAll",
          "chooses a jurisdiction and presses Insert whole assessment: returns the status shown",
          { kDocument, { "Start", "the jurisdiction list's row" } },
          insertAll },
        { "glossary",
          "the Glossary panel after a search and a choice (or following the cursor), as JSON: "
          "term, details, listed",
          { kDocument,
            { "Query", "text typed into the search box (none: no search)" },
            { "Block", "the listed row to choose (none or -1: follow the cursor)" } },
          glossary },
        { "reviewState", "the Review panel's state (text)", { kDocument }, reviewState },
        { "disproportionality",
          "the calculator after the given choices, as JSON: comparators, results, status, "
          "can_insert",
          { kDocument,
            { "Query", "the figures typed in: one line per group (name, number, baseline)" },
            { "Comparator", "the group compared with (\"\": automatic)" },
            { "Measure", "ratio, rate or representation" },
            { "Outcome", "the decision point's name" },
            { "Insert", "true: press Insert into document" } },
          disproportionality },
        { "lastReport",
          "the report JSON of the latest result without checking again (\"\" before the first "
          "check)",
          { kDocument },
          lastReport },
        { "backgroundCheck",
          "starts a check as the panel does after typing; returns checkState's JSON",
          { kDocument,
            { "Query", "\"edits\": read only what was edited (as after a pause in typing); else "
                       "the whole document" } },
          backgroundCheck },
        { "checkState",
          "how far the latest check has got and its timings, as JSON (for the benchmarks)",
          { kDocument },
          checkState },
        { "options",
          "Tools > Options > Due Regard > Checking without the dialog: each control's value and "
          "whether it is "
          "enabled, and what was refused, as JSON",
          { kDocument,
            { "Query", "JSON of controls to type into: {\"txtReviewer\": \"A. Reviewer\", "
                       "\"chkAutoCheck\": 0}" },
            { "Insert", "true: press OK (save)" } },
          options },
    };
    return table;
}
// l10n: }

uno::Any help(const Arguments&, const Reference<uno::XComponentContext>&)
{
    nlohmann::json list = nlohmann::json::array();
    for (const Command& c : commands())
    {
        nlohmann::json parameters = nlohmann::json::array();
        for (const Parameter& p : c.parameters)
            parameters.push_back({ { "name", p.name },
                                   { "type", typeName(argumentType(p.name).type) },
                                   { "meaning", p.meaning } });
        list.push_back(
            { { "command", c.name }, { "does", c.does }, { "arguments", std::move(parameters) } });
    }
    return jsonAny(list);
}

std::string commandNames()
{
    std::string names;
    for (const Command& c : commands())
        names += (names.empty() ? "" : ", ") + std::string(c.name);
    return names;
}

// readArguments finds the command and reads its arguments, refusing an unknown command, an
// argument that no command takes and a value of the wrong type.
std::pair<const Command*, Arguments>
readArguments(const uno::Sequence<beans::NamedValue>& arguments)
{
    rtl::OUString name;
    for (const beans::NamedValue& v : arguments)
        if (v.Name == "Command")
            v.Value >>= name;
    const std::string command = toUtf8(name);
    const auto found = std::find_if(commands().begin(), commands().end(),
                                    [&](const Command& c) { return c.name == command; });
    if (found == commands().end())
        refuse(uiText("automation.unknown_command",
                      { { "command", command }, { "commands", commandNames() } }));
    Arguments a;
    a.command = found->name;
    for (const beans::NamedValue& v : arguments)
    {
        const std::string argument = toUtf8(v.Name);
        if (argument == "Command")
            continue;
        const auto p = std::find_if(found->parameters.begin(), found->parameters.end(),
                                    [&](const Parameter& q) { return q.name == argument; });
        if (p == found->parameters.end())
        {
            // An argument that another command takes is ignored here, as it always was: macros
            // that pass one set of arguments to several commands keep working. A name that no
            // command takes is a mistake (a misspelling), and is refused by name.
            const auto& types = argumentTypes();
            if (std::any_of(types.begin(), types.end(),
                            [&](const ArgumentType& t) { return t.name == argument; }))
                continue;
            std::string takes;
            for (const Parameter& q : found->parameters)
                takes += (takes.empty() ? "" : ", ") + std::string(q.name);
            refuseArgument(a, argument,
                           takes.empty() ? uiText("automation.takes_none")
                                         : uiText("automation.takes", { { "arguments", takes } }));
        }
        const ArgumentType& type = argumentType(p->name);
        if (!type.read(a, v.Value))
            refuseArgument(a, argument,
                           uiText("automation.wrong_type",
                                  { { "type", typeInWords(type.type) },
                                    { "given", toUtf8(v.Value.getValueTypeName()) } }));
    }
    return { &*found, std::move(a) };
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
        const std::string reason = l10n::describe(e, uiLanguage());
        noteFailure("failure.service_call", reason);
        throw uno::RuntimeException(fromUtf8(uiText("automation.failed", { { "reason", reason } })),
                                    static_cast<cppu::OWeakObject*>(this));
    }
}

uno::Any DocumentService::run(const uno::Sequence<beans::NamedValue>& arguments)
{
    const auto [command, a] = readArguments(arguments);
    return command->run(a, m_context);
}

rtl::OUString DocumentService::implementationName()
{
    return ascii(kImplDocumentService);
}
uno::Sequence<rtl::OUString> DocumentService::serviceNames()
{
    const rtl::OUString name = ascii(kServiceDocumentService);
    return uno::Sequence<rtl::OUString>(&name, 1);
}
rtl::OUString SAL_CALL DocumentService::getImplementationName()
{
    return implementationName();
}
sal_Bool SAL_CALL DocumentService::supportsService(const rtl::OUString& name)
{
    return name == serviceNames()[0];
}
uno::Sequence<rtl::OUString> SAL_CALL DocumentService::getSupportedServiceNames()
{
    return serviceNames();
}
} // namespace dueregard::ext
