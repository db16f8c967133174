#include "sidebar/SidebarPanel.hxx"

#include "document/DocumentChecker.hxx"

#include <com/sun/star/accessibility/XAccessible.hpp>
#include <com/sun/star/awt/PosSize.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/ui/UIElementType.hpp>

#include <algorithm>
#include <mutex>
#include <set>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace dueregard::ext
{
namespace
{
// The live panels. Touched on the main thread only; the mutex guards against surprises.
std::mutex g_mutex;
std::set<SidebarPanel*> g_panels;
} // namespace

SidebarPanel::SidebarPanel(const Reference<uno::XComponentContext>& context, const Reference<frame::XFrame>& frame,
                           const Reference<awt::XWindow>& parentWindow, const Reference<ui::XSidebar>& sidebar,
                           const rtl::OUString& resourceUrl)
    : WeakComponentImplHelper3(m_aMutex)
    , m_context(context)
    , m_frame(frame)
    , m_parentWindow(parentWindow)
    , m_sidebar(sidebar)
    , m_resourceUrl(resourceUrl)
{
    if (m_frame.is() && m_frame->getController().is())
        m_model = m_frame->getController()->getModel();
}

std::vector<SidebarPanel*> SidebarPanel::live()
{
    std::lock_guard lock(g_mutex);
    return std::vector<SidebarPanel*>(g_panels.begin(), g_panels.end());
}

void SidebarPanel::open() { m_panel.create(m_context, m_parentWindow); }

void SidebarPanel::attach()
{
    m_resizeListener = new ResizeForwarder([this] { layout(); });
    m_panel.window()->addWindowListener(m_resizeListener);
    m_panel.window()->setVisible(true);
    {
        std::lock_guard lock(g_mutex);
        g_panels.insert(this);
    }
    layout();
}

void SidebarPanel::followResults()
{
    const css::uno::Reference<css::text::XTextDocument> document(m_model, UNO_QUERY);
    if (!document.is() || m_subscription != 0)
        return;
    const std::shared_ptr<DocumentChecker> checker = DocumentChecker::forDocument(document);
    const uno::WeakReference<ui::XUIElement> weakSelf(static_cast<ui::XUIElement*>(this));
    m_subscription = checker->onResultChanged(whenAlive<SidebarPanel>(weakSelf, [](SidebarPanel& panel) {
        if (!panel.rBHelper.bDisposed && !panel.rBHelper.bInDispose)
            panel.resultChanged();
    }));
    m_checker = checker;
}

void SidebarPanel::finishLayout(sal_Int32 height)
{
    if (height == m_preferredHeight)
        return;
    m_preferredHeight = height;
    if (m_sidebar.is())
        m_sidebar->requestLayout();
}

void SAL_CALL SidebarPanel::disposing()
{
    {
        std::lock_guard lock(g_mutex);
        g_panels.erase(this);
    }
    if (const std::shared_ptr<DocumentChecker> checker = m_checker.lock())
        checker->removeResultListener(m_subscription);
    m_checker.reset();
    try
    {
        clearControls();
        if (m_panel.window().is() && m_resizeListener.is())
            m_panel.window()->removeWindowListener(m_resizeListener);
        m_panel.dispose();
    }
    catch (const uno::Exception&)
    {
        // The view or window went first: nothing left to detach from.
    }
    m_model.clear();
    m_frame.clear();
}

Reference<frame::XFrame> SAL_CALL SidebarPanel::getFrame() { return m_frame; }
rtl::OUString SAL_CALL SidebarPanel::getResourceURL() { return m_resourceUrl; }
sal_Int16 SAL_CALL SidebarPanel::getType() { return ui::UIElementType::TOOLPANEL; }
Reference<uno::XInterface> SAL_CALL SidebarPanel::getRealInterface() { return static_cast<ui::XToolPanel*>(this); }
Reference<awt::XWindow> SAL_CALL SidebarPanel::getWindow() { return m_panel.window(); }
Reference<accessibility::XAccessible> SAL_CALL SidebarPanel::createAccessible(const Reference<accessibility::XAccessible>&)
{
    return Reference<accessibility::XAccessible>(m_panel.window(), UNO_QUERY);
}
ui::LayoutSize SAL_CALL SidebarPanel::getHeightForWidth(sal_Int32)
{
    return ui::LayoutSize(m_preferredHeight, m_preferredHeight, m_preferredHeight);
}
sal_Int32 SAL_CALL SidebarPanel::getMinimalWidth() { return 320; }

Column::Column(const Reference<awt::XWindow>& window)
{
    if (window.is())
        m_width = std::max<sal_Int32>(window->getPosSize().Width - 2 * kPadding, 40);
}

void Column::place(const Reference<awt::XControl>& control, sal_Int32 height, bool full)
{
    awt::Size size = PanelWindow::preferredSize(control, m_width, full);
    if (height > 0)
        size.Height = height;
    const sal_Int32 w = full ? m_width : std::min(m_width, std::max<sal_Int32>(size.Width + 12, 80));
    Reference<awt::XWindow>(control, UNO_QUERY_THROW)->setPosSize(kPadding, m_y, w, size.Height, awt::PosSize::POSSIZE);
    m_y += size.Height + kGap;
}

Stack::Stack(const Reference<awt::XWindow>& window)
{
    if (window.is())
        m_width = std::max<sal_Int32>(window->getPosSize().Width - 2 * Column::kPadding, 40);
}

void Stack::place(const Reference<awt::XControl>& control, bool wrap)
{
    const awt::Size size = PanelWindow::preferredSize(control, m_width, wrap);
    const sal_Int32 w = wrap ? m_width : std::min(m_width, std::max<sal_Int32>(size.Width, 60));
    const Reference<awt::XWindow> window(control, UNO_QUERY_THROW);
    window->setPosSize(Column::kPadding, m_y, w, size.Height, awt::PosSize::POSSIZE);
    m_y += std::max(size.Height, window->getPosSize().Height) + Column::kGap;
}

void Stack::placeFixed(const Reference<awt::XControl>& control, sal_Int32 height)
{
    const Reference<awt::XWindow> window(control, UNO_QUERY_THROW);
    window->setPosSize(Column::kPadding, m_y, m_width, height, awt::PosSize::POSSIZE);
    m_y += std::max(height, window->getPosSize().Height) + Column::kGap;
}
} // namespace dueregard::ext
