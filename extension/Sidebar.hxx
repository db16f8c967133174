#pragma once
// Helpers for the sidebar as a whole (as opposed to one panel).

#include <com/sun/star/frame/XFrame.hpp>

namespace dueregard::ext
{
// showDeck makes the sidebar of this frame visible and activates the Due Regard deck.
// Returns false when the frame has no sidebar (e.g. a document without a controller).
bool showDeck(const css::uno::Reference<css::frame::XFrame>& frame);
} // namespace dueregard::ext
