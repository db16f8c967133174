#include "commands/MenuController.hxx"

#include "UnoStrings.hxx"
#include "app/ImplNames.hxx"
#include "app/Language.hxx"
#include "app/Profile.hxx"
#include "commands/Dispatch.hxx"
#include "document/DocumentChecker.hxx"
#include "document/EditStep.hxx"
#include "engine/Jurisdictions.hpp"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <cppuhelper/supportsservice.hxx>

#include <algorithm>
#include <set>
#include <utility>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY;

namespace dueregard::ext
{
namespace
{
const MenuEntry kSeparator{};

// Each entry's mnemonic is its own within the submenu, in every language (l10n's "menu.*").
std::vector<MenuEntry> toolsEntries()
{
    return {
        { uiText("menu.show_sidebar"), "ShowDeck", false },
        { uiText("menu.check_now"), "Check", false },
        kSeparator,
        { uiText("menu.mark_glossary"), "MarkGlossary", true },
        { uiText("menu.remove_glossary"), "RemoveGlossaryMarks", true },
        kSeparator,
        { uiText("menu.add_comments"), "ReviewAsComments", true },
        { uiText("menu.propose_sections"), "ProposeSections", true },
        { uiText("menu.remove_comments"), "RemoveComments", true },
        kSeparator,
        { uiText("menu.about"), "About", false },
    };
}

// A template's title as a menu label: a ~ in it would otherwise mark a mnemonic.
std::string label(std::string title)
{
    std::erase(title, '~');
    return title;
}

// The Insert submenu: the whole assessment, then each section (not the sections for a single
// characteristic, which the sidebar's Insert and Characteristics panels offer).
std::vector<MenuEntry> insertEntries(const engine::Templates& templates, const std::string& jurisdiction)
{
    std::vector<MenuEntry> out{ { uiText("menu.whole_assessment"), "InsertSkeleton", true },
                                kSeparator };
    // With no jurisdiction known, every section, each marked with the nations it belongs to
    // unless it belongs to all four.
    std::vector<std::set<std::string>> perNation;
    if (jurisdiction.empty())
        for (const engine::Jurisdiction& nation : engine::jurisdictions())
        {
            std::set<std::string> ids;
            for (const engine::SectionInfo& s : templates.sections(std::string(nation.id)))
                ids.insert(s.id);
            perNation.push_back(std::move(ids));
        }
    for (const engine::SectionInfo& s : templates.sections(jurisdiction))
    {
        if (!s.group.empty())
            continue;
        std::string text = label(s.title);
        std::string nations;
        for (std::size_t i = 0; i < perNation.size(); ++i)
            if (perNation[i].count(s.id))
                nations += (nations.empty() ? "" : ", ") + uiNation(engine::jurisdictions()[i].id);
        if (!perNation.empty() && std::any_of(perNation.begin(), perNation.end(),
                                              [&s](const std::set<std::string>& ids) { return !ids.count(s.id); }))
            text += " (" + nations + ")";
        out.push_back({ text, "InsertSection?id=" + s.id + "&at=cursor", true });
    }
    return out;
}
} // namespace

MenuController::MenuController(const Reference<uno::XComponentContext>& context)
    : m_context(context)
{
}

void MenuController::initialize(const uno::Sequence<uno::Any>& arguments)
{
    for (const uno::Any& argument : arguments)
    {
        beans::PropertyValue value;
        if (!(argument >>= value))
            continue;
        if (value.Name == "Frame")
            value.Value >>= m_frame;
        else if (value.Name == "CommandURL")
        {
            rtl::OUString url;
            value.Value >>= url;
            const std::string full = toUtf8(url);
            const std::string scheme = kProtocol;
            m_command = full.rfind(scheme, 0) == 0 ? full.substr(scheme.size()) : full;
        }
    }
}

std::vector<MenuEntry> MenuController::entries(bool opening) const
{
    if (m_command == "Menu")
        return toolsEntries();
    if (m_command != "InsertMenu")
        return {};
    const Reference<frame::XController> controller = m_frame.is() ? m_frame->getController() : nullptr;
    const Reference<css::text::XTextDocument> document(controller.is() ? controller->getModel() : nullptr, UNO_QUERY);
    if (!document.is())
        return {};
    // The checker the commands use: the templates in effect, and the document's jurisdiction as
    // last checked. Making one builds the engine, so that waits until the submenu itself opens:
    // the menu bar sets up controllers when its parent menu opens, and, with assistive
    // technology support on, when the window is made.
    const std::shared_ptr<DocumentChecker> checker =
        opening ? DocumentChecker::forDocument(document) : DocumentChecker::existingFor(document);
    if (!checker)
        return { { uiText("menu.whole_assessment"), "InsertSkeleton", true } };
    std::string jurisdiction = checker->lastResult() ? checker->lastResult()->assessment.jurisdiction
                                                     : currentProfile()->settings.defaultJurisdiction;
    return insertEntries(checker->engine().templates(), jurisdiction);
}

void MenuController::fill(bool opening)
{
    if (!m_menu.is() || m_disposed)
        return;
    const Reference<frame::XController> controller = m_frame.is() ? m_frame->getController() : nullptr;
    const bool readOnly = controller.is() && isReadOnly(controller->getModel());
    m_menu->clear();
    m_shown.clear();
    for (const MenuEntry& entry : entries(opening))
    {
        const auto position = m_menu->getItemCount();
        if (entry.command.empty())
        {
            m_menu->insertSeparator(position);
            continue;
        }
        m_shown.push_back(entry.command);
        const auto id = static_cast<sal_Int16>(m_shown.size());
        m_menu->insertItem(id, fromUtf8(entry.label), 0, position);
        m_menu->setCommand(id, commandUrl(entry.command));
        m_menu->enableItem(id, !(entry.edits && readOnly));
    }
}

void MenuController::setPopupMenu(const Reference<awt::XPopupMenu>& menu)
{
    if (m_menu.is())
        m_menu->removeMenuListener(this);
    m_menu = menu;
    if (m_menu.is())
        m_menu->addMenuListener(this);
    // Filled now: the menu bar disables a submenu that is empty when it first looks.
    fill(false);
}

void MenuController::updatePopupMenu() { fill(false); }

void MenuController::itemHighlighted(const awt::MenuEvent&) {}

void MenuController::itemActivated(const awt::MenuEvent&) { fill(true); }

void MenuController::itemDeactivated(const awt::MenuEvent&) {}

void MenuController::itemSelected(const awt::MenuEvent& event)
{
    if (event.MenuId < 1 || static_cast<std::size_t>(event.MenuId) > m_shown.size() || !m_frame.is())
        return;
    // The command reports its own failures to the user (the protocol handler's message).
    try
    {
        dispatchCommand(m_context, m_frame, m_shown[static_cast<std::size_t>(event.MenuId) - 1]);
    }
    catch (const uno::Exception&)
    {
        // The frame closed while the menu was open: nothing to run the command in.
    }
}

void MenuController::statusChanged(const frame::FeatureStateEvent&) {}

void MenuController::disposing(const lang::EventObject& event)
{
    if (event.Source == m_frame)
        m_frame.clear();
    if (event.Source == m_menu)
        m_menu.clear();
}

void MenuController::dispose()
{
    if (m_disposed)
        return;
    m_disposed = true;
    if (m_menu.is())
        m_menu->removeMenuListener(this);
    m_menu.clear();
    m_frame.clear();
    const lang::EventObject event(static_cast<cppu::OWeakObject*>(this));
    for (const Reference<lang::XEventListener>& listener : std::exchange(m_listeners, {}))
        listener->disposing(event);
}

void MenuController::addEventListener(const Reference<lang::XEventListener>& listener)
{
    if (listener.is() && !m_disposed)
        m_listeners.push_back(listener);
}

void MenuController::removeEventListener(const Reference<lang::XEventListener>& listener)
{
    std::erase(m_listeners, listener);
}

rtl::OUString MenuController::getImplementationName() { return implementationName(); }

sal_Bool MenuController::supportsService(const rtl::OUString& name) { return cppu::supportsService(this, name); }

uno::Sequence<rtl::OUString> MenuController::getSupportedServiceNames() { return serviceNames(); }

rtl::OUString MenuController::implementationName() { return ascii(kImplMenuController); }

uno::Sequence<rtl::OUString> MenuController::serviceNames()
{
    const rtl::OUString name = ascii("com.sun.star.frame.PopupMenuController");
    return uno::Sequence<rtl::OUString>(&name, 1);
}
} // namespace dueregard::ext
