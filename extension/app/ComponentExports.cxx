// The one place where the extension's UNO implementations are registered with the office
// (classic component_getFactory, the most conservative entry point for LibreOffice 7.4).

#include "automation/DocumentService.hxx"
#include "commands/MenuController.hxx"
#include "app/OptionsHandler.hxx"
#include "sidebar/PanelFactory.hxx"
#include "app/Profile.hxx"
#include "commands/ProtocolHandler.hxx"

#include <cppuhelper/implementationentry.hxx>

using namespace css;

namespace
{
template <typename T>
uno::Reference<uno::XInterface> SAL_CALL create(const uno::Reference<uno::XComponentContext>& context)
{
    dueregard::ext::rememberContext(context);
    return static_cast<cppu::OWeakObject*>(new T(context));
}

const cppu::ImplementationEntry g_entries[] = {
    { create<dueregard::ext::PanelFactory>, dueregard::ext::PanelFactory::implementationName,
      dueregard::ext::PanelFactory::serviceNames, cppu::createSingleComponentFactory, nullptr, 0 },
    { create<dueregard::ext::ProtocolHandler>, dueregard::ext::ProtocolHandler::implementationName,
      dueregard::ext::ProtocolHandler::serviceNames, cppu::createSingleComponentFactory, nullptr, 0 },
    { create<dueregard::ext::DocumentService>, dueregard::ext::DocumentService::implementationName,
      dueregard::ext::DocumentService::serviceNames, cppu::createSingleComponentFactory, nullptr, 0 },
    { create<dueregard::ext::OptionsHandler>, dueregard::ext::OptionsHandler::implementationName,
      dueregard::ext::OptionsHandler::serviceNames, cppu::createSingleComponentFactory, nullptr, 0 },
    { create<dueregard::ext::MenuController>, dueregard::ext::MenuController::implementationName,
      dueregard::ext::MenuController::serviceNames, cppu::createSingleComponentFactory, nullptr, 0 },
    { nullptr, nullptr, nullptr, nullptr, nullptr, 0 },
};
} // namespace

extern "C" SAL_DLLPUBLIC_EXPORT void* component_getFactory(const char* implementationName,
                                                           void* serviceManager, void* registryKey)
{
    return cppu::component_getFactoryHelper(implementationName, serviceManager, registryKey, g_entries);
}
