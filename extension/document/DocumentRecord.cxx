#include "document/DocumentRecord.hxx"

#include "UnoStrings.hxx"

#include <com/sun/star/beans/PropertyAttribute.hpp>
#include <com/sun/star/beans/XPropertyContainer.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/document/XDocumentProperties.hpp>
#include <com/sun/star/document/XDocumentPropertiesSupplier.hpp>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY;

namespace dueregard::ext
{
namespace
{
Reference<beans::XPropertyContainer> userProperties(const Reference<uno::XInterface>& document)
{
    Reference<document::XDocumentPropertiesSupplier> supplier(document, UNO_QUERY);
    return supplier.is() ? supplier->getDocumentProperties()->getUserDefinedProperties() : nullptr;
}
} // namespace

std::string recordProperty(const Reference<uno::XInterface>& document, const char* name)
{
    Reference<beans::XPropertySet> properties(userProperties(document), UNO_QUERY);
    if (!properties.is() || !properties->getPropertySetInfo()->hasPropertyByName(ascii(name)))
        return {};
    rtl::OUString text;
    properties->getPropertyValue(ascii(name)) >>= text; // another type (edited by hand): ""
    return toUtf8(text);
}

bool storeRecordProperty(const Reference<uno::XInterface>& document, const char* name,
                         const std::string& value)
{
    Reference<beans::XPropertyContainer> container = userProperties(document);
    Reference<beans::XPropertySet> properties(container, UNO_QUERY);
    if (!container.is() || !properties.is())
        return false;
    const rtl::OUString key = ascii(name);
    const bool present = properties->getPropertySetInfo()->hasPropertyByName(key);
    if (value.empty())
    {
        if (present)
            container->removeProperty(key);
        return true;
    }
    const uno::Any text(fromUtf8(value));
    if (present)
    {
        rtl::OUString old;
        if ((properties->getPropertyValue(key) >>= old))
        {
            properties->setPropertyValue(key, text);
            return true;
        }
        container->removeProperty(key); // another type, set by hand: replaced
    }
    container->addProperty(key, beans::PropertyAttribute::REMOVABLE, text);
    return true;
}
} // namespace dueregard::ext
