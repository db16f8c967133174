#pragma once
// MenuController fills the two Due Regard submenus when they are opened: Tools > Due Regard
// (vnd.dueregard:Menu) and Insert > Due Regard Section (vnd.dueregard:InsertMenu). Both are
// registered as pop-up menu controllers for Writer (Controller.xcu), so LibreOffice reads no
// menu entries of ours at start and loads our library only when one of the menus is opened.
//
// The Insert submenu lists the sections of the templates in use (built-in and the
// organisation's), for the document's jurisdiction as last checked, else the default the settings
// give, else every section with the nations it belongs to. Entries that edit the document are
// disabled while it is read-only. Every entry runs a vnd.dueregard: command, as macros do.

#include <com/sun/star/awt/XMenuListener.hpp>
#include <com/sun/star/awt/XPopupMenu.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XPopupMenuController.hpp>
#include <com/sun/star/frame/XStatusListener.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XInitialization.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase6.hxx>

#include <string>
#include <vector>

namespace dueregard::ext
{
struct MenuEntry
{
    std::string label;   // with ~ before the mnemonic, if it has its own
    std::string command; // after the vnd.dueregard: scheme; empty for a separator
    bool edits = false;  // disabled while the document is read-only
};

class MenuController
    : public cppu::WeakImplHelper6<css::frame::XPopupMenuController, css::lang::XInitialization,
                                   css::frame::XStatusListener, css::awt::XMenuListener, css::lang::XComponent,
                                   css::lang::XServiceInfo>
{
public:
    explicit MenuController(const css::uno::Reference<css::uno::XComponentContext>& context);

    // XInitialization: the pop-up menu controller factory passes Frame and CommandURL.
    void SAL_CALL initialize(const css::uno::Sequence<css::uno::Any>& arguments) override;
    // XPopupMenuController
    void SAL_CALL setPopupMenu(const css::uno::Reference<css::awt::XPopupMenu>& menu) override;
    void SAL_CALL updatePopupMenu() override;
    // XMenuListener
    void SAL_CALL itemHighlighted(const css::awt::MenuEvent& event) override;
    void SAL_CALL itemSelected(const css::awt::MenuEvent& event) override;
    void SAL_CALL itemActivated(const css::awt::MenuEvent& event) override;
    void SAL_CALL itemDeactivated(const css::awt::MenuEvent& event) override;
    // XStatusListener (the service asks for it; the entries need no status from the office)
    void SAL_CALL statusChanged(const css::frame::FeatureStateEvent& event) override;
    void SAL_CALL disposing(const css::lang::EventObject& event) override;
    // XComponent: the menu bar disposes its controllers with the menu.
    void SAL_CALL dispose() override;
    void SAL_CALL addEventListener(const css::uno::Reference<css::lang::XEventListener>& listener) override;
    void SAL_CALL removeEventListener(const css::uno::Reference<css::lang::XEventListener>& listener) override;
    // XServiceInfo
    rtl::OUString SAL_CALL getImplementationName() override;
    sal_Bool SAL_CALL supportsService(const rtl::OUString& name) override;
    css::uno::Sequence<rtl::OUString> SAL_CALL getSupportedServiceNames() override;

    static rtl::OUString implementationName();
    static css::uno::Sequence<rtl::OUString> serviceNames();

private:
    // opening: the submenu itself is being opened (not just set up by the menu bar).
    std::vector<MenuEntry> entries(bool opening) const;
    void fill(bool opening);

    css::uno::Reference<css::uno::XComponentContext> m_context;
    css::uno::Reference<css::frame::XFrame> m_frame;
    css::uno::Reference<css::awt::XPopupMenu> m_menu;
    std::vector<css::uno::Reference<css::lang::XEventListener>> m_listeners;
    std::string m_command; // "Menu" or "InsertMenu"
    std::vector<std::string> m_shown; // the command of each item shown, by item id - 1
    bool m_disposed = false;
};
} // namespace dueregard::ext
