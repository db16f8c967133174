#include "policy/Zip.hpp"
#include "l10n/Error.hpp"

#include <boost/crc.hpp>

#include <cstdint>
#include <stdexcept>

namespace dueregard::policy
{
namespace
{
void put16(std::string& out, std::uint16_t v)
{
    out += static_cast<char>(v & 0xFF);
    out += static_cast<char>(v >> 8);
}
void put32(std::string& out, std::uint32_t v)
{
    put16(out, static_cast<std::uint16_t>(v & 0xFFFF));
    put16(out, static_cast<std::uint16_t>(v >> 16));
}
constexpr std::uint16_t kDosTime = 0;         // 00:00:00
constexpr std::uint16_t kDosDate = (46 << 9) | (1 << 5) | 1; // 1 January 2026: reproducible packages
} // namespace

std::string zipArchive(const std::vector<std::pair<std::string, std::string>>& files)
{
    std::string out, central;
    for (const auto& [name, content] : files)
    {
        if (name.size() > 0xFFFF || content.size() > 0x7FFFFFFF)
            throw l10n::Error("policy.zip_too_large", { { "file", name } });
        boost::crc_32_type crc;
        crc.process_bytes(content.data(), content.size());
        const std::uint32_t offset = static_cast<std::uint32_t>(out.size());
        const auto size = static_cast<std::uint32_t>(content.size());
        const auto nameSize = static_cast<std::uint16_t>(name.size());
        // Local file header, stored (method 0), UTF-8 names (flag bit 11).
        put32(out, 0x04034b50);
        put16(out, 20);
        put16(out, 0x0800);
        put16(out, 0);
        put16(out, kDosTime);
        put16(out, kDosDate);
        put32(out, crc.checksum());
        put32(out, size);
        put32(out, size);
        put16(out, nameSize);
        put16(out, 0);
        out += name;
        out += content;
        // Its central directory entry.
        put32(central, 0x02014b50);
        put16(central, 0x031E); // made by Unix, spec 3.0
        put16(central, 20);
        put16(central, 0x0800);
        put16(central, 0);
        put16(central, kDosTime);
        put16(central, kDosDate);
        put32(central, crc.checksum());
        put32(central, size);
        put32(central, size);
        put16(central, nameSize);
        put16(central, 0);
        put16(central, 0);
        put16(central, 0);
        put16(central, 0);
        put32(central, 0100644u << 16); // -rw-r--r--
        put32(central, offset);
        central += name;
    }
    const auto centralOffset = static_cast<std::uint32_t>(out.size());
    out += central;
    put32(out, 0x06054b50);
    put16(out, 0);
    put16(out, 0);
    put16(out, static_cast<std::uint16_t>(files.size()));
    put16(out, static_cast<std::uint16_t>(files.size()));
    put32(out, static_cast<std::uint32_t>(central.size()));
    put32(out, centralOffset);
    put16(out, 0);
    return out;
}
} // namespace dueregard::policy
