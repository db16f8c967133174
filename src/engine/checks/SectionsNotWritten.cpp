// sections.not-written: a section Due Regard inserted that the author has not written in at
// all; it points at the section's heading.
#include "engine/checks/Checks.hpp"

namespace dueregard::engine::checks
{
void sectionsNotWritten(const Context& c, const Emit& emit)
{
    for (const SectionState& s : c.assessment.sections)
        if (s.inserted && !s.written)
            emit(headingOf(c, s), sectionValues(s), {});
}
} // namespace dueregard::engine::checks
