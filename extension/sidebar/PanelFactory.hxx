#pragma once
// PanelFactory creates the Due Regard deck's panels for the sidebar. The sidebar finds it through
// Factories.xcu: private:resource/toolpanel/<factory name>/<panel id> -> this implementation.

#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/ui/XUIElementFactory.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase2.hxx>

namespace dueregard::ext
{
class PanelFactory : public cppu::WeakImplHelper2<css::ui::XUIElementFactory, css::lang::XServiceInfo>
{
public:
    explicit PanelFactory(const css::uno::Reference<css::uno::XComponentContext>& context);

    // XUIElementFactory
    css::uno::Reference<css::ui::XUIElement> SAL_CALL
    createUIElement(const rtl::OUString& resourceUrl,
                    const css::uno::Sequence<css::beans::PropertyValue>& arguments) override;
    // XServiceInfo
    rtl::OUString SAL_CALL getImplementationName() override;
    sal_Bool SAL_CALL supportsService(const rtl::OUString& name) override;
    css::uno::Sequence<rtl::OUString> SAL_CALL getSupportedServiceNames() override;

    static rtl::OUString implementationName();
    static css::uno::Sequence<rtl::OUString> serviceNames();

private:
    css::uno::Reference<css::ui::XUIElement> create(const rtl::OUString& resourceUrl,
                                                    const css::uno::Sequence<css::beans::PropertyValue>& arguments);
    css::uno::Reference<css::uno::XComponentContext> m_context;
};
} // namespace dueregard::ext
