#include "Sidebar.hxx"

#include "ImplNames.hxx"
#include "UnoStrings.hxx"

#include <com/sun/star/frame/XController2.hpp>
#include <com/sun/star/ui/XDeck.hpp>
#include <com/sun/star/ui/XDecks.hpp>
#include <com/sun/star/ui/XSidebarProvider.hpp>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY;

namespace dueregard::ext
{
bool showDeck(const Reference<frame::XFrame>& frame)
{
    if (!frame.is())
        return false;
    Reference<frame::XController2> controller(frame->getController(), UNO_QUERY);
    if (!controller.is())
        return false;
    Reference<ui::XSidebarProvider> sidebar = controller->getSidebar();
    if (!sidebar.is())
        return false;
    sidebar->setVisible(true);
    Reference<ui::XDecks> decks = sidebar->getDecks();
    if (!decks.is() || !decks->hasByName(ascii(kDeckId)))
        return false;
    Reference<ui::XDeck> deck(decks->getByName(ascii(kDeckId)), UNO_QUERY);
    if (!deck.is())
        return false;
    deck->activate(true);
    sidebar->showDecks(true);
    return true;
}
} // namespace dueregard::ext
