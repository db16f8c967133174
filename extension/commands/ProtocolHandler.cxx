#include "commands/ProtocolHandler.hxx"

#include "UnoStrings.hxx"
#include "app/About.hxx"
#include "app/ErrorReport.hxx"
#include "app/Failures.hxx"
#include "app/ImplNames.hxx"
#include "app/Language.hxx"
#include "app/Settings.hxx"
#include "commands/CommandUrl.hxx"
#include "document/Disproportionality.hxx"
#include "document/DocumentChecker.hxx"
#include "document/GlossaryMarker.hxx"
#include "document/Reviewer.hxx"
#include "document/SectionInserter.hxx"
#include "sidebar/Sidebar.hxx"

#include "l10n/Error.hpp"

#include <com/sun/star/frame/DispatchResultState.hpp>
#include <com/sun/star/frame/FeatureStateEvent.hpp>
#include <com/sun/star/frame/XDispatchResultListener.hpp>
#include <com/sun/star/frame/XStatusListener.hpp>
#include <com/sun/star/lang/WrappedTargetRuntimeException.hpp>

#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <osl/file.hxx>

#include <array>
#include <fstream>
#include <functional>
#include <optional>
#include <string_view>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY;

namespace dueregard::ext
{
namespace
{
using Handler = std::function<bool(const Reference<uno::XComponentContext>&,
                                   const Reference<frame::XFrame>&, const CommandUrl&)>;

struct Command
{
    std::string_view name;
    Handler run;
};

// The product's commands. The README lists them; tests/integration/test_commands.py runs each.
Reference<css::text::XTextDocument> documentOf(const Reference<frame::XFrame>& frame)
{
    Reference<frame::XController> controller = frame.is() ? frame->getController() : nullptr;
    Reference<css::text::XTextDocument> document(controller.is() ? controller->getModel() : nullptr, UNO_QUERY);
    if (!document.is())
        throw lang::IllegalArgumentException(ui("command.no_document"), {}, 0);
    return document;
}

// Check[?pending=accepted|rejected]: a full check now, reading pending tracked changes as if
// accepted (the default) or rejected from now on; the panels showing the document follow the
// checker's new result.
bool runCheck(const Reference<uno::XComponentContext>& context, const Reference<frame::XFrame>& frame, const CommandUrl& command)
{
    const Reference<css::text::XTextDocument> document = documentOf(frame);
    const std::shared_ptr<DocumentChecker> checker = DocumentChecker::forDocument(document);
    if (const auto it = command.parameters.find("pending"); it != command.parameters.end())
    {
        if (it->second != "accepted" && it->second != "rejected")
            throw lang::IllegalArgumentException(ui("command.check.pending"), {}, 0);
        checker->readPendingAs(it->second == "accepted" ? PendingChanges::AsAccepted : PendingChanges::AsRejected);
    }
    checker->check();
    checker->noteCheck(engine::kViaCheck, recordedName(context));
    return true;
}

// ExportReport?path=<file URL>: the document's report in the command line's JSON form.
bool exportReport(const Reference<uno::XComponentContext>& context, const Reference<frame::XFrame>& frame, const CommandUrl& command)
{
    const auto it = command.parameters.find("path");
    if (it == command.parameters.end() || it->second.empty())
        throw lang::IllegalArgumentException(ui("command.export.path_needed"), {}, 0);
    rtl::OUString path;
    if (it->second.rfind("file:///", 0) != 0
        || osl::FileBase::getSystemPathFromFileURL(fromUtf8(it->second), path) != osl::FileBase::E_None)
        throw lang::IllegalArgumentException(ui("command.export.path_url"), {}, 0);
    const std::shared_ptr<DocumentChecker> checker = DocumentChecker::forDocument(documentOf(frame));
    checker->check();
    checker->noteCheck(engine::kViaExport, recordedName(context));
    std::ofstream out(toUtf8(path), std::ios::binary | std::ios::trunc);
    out << checker->reportJson() << '\n';
    out.close();
    if (!out)
        throw lang::IllegalArgumentException(
            ui("command.export.not_written", { { "path", toUtf8(path) } }), {}, 0);
    return true;
}

std::size_t indexParameter(const CommandUrl& command)
{
    const auto it = command.parameters.find("index");
    if (it == command.parameters.end() || it->second.empty()
        || it->second.find_first_not_of("0123456789") != std::string::npos || it->second.size() > 6)
        throw lang::IllegalArgumentException(ui("command.index_needed"), {}, 0);
    return static_cast<std::size_t>(std::stoul(it->second));
}

// Dismiss?index=N[&reason=...]: sets open prompt N aside, asking for the reason if none is given.
bool dismissPrompt(const Reference<uno::XComponentContext>& context, const Reference<frame::XFrame>& frame,
                   const CommandUrl& command)
{
    const Reference<css::text::XTextDocument> document = documentOf(frame);
    const std::shared_ptr<DocumentChecker> checker = DocumentChecker::forDocument(document);
    const std::size_t index = indexParameter(command);
    std::string reason;
    if (const auto it = command.parameters.find("reason"); it != command.parameters.end())
        reason = it->second;
    else
    {
        if (!checker->lastResult())
            checker->check();
        if (index >= checker->lastResult()->findings.size())
            throw lang::IllegalArgumentException(ui("prompt.no_open"), {}, 0);
        reason = toUtf8(askDismissReason(context, frame, fromUtf8(checker->lastResult()->findings[index].message)));
        if (reason.empty())
            return false; // cancelled
    }
    checker->dismiss(index, reason, recordedName(context));
    return true;
}

// Restore?index=N[&reason=...]: brings dismissed prompt N back (the audit trail keeps the reason).
bool restorePrompt(const Reference<uno::XComponentContext>& context, const Reference<frame::XFrame>& frame,
                   const CommandUrl& command)
{
    const auto reason = command.parameters.find("reason");
    DocumentChecker::forDocument(documentOf(frame))
        ->restore(indexParameter(command), reason == command.parameters.end() ? std::string() : reason->second, recordedName(context));
    return true;
}

std::optional<std::string> parameter(const CommandUrl& command, const char* name)
{
    const auto it = command.parameters.find(name);
    if (it == command.parameters.end() || it->second.empty())
        return std::nullopt;
    return it->second;
}

// InsertSection?id=<section id>[&at=auto|cursor][&jurisdiction=england|wales|scotland|ni]
bool insertSectionCommand(const Reference<frame::XFrame>& frame, const CommandUrl& command)
{
    const Reference<css::text::XTextDocument> document = documentOf(frame);
    const std::optional<std::string> id = parameter(command, "id");
    if (!id)
        throw lang::IllegalArgumentException(ui("command.insert_section.id_needed"), {}, 0);
    const std::string at = parameter(command, "at").value_or("auto");
    if (at != "auto" && at != "cursor")
        throw lang::IllegalArgumentException(ui("command.insert_section.at"), {}, 0);
    insertSection(document, *id, at == "cursor" ? InsertAt::Cursor : InsertAt::Auto, parameter(command, "jurisdiction"));
    return true;
}

// InsertSkeleton[?jurisdiction=england|wales|scotland|ni]
bool insertSkeletonCommand(const Reference<frame::XFrame>& frame, const CommandUrl& command)
{
    const Reference<css::text::XTextDocument> document = documentOf(frame);
    insertSkeleton(document, parameter(command, "jurisdiction"));
    return true;
}

// MarkGlossary[?every=true]: the first occurrence of each term, or every one.
bool markGlossaryCommand(const Reference<uno::XComponentContext>& context, const Reference<frame::XFrame>& frame,
                         const CommandUrl& command)
{
    const Reference<css::text::XTextDocument> document = documentOf(frame);
    const std::string every = parameter(command, "every").value_or(readSettings(context).markEveryOccurrence ? "true" : "false");
    if (every != "true" && every != "false")
        throw lang::IllegalArgumentException(ui("command.mark_glossary.every"), {}, 0);
    markGlossary(document, every == "true");
    return true;
}

bool removeGlossaryCommand(const Reference<frame::XFrame>& frame)
{
    const Reference<css::text::XTextDocument> document = documentOf(frame);
    removeGlossaryMarks(document);
    return true;
}

// InsertDefinition?id=<term id>: the term's definition as a footnote at the cursor.
bool insertDefinitionCommand(const Reference<frame::XFrame>& frame, const CommandUrl& command)
{
    const std::optional<std::string> id = parameter(command, "id");
    if (!id)
        throw lang::IllegalArgumentException(ui("command.insert_definition.id_needed"), {}, 0);
    insertDefinition(documentOf(frame), *id);
    return true;
}

// ReviewAsComments[?answered=resolve|remove]: open prompts as comments by the reviewer.
bool reviewCommand(const Reference<uno::XComponentContext>& context, const Reference<frame::XFrame>& frame,
                   const CommandUrl& command)
{
    const std::string answered = parameter(command, "answered").value_or(readSettings(context).removeAnsweredComments ? "remove" : "resolve");
    if (answered != "resolve" && answered != "remove")
        throw lang::IllegalArgumentException(ui("command.review.answered"), {}, 0);
    const Reference<css::text::XTextDocument> document = documentOf(frame);
    reviewAsComments(document, reviewerFor(context), answered == "remove");
    DocumentChecker::forDocument(document)->recordCheck(engine::kViaComments, recordedName(context));
    return true;
}

// ProposeSections: the missing sections as tracked insertions by the reviewer.
bool proposeCommand(const Reference<uno::XComponentContext>& context, const Reference<frame::XFrame>& frame)
{
    const Reference<css::text::XTextDocument> document = documentOf(frame);
    proposeSections(document, reviewerFor(context).name);
    DocumentChecker::forDocument(document)->recordCheck(engine::kViaSections, recordedName(context));
    return true;
}

// InsertDisproportionality?csv=<file URL>[&comparator=<group>][&measure=ratio|rate|representation]
// [&outcome=<decision point>]: the calculator's table, sentences and note at the cursor.
bool insertDisproportionalityCommand(const Reference<frame::XFrame>& frame, const CommandUrl& command)
{
    const std::optional<std::string> csv = parameter(command, "csv");
    if (!csv)
        throw lang::IllegalArgumentException(ui("command.disproportionality.csv_needed"), {}, 0);
    const std::string measureId = parameter(command, "measure").value_or("ratio");
    const std::optional<stats::Measure> measure = stats::parseMeasure(measureId);
    if (!measure)
        throw lang::IllegalArgumentException(ui("command.disproportionality.measure"), {}, 0);
    const Reference<css::text::XTextDocument> document = documentOf(frame);
    insertDisproportionality(document, readFiguresFile(fromUtf8(*csv)), parameter(command, "comparator").value_or(""), *measure,
                             parameter(command, "outcome").value_or(""));
    return true;
}

const std::array<Command, 15>& commands()
{
    static const std::array<Command, 15> table{ {
        { "ShowDeck", [](const auto&, const auto& frame, const auto& command) {
              return showDeck(frame, parameter(command, "panel").value_or(""));
          } },
        { "About", [](const auto& context, const auto& frame, const auto&) { return showAbout(context, frame); } },
        { "Check", [](const auto& context, const auto& frame, const auto& command) { return runCheck(context, frame, command); } },
        { "ExportReport", [](const auto& context, const auto& frame, const auto& command) { return exportReport(context, frame, command); } },
        { "Dismiss", [](const auto& context, const auto& frame, const auto& command) { return dismissPrompt(context, frame, command); } },
        { "Restore", [](const auto& context, const auto& frame, const auto& command) { return restorePrompt(context, frame, command); } },
        { "InsertSection", [](const auto&, const auto& frame, const auto& command) { return insertSectionCommand(frame, command); } },
        { "InsertSkeleton", [](const auto&, const auto& frame, const auto& command) { return insertSkeletonCommand(frame, command); } },
        { "MarkGlossary", [](const auto& context, const auto& frame, const auto& command) { return markGlossaryCommand(context, frame, command); } },
        { "RemoveGlossaryMarks", [](const auto&, const auto& frame, const auto&) { return removeGlossaryCommand(frame); } },
        { "InsertDefinition", [](const auto&, const auto& frame, const auto& command) { return insertDefinitionCommand(frame, command); } },
        { "ReviewAsComments", [](const auto& context, const auto& frame, const auto& command) { return reviewCommand(context, frame, command); } },
        { "ProposeSections", [](const auto& context, const auto& frame, const auto&) { return proposeCommand(context, frame); } },
        { "InsertDisproportionality", [](const auto&, const auto& frame, const auto& command) {
              return insertDisproportionalityCommand(frame, command);
          } },
        { "RemoveComments", [](const auto&, const auto& frame, const auto&) {
              removeOurComments(documentOf(frame));
              return true;
          } },
    } };
    return table;
}

// describe gives an exception's message, with the wrapped cause's where the office wraps one.
rtl::OUString describe(const uno::Exception& e) { return e.Message; }
rtl::OUString describe(const lang::WrappedTargetRuntimeException& e)
{
    uno::Exception inner;
    if (!(e.TargetException >>= inner) || inner.Message.isEmpty())
        return e.Message;
    return e.Message.isEmpty() ? inner.Message : e.Message + ": " + inner.Message;
}

const Command* find(const std::string& name)
{
    for (const Command& c : commands())
        if (c.name == name)
            return &c;
    return nullptr;
}
} // namespace

ProtocolHandler::ProtocolHandler(const Reference<uno::XComponentContext>& context)
    : m_context(context)
{
}

bool ProtocolHandler::isKnownCommand(const std::string& name) { return find(name) != nullptr; }

void SAL_CALL ProtocolHandler::initialize(const uno::Sequence<uno::Any>& arguments)
{
    if (arguments.hasElements())
        arguments[0] >>= m_frame;
}

Reference<frame::XDispatch> SAL_CALL ProtocolHandler::queryDispatch(const util::URL& url,
                                                                     const rtl::OUString&, sal_Int32)
{
    const auto command = CommandUrl::parse(toUtf8(url.Complete), kProtocol);
    if (command && isKnownCommand(command->name))
        return this;
    return {};
}

uno::Sequence<Reference<frame::XDispatch>> SAL_CALL
ProtocolHandler::queryDispatches(const uno::Sequence<frame::DispatchDescriptor>& requests)
{
    uno::Sequence<Reference<frame::XDispatch>> result(requests.getLength());
    auto* out = result.getArray();
    for (sal_Int32 i = 0; i < requests.getLength(); ++i)
        out[i] = queryDispatch(requests[i].FeatureURL, requests[i].FrameName, requests[i].SearchFlags);
    return result;
}

bool ProtocolHandler::run(const util::URL& url)
{
    const auto command = CommandUrl::parse(toUtf8(url.Complete), kProtocol);
    const Command* c = command ? find(command->name) : nullptr;
    if (!c)
        return false;
    try
    {
        // The checker's result may change several times as a command edits (each section of a
        // skeleton is placed among what is there): the panels follow once, at the end.
        const DocumentChecker::HoldNotifications hold;
        return c->run(m_context, m_frame, *command);
    }
    catch (const lang::WrappedTargetRuntimeException& e)
    {
        reportError(m_context, m_frame,
                    ui("command.failed",
                       { { "command", toUtf8(url.Complete) }, { "reason", toUtf8(describe(e)) } }));
        return false;
    }
    catch (const uno::Exception& e)
    {
        // A command must never take Writer down: say what went wrong and carry on. Macros also
        // learn of the failure through dispatchWithNotification.
        reportError(m_context, m_frame,
                    ui("command.failed",
                       { { "command", toUtf8(url.Complete) }, { "reason", toUtf8(describe(e)) } }));
        return false;
    }
    catch (const std::exception& e)
    {
        // A fault of our own (not a refusal): the same message, and noted for the panel.
        noteFailure(toUtf8(url.Complete), std::current_exception());
        reportError(
            m_context, m_frame,
            ui("command.failed.unchanged", { { "command", toUtf8(url.Complete) },
                                             { "reason", l10n::describe(e, uiLanguage()) } }));
        return false;
    }
}

void SAL_CALL ProtocolHandler::dispatch(const util::URL& url, const uno::Sequence<beans::PropertyValue>&)
{
    run(url);
}

void SAL_CALL ProtocolHandler::dispatchWithNotification(
    const util::URL& url, const uno::Sequence<beans::PropertyValue>&,
    const Reference<frame::XDispatchResultListener>& listener)
{
    const bool ok = run(url);
    if (listener.is())
    {
        frame::DispatchResultEvent event;
        event.Source = static_cast<cppu::OWeakObject*>(this);
        event.State = ok ? frame::DispatchResultState::SUCCESS : frame::DispatchResultState::FAILURE;
        event.Result <<= ok;
        listener->dispatchFinished(event);
    }
}

void SAL_CALL ProtocolHandler::addStatusListener(const Reference<frame::XStatusListener>& listener,
                                                 const util::URL& url)
{
    // Every command is available in a Writer frame; tell the menu so it enables the item.
    if (!listener.is())
        return;
    frame::FeatureStateEvent event;
    event.Source = static_cast<cppu::OWeakObject*>(this);
    event.FeatureURL = url;
    event.IsEnabled = true;
    event.Requery = false;
    listener->statusChanged(event);
}

void SAL_CALL ProtocolHandler::removeStatusListener(const Reference<frame::XStatusListener>&,
                                                    const util::URL&)
{
}

rtl::OUString ProtocolHandler::implementationName() { return ascii(kImplProtocolHandler); }
uno::Sequence<rtl::OUString> ProtocolHandler::serviceNames()
{
    const rtl::OUString name = ascii("com.sun.star.frame.ProtocolHandler");
    return uno::Sequence<rtl::OUString>(&name, 1);
}
rtl::OUString SAL_CALL ProtocolHandler::getImplementationName() { return implementationName(); }
sal_Bool SAL_CALL ProtocolHandler::supportsService(const rtl::OUString& name)
{
    return name == serviceNames()[0];
}
uno::Sequence<rtl::OUString> SAL_CALL ProtocolHandler::getSupportedServiceNames() { return serviceNames(); }
} // namespace dueregard::ext
