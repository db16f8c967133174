#pragma once
// Profile is what Due Regard checks with, now: the settings (defaults, a department's policy,
// the user's choices) and the rules, templates and glossary layered from them (built-in, then
// the department's files). It is read once and kept until the configuration changes; then open
// documents are checked again with the new profile, without restarting. A department file that
// cannot be used is reported (problems) and the layers below it apply.

#include "app/Settings.hxx"

#include "engine/RulePack.hpp"
#include "engine/Templates.hpp"
#include "glossary/Glossary.hpp"

#include <com/sun/star/uno/XComponentContext.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace dueregard::ext
{
struct Profile
{
    Settings settings;
    engine::LexiconData lexicon;
    engine::RulePackData pack;
    engine::TemplatesData templates;
    glossary::Glossary glossary{ glossary::builtinGlossaryData() };
    std::vector<std::string> problems; // for the panel: what could not be used, and why
    std::uint64_t generation = 0;
};

// The component context, remembered when the office first creates one of our components.
void rememberContext(const css::uno::Reference<css::uno::XComponentContext>& context);
css::uno::Reference<css::uno::XComponentContext> processContext();

// currentProfile reads the profile on first use and after each configuration change (main
// thread). Never null.
std::shared_ptr<const Profile> currentProfile();

// onProfileChange registers something to run (main thread) after the configuration changes.
void onProfileChange(std::function<void()> callback);
} // namespace dueregard::ext
