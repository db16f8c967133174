#include "document/Disproportionality.hxx"

#include "UnoStrings.hxx"
#include "app/Language.hxx"
#include "document/SectionInserter.hxx"

#include "l10n/Error.hpp"
#include "stats/Counts.hpp"
#include "stats/Insertion.hpp"
#include "text/Format.hpp"
#include "text/Unicode.hpp"

#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <osl/file.hxx>
#include <rtl/textcvt.h>

#include <fstream>
#include <iterator>

using namespace css;

namespace dueregard::ext
{
namespace
{
[[noreturn]] void refuse(const std::string& message)
{
    throw lang::IllegalArgumentException(fromUtf8(message), {}, 0);
}

constexpr std::size_t kMaxFigures = 1024 * 1024; // a table of groups, not a data set
} // namespace

std::string readFiguresFile(const rtl::OUString& url)
{
    rtl::OUString path;
    if (!url.startsWith("file:///") || osl::FileBase::getSystemPathFromFileURL(url, path) != osl::FileBase::E_None)
        refuse(uiText("dispro.file_url"));
    std::ifstream in(toUtf8(path), std::ios::binary);
    if (!in)
        refuse(uiText("dispro.cannot_open", { { "file", toUtf8(path) } }));
    std::string bytes;
    bytes.resize(kMaxFigures + 1);
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    if (bytes.size() > kMaxFigures)
        refuse(uiText("dispro.too_large"));
    // UTF-8 as it is; anything else is read as Windows-1252, as older spreadsheets save CSV.
    sal_uInt32 info = 0;
    sal_Size used = 0;
    rtl_TextToUnicodeConverter converter = rtl_createTextToUnicodeConverter(RTL_TEXTENCODING_UTF8);
    std::u16string buffer(bytes.size() + 1, u'\0');
    const sal_Size n = rtl_convertTextToUnicode(converter, nullptr, bytes.data(), bytes.size(),
                                                reinterpret_cast<sal_Unicode*>(buffer.data()), buffer.size(),
                                                RTL_TEXTTOUNICODE_FLAGS_UNDEFINED_ERROR | RTL_TEXTTOUNICODE_FLAGS_MBUNDEFINED_ERROR
                                                    | RTL_TEXTTOUNICODE_FLAGS_INVALID_ERROR,
                                                &info, &used);
    rtl_destroyTextToUnicodeConverter(converter);
    if (info == 0 && used == bytes.size())
        return text::toUtf8(std::u16string_view(buffer.data(), n));
    return toUtf8(rtl::OUString(bytes.data(), static_cast<sal_Int32>(bytes.size()), RTL_TEXTENCODING_MS_1252));
}

void insertDisproportionality(const uno::Reference<css::text::XTextDocument>& document, const std::string& figures,
                              const std::string& comparator, stats::Measure measure, const std::string& outcome)
{
    const stats::CountsTable table = stats::parseCounts(figures);
    try
    {
        stats::requireAnalysable(table, comparator);
    }
    catch (const l10n::Error& e)
    {
        refuse(uiText("dispro.nothing_inserted", { { "problem", l10n::describe(e, uiLanguage()) } }));
    }
    const stats::Analysis analysis = stats::analyse(table.groups, measure, comparator);
    // The note's date in the interface's language, as its words.
    const std::string language = uiLanguage();
    insertAtCursor(document,
                   stats::insertionPlan(analysis, outcome, text::formatIsoDate(text::isoToday(), language), language),
                   uiText("dispro.undo").c_str());
}
} // namespace dueregard::ext
