#pragma once
// What FactsPanel.cxx (what the checking panels do) and FactsPanelView.cxx (what they show and
// how it is laid out) share. Internal to those two files.

#include "sidebar/FactsPanel.hxx"
#include "sidebar/SidebarPanel.hxx"

#include <com/sun/star/ui/XUIElement.hpp>
#include <cppuhelper/weakref.hxx>

#include <cstddef>
#include <utility>

namespace dueregard::ext::facts
{
// The same spacing as the other sidebar panels.
inline constexpr sal_Int32 kPadding = Column::kPadding;
inline constexpr sal_Int32 kGap = Column::kGap;
inline constexpr sal_Int16 kPromptRows = 11; // the prompt list shows ten rows and its scroll bar

// The Readiness panel's lines of text.
enum Line : std::size_t
{
    kScore,
    kCounts,
    kWords,
    kParagraphs,
    kHeadings,
    kTables,
    kChecked,
    kNote,
    kLineCount
};

// whenAlive: the sidebar panels' own (SidebarPanel.hxx), for a FactsPanel.
template <typename Action> auto whenAlive(const css::uno::WeakReference<css::ui::XUIElement>& weak, Action action)
{
    return ext::whenAlive<FactsPanel>(weak, std::move(action));
}
} // namespace dueregard::ext::facts
