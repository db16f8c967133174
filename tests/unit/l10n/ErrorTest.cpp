#include "l10n/Error.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace dueregard::l10n
{
namespace
{
TEST(ErrorTest, WhatIsBritishEnglishAndTheSameFailureIsWordedInWelsh)
{
    const Error failure("failure.message", { { "where", Message("failure.reading") },
                                             { "what", std::string("disk full") } });
    EXPECT_STREQ(failure.what(),
                 text("en-GB", "failure.message",
                      { { "where", "reading the document" }, { "what", "disk full" } })
                     .c_str());
    const std::string welsh = describe(failure, "cy");
    // The nested message is worded in Welsh too, and the plain value is kept as it is.
    EXPECT_NE(welsh.find(text("cy", "failure.reading")), std::string::npos) << welsh;
    EXPECT_EQ(welsh.find("reading the document"), std::string::npos) << welsh;
    EXPECT_NE(welsh.find("disk full"), std::string::npos) << welsh;
    EXPECT_EQ(describe(failure, "fr"), failure.what());
}

TEST(ErrorTest, AnotherExceptionIsDescribedByItsOwnWords)
{
    const std::runtime_error library("zlib: stream error");
    EXPECT_EQ(describe(library, "cy"), "zlib: stream error");
}
} // namespace
} // namespace dueregard::l10n
