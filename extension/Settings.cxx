#include "Settings.hxx"

#include "ImplNames.hxx"
#include "UnoStrings.hxx"

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;

namespace dueregard::ext
{
namespace
{
Reference<container::XNameAccess> group(const Reference<uno::XComponentContext>& context, const char* name)
{
    Reference<lang::XMultiServiceFactory> provider = configuration::theDefaultProvider::get(context);
    beans::NamedValue path(ascii("nodepath"), uno::Any(ascii("/") + ascii(kExtensionId) + ascii(".Settings/") + ascii(name)));
    uno::Sequence<uno::Any> args(1);
    args.getArray()[0] <<= path;
    return Reference<container::XNameAccess>(
        provider->createInstanceWithArguments(ascii("com.sun.star.configuration.ConfigurationAccess"), args), UNO_QUERY_THROW);
}
} // namespace

Settings readSettings(const Reference<uno::XComponentContext>& context)
{
    Settings s;
    try
    {
        const Reference<container::XNameAccess> review = group(context, "Review");
        rtl::OUString name, answered;
        review->getByName(ascii("ReviewerName")) >>= name;
        review->getByName(ascii("AnsweredComments")) >>= answered;
        s.reviewerName = toUtf8(name.trim());
        s.removeAnsweredComments = answered == "remove";
        group(context, "Glossary")->getByName(ascii("MarkEveryOccurrence")) >>= s.markEveryOccurrence;
    }
    catch (const uno::Exception&)
    {
        // Defaults: the schema is part of the package, so this happens only in a broken install.
    }
    return s;
}
} // namespace dueregard::ext
