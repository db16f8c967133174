#include "model/Document.hpp"

namespace dueregard::model
{
std::optional<std::size_t> Document::findBlock(const std::string& id) const
{
    for (std::size_t i = 0; i < blocks.size(); ++i)
        if (blocks[i].id == id)
            return i;
    return std::nullopt;
}
} // namespace dueregard::model
