// sections.required-missing: each section the department requires that the document lacks,
// with the template that would add it.
#include "engine/checks/Checks.hpp"

namespace dueregard::engine::checks
{
void sectionsRequiredMissing(const Context& c, const Emit& emit)
{
    for (const auto& [id, title] : c.assessment.requiredMissing)
        emit(Location{}, { { "section", title } }, id);
}
} // namespace dueregard::engine::checks
