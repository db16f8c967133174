#pragma once
// What the fuzz targets share. Each target feeds arbitrary bytes to one kind of input Due Regard
// reads and lets only the error the API documents (RuleDataError, ModelFormatError) through; any
// other exception, a crash, a hang or a sanitizer report is a bug. Built with clang's libFuzzer,
// AddressSanitizer and UndefinedBehaviorSanitizer by scripts/fuzz.sh.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace dueregard::fuzz
{
inline std::string text(const std::uint8_t* data, std::size_t size)
{
    return std::string(reinterpret_cast<const char*>(data), size);
}

// split takes the first byte as a selector and the rest as the input.
inline std::pair<std::uint8_t, std::string> split(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return { 0, {} };
    return { data[0], text(data + 1, size - 1) };
}
} // namespace dueregard::fuzz
