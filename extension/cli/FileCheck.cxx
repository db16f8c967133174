// FileCheck: one file through the office or pdftotext into the engine (see FileCheck.hxx).

#include "FileCheck.hxx"

#include "../UnoStrings.hxx"
#include "CliConfig.hxx"
#include "Say.hxx"

#include "document/DocumentRecord.hxx"
#include "model/DocumentJson.hpp"
#include "model/PlainText.hpp"

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/document/XTypeDetection.hpp>
#include <com/sun/star/frame/XLoadable.hpp>
#include <com/sun/star/lang/XMultiComponentFactory.hpp>
#include <com/sun/star/task/ErrorCodeIOException.hpp>
#include <com/sun/star/task/XJob.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/uno/RuntimeException.hpp>
#include <com/sun/star/util/XCloseable.hpp>

#include <algorithm>
#include <chrono>
#include <fcntl.h>
#include <fstream>
#include <optional>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
namespace fs = std::filesystem;
using dueregard::ext::ascii;

namespace
{
double msSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

// The import filters that a file with this extension may legitimately be opened with. LibreOffice
// falls back to importing unknown bytes as plain text; for a .docx that means a corrupt file, not
// a document to check.
bool filterFits(const std::string& extension, const std::string& filter)
{
    const bool plainText = filter.rfind("Text", 0) == 0 && filter.find("Flat") == std::string::npos;
    if (extension == ".txt")
        return true;
    return !plainText;
}

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// pdfText runs poppler's pdftotext on a file (no shell: the path is passed as one argument) and
// returns its text, or sets `error`.
std::optional<std::string> pdfText(const fs::path& file, std::string& error)
{
    int out[2];
    if (pipe(out) != 0)
    {
        error = dueregard::cli::say("cli.pdf.cannot_start");
        return std::nullopt;
    }
    const pid_t child = fork();
    if (child == 0)
    {
        dup2(out[1], STDOUT_FILENO);
        const int devnull = open("/dev/null", O_WRONLY);
        if (devnull >= 0)
            dup2(devnull, STDERR_FILENO);
        close(out[0]);
        close(out[1]);
        const std::string path = file.string();
        execlp("pdftotext", "pdftotext", "-q", "-enc", "UTF-8", path.c_str(), "-",
               static_cast<char*>(nullptr));
        _exit(127);
    }
    close(out[1]);
    if (child < 0)
    {
        close(out[0]);
        error = dueregard::cli::say("cli.pdf.cannot_start");
        return std::nullopt;
    }
    std::string text;
    char buffer[65536];
    for (ssize_t n; (n = read(out[0], buffer, sizeof buffer)) > 0;)
        text.append(buffer, static_cast<std::size_t>(n));
    close(out[0]);
    int status = 0;
    waitpid(child, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    {
        error = WIFEXITED(status) && WEXITSTATUS(status) == 127
                    ? dueregard::cli::say("cli.pdf.not_installed")
                    : dueregard::cli::say("cli.pdf.unreadable");
        return std::nullopt;
    }
    return text;
}

dueregard::report::FileReport checkPdf(dueregard::engine::Engine& engine,
                                       const dueregard::engine::CheckOptions& checkOptions,
                                       const fs::path& file, bool timings)
{
    dueregard::report::FileReport report;
    report.file = file.string();
    dueregard::report::Timings t;
    auto start = std::chrono::steady_clock::now();
    std::string error;
    const std::optional<std::string> text = pdfText(file, error);
    if (!text)
    {
        report.error = error;
        return report;
    }
    t.loadMs = msSince(start);
    start = std::chrono::steady_clock::now();
    const dueregard::model::Document doc = dueregard::model::documentFromPlainText(*text);
    t.extractMs = msSince(start);
    if (doc.blocks.empty())
    {
        report.error = dueregard::cli::say("cli.pdf.no_text");
        return report;
    }
    start = std::chrono::steady_clock::now();
    report.result = engine.check(doc, checkOptions);
    t.checkMs = msSince(start);
    report.facts = report.result.facts;
    if (timings)
        report.timings = t;
    return report;
}

struct Detected
{
    std::string filter;  // the import filter LibreOffice would use
    std::string service; // the kind of document it makes (com.sun.star.text.TextDocument...)
};

std::string stringProperty(const uno::Sequence<beans::PropertyValue>& properties, const char* name)
{
    for (const beans::PropertyValue& property : properties)
        if (property.Name.equalsAscii(name))
        {
            rtl::OUString value;
            property.Value >>= value;
            return dueregard::ext::toUtf8(value);
        }
    return {};
}

// encryptedOffice tells whether a file is an encrypted Office Open XML document: Word keeps a
// password-protected .docx/.docm/.dotx as an OLE compound file ("D0 CF 11 E0") holding an
// "EncryptionInfo" stream, whose name appears in the file in UTF-16.
bool encryptedOffice(const fs::path& file)
{
    std::error_code ec;
    const auto size = fs::file_size(file, ec);
    if (ec || size > 256u * 1024 * 1024)
        return false;
    std::string bytes(static_cast<std::size_t>(size), '\0');
    std::ifstream in(file, std::ios::binary);
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    static const std::string kCompound("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
    if (bytes.compare(0, kCompound.size(), kCompound) != 0)
        return false;
    std::string name;
    for (char c : std::string("EncryptionInfo"))
    {
        name += c;
        name += '\0';
    }
    return bytes.find(name) != std::string::npos;
}

// loadError words, for the person reading the report, why LibreOffice could not open a file. The
// office's own exception text ("SfxBaseModel::handleLoadError: 0x0x1000f at ./sfx2/...") is for
// its developers; its error code says what happened. The codes are LibreOffice's ErrCode values,
// the same in 7.4 and 25.2 (tests/integration/test_cli.py makes each case).
std::string loadError(const fs::path& file, sal_Int32 code)
{
    constexpr sal_Int32 kSfxWrongPassword
        = 0x4b0b; // ERRCODE_SFX_WRONGPASSWORD: an encrypted ODF file
    constexpr sal_Int32 kSvxWrongPassword
        = 0x1000f; // ERRCODE_SVX_WRONGPASS: an encrypted Word 97 file
    if (code == kSfxWrongPassword || code == kSvxWrongPassword || encryptedOffice(file))
        return dueregard::cli::say("cli.file.encrypted");
    if (file.extension().empty())
        return dueregard::cli::say("cli.file.cannot_open_document");
    return dueregard::cli::say("cli.file.cannot_open",
                               { { "extension", lower(file.extension().string()).substr(1) } });
}

// detect asks the office's type detection (looking into the file, not only at its name) which
// filter reads it and what kind of document that makes, without loading it.
Detected detect(dueregard::cli::Office& office, const rtl::OUString& url, std::string& error)
{
    const Reference<lang::XMultiComponentFactory> factory = office.context()->getServiceManager();
    Reference<document::XTypeDetection> detection(
        factory->createInstanceWithContext(ascii("com.sun.star.document.TypeDetection"),
                                           office.context()),
        UNO_QUERY_THROW);
    uno::Sequence<beans::PropertyValue> descriptor(1);
    descriptor.getArray()[0].Name = "URL";
    descriptor.getArray()[0].Value <<= url;
    const rtl::OUString type = detection->queryTypeByDescriptor(descriptor, true);
    Detected detected;
    detected.filter = stringProperty(descriptor, "FilterName");
    if (detected.filter.empty() && !type.isEmpty())
    {
        Reference<container::XNameAccess> types(detection, UNO_QUERY_THROW);
        uno::Sequence<beans::PropertyValue> typeProperties;
        if (types->hasByName(type))
            types->getByName(type) >>= typeProperties;
        detected.filter = stringProperty(typeProperties, "PreferredFilter");
    }
    if (detected.filter.empty())
    {
        error = dueregard::cli::say("cli.file.unrecognised");
        return detected;
    }
    Reference<container::XNameAccess> filters(
        factory->createInstanceWithContext(ascii("com.sun.star.document.FilterFactory"),
                                           office.context()),
        UNO_QUERY_THROW);
    uno::Sequence<beans::PropertyValue> filterProperties;
    const rtl::OUString filterName = dueregard::ext::fromUtf8(detected.filter);
    if (filters->hasByName(filterName))
        filters->getByName(filterName) >>= filterProperties;
    detected.service = stringProperty(filterProperties, "DocumentService");
    return detected;
}

// What makes a path uncheckable before anything reads it, or nothing.
std::optional<std::string> pathProblem(const fs::path& file)
{
    std::error_code ec;
    if (!fs::exists(file, ec))
        return dueregard::cli::say("cli.file.missing");
    if (!fs::is_regular_file(file, ec))
        return dueregard::cli::say("cli.file.not_regular");
    if (fs::file_size(file, ec) == 0)
        return dueregard::cli::say("cli.file.empty");
    return std::nullopt;
}

std::string notText()
{
    return dueregard::cli::say("cli.file.not_text");
}

// What LibreOffice's type detection says against checking the file, or nothing.
std::optional<std::string> formatProblem(const fs::path& file, const Detected& detected)
{
    if (!filterFits(lower(file.extension().string()), detected.filter))
        return dueregard::cli::say("cli.file.wrong_format");
    if (detected.service != "com.sun.star.text.TextDocument"
        && detected.service != "com.sun.star.text.WebDocument"
        && detected.service != "com.sun.star.text.GlobalDocument")
        return notText();
    return std::nullopt;
}

// loadDocument opens the file read-only and hidden, never running its macros, fetching linked
// content or asking for a password. Throws what loading throws.
Reference<lang::XComponent> loadDocument(dueregard::cli::Office& office, const rtl::OUString& url,
                                         const Detected& detected)
{
    uno::Sequence<beans::PropertyValue> load(5);
    auto* p = load.getArray();
    p[0].Name = "ReadOnly";
    p[0].Value <<= true;
    p[1].Name = "MacroExecutionMode";
    p[1].Value <<= sal_Int16(0);
    p[2].Name = "UpdateDocMode";
    p[2].Value <<= sal_Int16(0);
    p[3].Name = "FilterName";
    p[3].Value <<= dueregard::ext::fromUtf8(detected.filter);
    p[4].Name = "Hidden";
    p[4].Value <<= true;
    if (detected.service != "com.sun.star.text.TextDocument")
        return office.desktop()->loadComponentFromURL(url, ascii("_blank"), 0, load);
    // A text document is loaded as a model alone: with no window there is no page layout to
    // compute, which is most of what loading costs, and reading needs none.
    Reference<frame::XLoadable> loadable(
        office.context()->getServiceManager()->createInstanceWithContext(
            ascii("com.sun.star.text.TextDocument"), office.context()),
        UNO_QUERY_THROW);
    Reference<lang::XComponent> component(loadable, UNO_QUERY_THROW);
    uno::Sequence<beans::PropertyValue> withUrl(load.getLength() + 1);
    std::copy(load.begin(), load.end(), withUrl.getArray());
    withUrl.getArray()[load.getLength()].Name = "URL";
    withUrl.getArray()[load.getLength()].Value <<= url;
    try
    {
        loadable->load(withUrl);
    }
    catch (...)
    {
        component->dispose();
        throw;
    }
    return component;
}

void closeDocument(const Reference<lang::XComponent>& component)
{
    try
    {
        Reference<util::XCloseable> closeable(component, UNO_QUERY);
        if (closeable.is())
            closeable->close(true);
        else
            component->dispose();
    }
    catch (const uno::Exception&)
    {
    }
}

// The document's model as JSON, read by the extension's DocumentService inside the office.
std::string extractModel(dueregard::cli::Office& office,
                         const Reference<css::text::XTextDocument>& document)
{
    Reference<task::XJob> service(office.context()->getServiceManager()->createInstanceWithContext(
                                      ascii(dueregard::cli::kDocumentService), office.context()),
                                  UNO_QUERY_THROW);
    uno::Sequence<beans::NamedValue> args(2);
    args.getArray()[0] = beans::NamedValue(ascii("Command"), uno::Any(ascii("extract")));
    args.getArray()[1] = beans::NamedValue(ascii("Document"), uno::Any(document));
    rtl::OUString json;
    service->execute(args) >>= json;
    return dueregard::ext::toUtf8(json);
}
} // namespace

namespace dueregard::cli
{
report::FileReport checkFile(Office& office, engine::Engine& engine,
                             const engine::CheckOptions& checkOptions, const fs::path& file,
                             bool timings)
{
    dueregard::report::FileReport report;
    report.file = file.string();
    const auto failed = [&report](std::string why)
    {
        report.error = std::move(why);
        return report;
    };
    if (const std::optional<std::string> problem = pathProblem(file))
        return failed(*problem);
    if (lower(file.extension().string()) == ".pdf")
        return checkPdf(engine, checkOptions, file, timings);

    dueregard::report::Timings t;
    auto start = std::chrono::steady_clock::now();
    const rtl::OUString url = dueregard::ext::fromUtf8(dueregard::cli::fileUrl(file));
    std::string error;
    const Detected detected = detect(office, url, error);
    if (!error.empty())
        return failed(error);
    if (const std::optional<std::string> problem = formatProblem(file, detected))
        return failed(*problem);
    Reference<lang::XComponent> component;
    try
    {
        component = loadDocument(office, url, detected);
    }
    catch (const uno::RuntimeException&)
    {
        throw; // the office itself failed: the caller restarts it
    }
    catch (const task::ErrorCodeIOException& e)
    {
        return failed(loadError(file, e.ErrCode));
    }
    catch (const uno::Exception&)
    {
        return failed(loadError(file, 0));
    }
    if (!component.is())
        return failed(loadError(file, 0));
    t.loadMs = msSince(start);

    Reference<css::text::XTextDocument> document(component, UNO_QUERY);
    if (!document.is())
    {
        closeDocument(component);
        return failed(notText());
    }
    try
    {
        start = std::chrono::steady_clock::now();
        const std::string json = extractModel(office, document);
        t.extractMs = msSince(start);
        // What the document keeps of its review: its dismissals apply as they do in Writer.
        engine::CheckOptions options = checkOptions;
        options.dismissals = dueregard::ext::storedDismissals(document);
        report.auditTrail = dueregard::ext::storedAuditTrail(document);
        closeDocument(component);

        start = std::chrono::steady_clock::now();
        const dueregard::model::Document doc = dueregard::model::parseDocument(json);
        report.result = engine.check(doc, options);
        report.facts = report.result.facts;
        t.checkMs = msSince(start);
    }
    catch (const uno::RuntimeException&)
    {
        closeDocument(component);
        throw; // the office itself failed: the caller restarts it
    }
    catch (const uno::Exception& e)
    {
        closeDocument(component);
        return failed(dueregard::cli::say("cli.file.unreadable",
                                          { { "reason", dueregard::ext::toUtf8(e.Message) } }));
    }
    catch (const std::exception& e)
    {
        return failed(dueregard::cli::say("cli.file.unreadable",
                                          { { "reason", dueregard::cli::describe(e) } }));
    }
    if (timings)
        report.timings = t;
    return report;
}
} // namespace dueregard::cli
