// sections.placeholders-left: a section Due Regard inserted that the author has written in but
// where placeholders are left; it points at the section's heading and says how many.
#include "engine/checks/Checks.hpp"

namespace dueregard::engine::checks
{
void sectionsPlaceholdersLeft(const Context& c, const Emit& emit)
{
    for (const SectionState& s : c.assessment.sections)
        if (s.inserted && s.written && s.placeholders > 0)
            emit(headingOf(c, s),
                 sectionValues(s),
                 {});
}
} // namespace dueregard::engine::checks
