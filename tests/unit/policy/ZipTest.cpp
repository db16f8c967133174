// zipArchive: stored entries with their names, contents, sizes and offsets in the local headers
// and the central directory, so any unzip tool can read a policy package back.

#include "policy/Zip.hpp"
#include "l10n/Error.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <stdexcept>
#include <string>

using dueregard::policy::zipArchive;

namespace
{
std::uint32_t read16(const std::string& s, std::size_t at)
{
    return static_cast<unsigned char>(s.at(at)) | (static_cast<std::uint32_t>(static_cast<unsigned char>(s.at(at + 1))) << 8);
}
std::uint32_t read32(const std::string& s, std::size_t at)
{
    return read16(s, at) | (read16(s, at + 2) << 16);
}
const std::string kLocal("PK\x03\x04", 4);
const std::string kCentral("PK\x01\x02", 4);
const std::string kEnd("PK\x05\x06", 4);
} // namespace

TEST(ZipTest, EntriesAreStoredUncompressedWithNameAndContent)
{
    const std::string zip = zipArchive({ { "policy/readme.txt", "Parking charges" } });
    ASSERT_EQ(zip.substr(0, 4), kLocal);
    EXPECT_EQ(read16(zip, 8), 0U);   // method: stored
    EXPECT_EQ(read32(zip, 18), 15U); // compressed size
    EXPECT_EQ(read32(zip, 22), 15U); // uncompressed size
    const std::uint32_t nameLength = read16(zip, 26);
    ASSERT_EQ(nameLength, 17U);
    EXPECT_EQ(zip.substr(30, nameLength), "policy/readme.txt");
    EXPECT_EQ(zip.substr(30 + nameLength, 15), "Parking charges");
}

TEST(ZipTest, NamesAreFlaggedAsUtf8)
{
    const std::string zip = zipArchive({ { "a.txt", "x" } });
    EXPECT_EQ(read16(zip, 6) & 0x0800U, 0x0800U);
}

TEST(ZipTest, CentralDirectoryPointsAtEachLocalHeaderInOrder)
{
    const std::string zip = zipArchive({ { "first.json", "{}" }, { "second.json", "[1, 2]" }, { "third", "" } });
    const std::size_t end = zip.rfind(kEnd);
    ASSERT_NE(end, std::string::npos);
    EXPECT_EQ(end + 22, zip.size());
    EXPECT_EQ(read16(zip, end + 10), 3U);
    const std::uint32_t centralSize = read32(zip, end + 12);
    std::size_t at = read32(zip, end + 16);
    EXPECT_EQ(at + centralSize, end);
    const char* const names[] = { "first.json", "second.json", "third" };
    for (const char* name : names)
    {
        ASSERT_EQ(zip.substr(at, 4), kCentral) << name;
        const std::uint32_t nameLength = read16(zip, at + 28);
        EXPECT_EQ(zip.substr(at + 46, nameLength), name);
        const std::uint32_t offset = read32(zip, at + 42);
        EXPECT_EQ(zip.substr(offset, 4), kLocal) << name;
        EXPECT_EQ(zip.substr(offset + 30, read16(zip, offset + 26)), name);
        EXPECT_EQ(read32(zip, offset + 14), read32(zip, at + 16)) << "CRCs agree for " << name;
        at += 46 + nameLength + read16(zip, at + 30) + read16(zip, at + 32);
    }
    EXPECT_EQ(at, end);
}

TEST(ZipTest, DifferentContentGivesADifferentChecksum)
{
    const std::string a = zipArchive({ { "a.txt", "open" } });
    const std::string b = zipArchive({ { "a.txt", "shut" } });
    EXPECT_NE(read32(a, 14), read32(b, 14));
}

TEST(ZipTest, EmptyArchiveIsJustTheEndRecord)
{
    const std::string zip = zipArchive({});
    ASSERT_EQ(zip.size(), 22U);
    EXPECT_EQ(zip.substr(0, 4), kEnd);
    EXPECT_EQ(read16(zip, 10), 0U);
}

TEST(ZipTest, OverlongNameIsRefused)
{
    EXPECT_THROW(zipArchive({ { std::string(0x10000, 'n'), "x" } }), dueregard::l10n::Error);
}
