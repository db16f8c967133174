#pragma once
// Helpers for the sidebar as a whole (as opposed to one panel).

#include <com/sun/star/frame/XFrame.hpp>

#include <string>

namespace dueregard::ext
{
// showDeck makes the sidebar of this frame visible and activates the Due Regard deck.
// Returns false when the frame has no sidebar (e.g. a document without a controller).
// With a panel ("document", "insert", "glossary", "review" or "disproportionality"), also expands
// that panel and scrolls the deck to it; an unknown panel name throws IllegalArgumentException.
bool showDeck(const css::uno::Reference<css::frame::XFrame>& frame, const std::string& panel = {});
} // namespace dueregard::ext
