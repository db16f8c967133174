#pragma once
// ProtocolHandler dispatches every user action of the product by URL, scheme vnd.dueregard:
// (registered in ProtocolHandler.xcu). Menus, sidebar buttons, shortcuts and users'
// macros all arrive here, so each action has exactly one implementation.

#include <com/sun/star/frame/XDispatch.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XNotifyingDispatch.hpp>
#include <com/sun/star/lang/XInitialization.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase4.hxx>

namespace dueregard::ext
{
class ProtocolHandler
    : public cppu::WeakImplHelper4<css::frame::XDispatchProvider, css::frame::XNotifyingDispatch,
                                   css::lang::XInitialization, css::lang::XServiceInfo>
{
public:
    explicit ProtocolHandler(const css::uno::Reference<css::uno::XComponentContext>& context);

    // XInitialization: the frame the handler works for comes first in the arguments.
    void SAL_CALL initialize(const css::uno::Sequence<css::uno::Any>& arguments) override;
    // XDispatchProvider
    css::uno::Reference<css::frame::XDispatch> SAL_CALL
    queryDispatch(const css::util::URL& url, const rtl::OUString& target, sal_Int32 flags) override;
    css::uno::Sequence<css::uno::Reference<css::frame::XDispatch>> SAL_CALL
    queryDispatches(const css::uno::Sequence<css::frame::DispatchDescriptor>& requests) override;
    // XDispatch
    void SAL_CALL dispatch(const css::util::URL& url,
                           const css::uno::Sequence<css::beans::PropertyValue>& arguments) override;
    void SAL_CALL addStatusListener(const css::uno::Reference<css::frame::XStatusListener>& listener,
                                    const css::util::URL& url) override;
    void SAL_CALL removeStatusListener(const css::uno::Reference<css::frame::XStatusListener>& listener,
                                       const css::util::URL& url) override;
    // XNotifyingDispatch: lets macros learn whether a command succeeded.
    void SAL_CALL dispatchWithNotification(
        const css::util::URL& url, const css::uno::Sequence<css::beans::PropertyValue>& arguments,
        const css::uno::Reference<css::frame::XDispatchResultListener>& listener) override;
    // XServiceInfo
    rtl::OUString SAL_CALL getImplementationName() override;
    sal_Bool SAL_CALL supportsService(const rtl::OUString& name) override;
    css::uno::Sequence<rtl::OUString> SAL_CALL getSupportedServiceNames() override;

    static rtl::OUString implementationName();
    static css::uno::Sequence<rtl::OUString> serviceNames();

    // isKnownCommand says whether a command name (the part after the scheme) is implemented.
    static bool isKnownCommand(const std::string& name);

private:
    bool run(const css::util::URL& url);

    css::uno::Reference<css::uno::XComponentContext> m_context;
    css::uno::Reference<css::frame::XFrame> m_frame;
};
} // namespace dueregard::ext
