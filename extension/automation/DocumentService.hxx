#pragma once
// DocumentService runs document work inside the office process, for callers outside it (the
// command line) and for tests. It is a css::task::XJob, so any UNO client (C++, Python, Basic)
// can call it without the extension's own types:
//
//   execute([Command="extract", Document=<text document>])           -> model JSON (string)
//       (KeepIdentity=true keeps block ids stable across calls while the document is open)
//   execute([Command="facts",   Document=<text document>])           -> facts JSON (string)
//   execute([Command="select",  Document=…, Block=n, Start=s, End=e]) -> the selected text
//   execute([Command="panelState", Document=…])                      -> panel lines JSON, or ""
//   execute([Command="prompts", Document=…])                         -> the panel's prompt list JSON
//   execute([Command="activatePrompt", Document=…, Block=index])      -> as choosing it: the selected text
//   execute([Command="matrix", Document=…])                          -> the coverage matrix rows JSON
//   execute([Command="activateCharacteristic", Document=…, Block=row]) -> goes to it: the selected text
//   execute([Command="version"])                                     -> the extension's version
//
// Errors are css::lang::IllegalArgumentException with a message a person can act on.

#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/task/XJob.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase2.hxx>

namespace dueregard::ext
{
class DocumentService : public cppu::WeakImplHelper2<css::task::XJob, css::lang::XServiceInfo>
{
public:
    explicit DocumentService(const css::uno::Reference<css::uno::XComponentContext>& context);

    css::uno::Any SAL_CALL execute(const css::uno::Sequence<css::beans::NamedValue>& arguments) override;

    rtl::OUString SAL_CALL getImplementationName() override;
    sal_Bool SAL_CALL supportsService(const rtl::OUString& name) override;
    css::uno::Sequence<rtl::OUString> SAL_CALL getSupportedServiceNames() override;

    static rtl::OUString implementationName();
    static css::uno::Sequence<rtl::OUString> serviceNames();

private:
    css::uno::Any run(const css::uno::Sequence<css::beans::NamedValue>& arguments);
    css::uno::Reference<css::uno::XComponentContext> m_context;
};
} // namespace dueregard::ext
