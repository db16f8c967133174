// A department policy file, with layer files the policy names (answered from the same input).
#include "FuzzCommon.hpp"

#include "policy/Policy.hpp"
#include "policy/Zip.hpp"

using namespace dueregard;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    // The input is "policy\0layer": the policy JSON, and what any layer file it names contains.
    const std::string all = fuzz::text(data, size);
    const auto nul = all.find('\0');
    const std::string policy = all.substr(0, nul);
    const std::string layer = nul == std::string::npos ? std::string("{}") : all.substr(nul + 1);
    try
    {
        const policy::Policy p = policy::readPolicy(policy, "fuzz.json", [&](const std::string&) { return layer; });
        const auto files = policy::policyPackageFiles(p, "org.dueregard.writer");
        (void)policy::zipArchive(files);
        (void)policy::applyPolicy(p);
    }
    catch (const engine::RuleDataError&)
    {
    }
    return 0;
}
