#pragma once
// OptionsHandler fills and saves Tools > Options > Due Regard > Checking (dialogs/Options.xdl):
// on "initialize" it shows the settings as they apply (defaults, the organisation's policy, the
// user's choices), disabling what the organisation has locked with a note saying so; on "ok" it
// writes the user's changes to what is not locked; on "back" it shows the settings again. The
// change reaches open documents through the configuration (see Profile).

#include <com/sun/star/awt/XContainerWindowEventHandler.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase2.hxx>

#include <string>
#include <vector>

namespace dueregard::ext
{
class OptionsHandler : public cppu::WeakImplHelper2<css::awt::XContainerWindowEventHandler, css::lang::XServiceInfo>
{
public:
    explicit OptionsHandler(const css::uno::Reference<css::uno::XComponentContext>& context);

    sal_Bool SAL_CALL callHandlerMethod(const css::uno::Reference<css::awt::XWindow>& window, const css::uno::Any& event,
                                        const rtl::OUString& method) override;
    css::uno::Sequence<rtl::OUString> SAL_CALL getSupportedMethodNames() override;

    rtl::OUString SAL_CALL getImplementationName() override;
    sal_Bool SAL_CALL supportsService(const rtl::OUString& name) override;
    css::uno::Sequence<rtl::OUString> SAL_CALL getSupportedServiceNames() override;
    static rtl::OUString implementationName();
    static css::uno::Sequence<rtl::OUString> serviceNames();

    // The page's two actions, also used by the test hook (DocumentService "options").
    static void load(const css::uno::Reference<css::uno::XComponentContext>& context,
                     const css::uno::Reference<css::awt::XControlContainer>& page);
    // save writes what the user changed; returns the settings it could not write (locked).
    static std::vector<std::string> save(const css::uno::Reference<css::uno::XComponentContext>& context,
                                         const css::uno::Reference<css::awt::XControlContainer>& page);

private:
    css::uno::Reference<css::uno::XComponentContext> m_context;
};
} // namespace dueregard::ext
