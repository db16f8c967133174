#pragma once
// DocumentService runs document work inside the office process, for callers outside it (the
// command line) and for tests. It is a css::task::XJob, so any UNO client (C++, Python, Basic)
// can call it without the extension's own types:
//
//   execute([Command="extract", Document=<text document>])            -> model JSON (string)
//   execute([Command="select", Document=…, Block=n, Start=s, End=e])  -> the selected text
//   execute([Command="help"])                                         -> every command, as JSON
//
// The commands are a table in DocumentService.cxx (commands()): each with what it does and
// returns, and its arguments, each with a name, a type (text document, whole number, boolean or
// string) and what it means for that command. "help" returns that table. An unknown command, an
// argument the command does not take, or one of the wrong type is refused with a message naming
// the command and the argument. Errors are css::lang::IllegalArgumentException with a message a
// person can act on.

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
