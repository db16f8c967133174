#include "sidebar/Sidebar.hxx"

#include "UnoStrings.hxx"
#include "app/ImplNames.hxx"
#include "app/Language.hxx"

#include <com/sun/star/frame/XController2.hpp>
#include <com/sun/star/ui/XDeck.hpp>
#include <com/sun/star/ui/XDecks.hpp>
#include <com/sun/star/ui/XPanel.hpp>
#include <com/sun/star/ui/XPanels.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/ui/XSidebarProvider.hpp>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY;

namespace dueregard::ext
{
namespace
{
rtl::OUString panelId(const std::string& name)
{
    static const std::pair<const char*, const char*> kPanels[] = {
        { "document", kPanelFactsId }, { "readiness", kPanelFactsId }, { "characteristics", kPanelCharacteristicsId },
        { "prompts", kPanelPromptsId }, { "insert", kPanelInsertId }, { "glossary", kPanelGlossaryId },
        { "review", kPanelReviewId }, { "disproportionality", kPanelDisproportionalityId } };
    for (const auto& [shortName, id] : kPanels)
        if (name == shortName)
            return ascii(id);
    throw lang::IllegalArgumentException(ui("sidebar.unknown_panel"), {}, 0);
}
} // namespace

bool showDeck(const Reference<frame::XFrame>& frame, const std::string& panel)
{
    const rtl::OUString wanted = panel.empty() ? rtl::OUString() : panelId(panel);
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
    if (!wanted.isEmpty())
    {
        Reference<ui::XPanels> panels = deck->getPanels();
        Reference<ui::XPanel> shown(panels.is() && panels->hasByName(wanted) ? panels->getByName(wanted) : uno::Any(), UNO_QUERY);
        if (!shown.is())
            return false;
        shown->expand(false); // the other panels stay as they are
    }
    return true;
}
} // namespace dueregard::ext
