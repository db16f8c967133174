#include "app/TestHooks.hxx"

// The shipped library's hooks: nothing (see TestHooks.hxx).
namespace dueregard::ext::testhooks
{
void beforeCheck()
{
}

void beforeReading(const css::uno::Reference<css::text::XTextDocument>& /*document*/)
{
}
} // namespace dueregard::ext::testhooks
