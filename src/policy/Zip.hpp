#pragma once
// zipArchive writes files into a ZIP archive (stored, not compressed: a policy package is a few
// kilobytes), as .oxt packages are. Paths use '/'; the first file is written first.

#include <string>
#include <utility>
#include <vector>

namespace dueregard::policy
{
std::string zipArchive(const std::vector<std::pair<std::string, std::string>>& files);
} // namespace dueregard::policy
