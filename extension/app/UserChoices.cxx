#include "app/UserChoices.hxx"

#include "UnoStrings.hxx"

#include <com/sun/star/uno/Sequence.hxx>
#include <com/sun/star/util/PathSubstitution.hpp>
#include <osl/file.hxx>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

using namespace css;
using css::uno::Reference;

namespace dueregard::ext
{
namespace
{
std::filesystem::path choicesFile(const Reference<uno::XComponentContext>& context)
{
    const Reference<util::XStringSubstitution> paths = util::PathSubstitution::create(context);
    const rtl::OUString url = paths->substituteVariables(ascii("$(user)/dueregard/choices.json"), true);
    rtl::OUString system;
    if (osl::FileBase::getSystemPathFromFileURL(url, system) != osl::FileBase::E_None)
        return {};
    return std::filesystem::path(toUtf8(system));
}

nlohmann::json toJson(const uno::Any& value)
{
    rtl::OUString text;
    bool flag = false;
    sal_Int32 number = 0;
    uno::Sequence<rtl::OUString> items;
    if (value >>= text)
        return toUtf8(text);
    if (value.getValueTypeClass() == uno::TypeClass_BOOLEAN && (value >>= flag))
        return flag;
    if (value >>= number)
        return number;
    if (value >>= items)
    {
        nlohmann::json list = nlohmann::json::array();
        for (const rtl::OUString& i : items)
            list.push_back(toUtf8(i));
        return list;
    }
    return nullptr;
}

uno::Any fromJson(const nlohmann::json& value)
{
    if (value.is_string())
        return uno::Any(fromUtf8(value.get<std::string>()));
    if (value.is_boolean())
        return uno::Any(value.get<bool>());
    if (value.is_number_integer())
        return uno::Any(static_cast<sal_Int32>(value.get<std::int64_t>()));
    if (value.is_array())
    {
        uno::Sequence<rtl::OUString> items(static_cast<sal_Int32>(value.size()));
        for (sal_Int32 i = 0; i < items.getLength(); ++i)
            items.getArray()[i] = value[static_cast<std::size_t>(i)].is_string()
                                      ? fromUtf8(value[static_cast<std::size_t>(i)].get<std::string>())
                                      : rtl::OUString();
        return uno::Any(items);
    }
    return {};
}

nlohmann::json load(const std::filesystem::path& file)
{
    std::ifstream in(file);
    if (!in)
        return nlohmann::json::object();
    nlohmann::json data = nlohmann::json::parse(in, nullptr, false);
    if (!data.is_object() || !data.contains("stamp") || !data["stamp"].is_string() || !data.contains("choices")
        || !data["choices"].is_object())
        return nlohmann::json::object();
    return data;
}

std::string newStamp()
{
    std::random_device random;
    std::ostringstream out;
    out << std::hex << random() << random();
    return out.str();
}
} // namespace

std::string recordChoice(const Reference<uno::XComponentContext>& context, const std::string& path, const uno::Any& value)
{
    try
    {
        const std::filesystem::path file = choicesFile(context);
        if (file.empty())
            return {};
        nlohmann::json data = load(file);
        if (!data.contains("stamp"))
            data = { { "stamp", newStamp() }, { "choices", nlohmann::json::object() } };
        const nlohmann::json stored = toJson(value);
        if (stored.is_null())
            return {};
        data["choices"][path] = stored;
        std::filesystem::create_directories(file.parent_path());
        // Written beside and renamed over, so a crash leaves the old copy or the new, never half.
        const std::filesystem::path partial = file.string() + ".partial";
        {
            std::ofstream out(partial, std::ios::trunc);
            out << data.dump(1) << '\n';
            if (!out.flush())
                return {};
        }
        std::filesystem::rename(partial, file);
        return data["stamp"].get<std::string>();
    }
    catch (const std::exception&) // a read-only or full profile: the setting is changed all the same
    {
        return {};
    }
    catch (const uno::Exception&)
    {
        return {};
    }
}

SavedChoices savedChoices(const Reference<uno::XComponentContext>& context)
{
    SavedChoices saved;
    try
    {
        const std::filesystem::path file = choicesFile(context);
        if (file.empty())
            return saved;
        const nlohmann::json data = load(file);
        if (!data.contains("stamp"))
            return saved;
        saved.stamp = data["stamp"].get<std::string>();
        for (const auto& [path, value] : data["choices"].items())
        {
            uno::Any any = fromJson(value);
            if (any.hasValue())
                saved.values.emplace_back(path, std::move(any));
        }
    }
    catch (const std::exception&)
    {
        saved = {};
    }
    catch (const uno::Exception&)
    {
        saved = {};
    }
    return saved;
}
} // namespace dueregard::ext
