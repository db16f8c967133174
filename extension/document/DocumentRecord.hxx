#pragma once
// What Due Regard keeps in a document besides its text: the dismissed prompts and the audit
// trail, each as JSON in a user-defined document property (File ▸ Properties ▸ Custom
// Properties), so that both travel with the document and survive .odt and .docx saves. Writer's
// checker writes them; the checker and the command line read them.

#include "engine/AuditTrail.hpp"
#include "engine/Dismissals.hpp"

#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/XInterface.hpp>

#include <string>
#include <vector>

namespace dueregard::ext
{
inline constexpr char kDismissalsProperty[] = "DueRegardDismissals";
inline constexpr char kAuditTrailProperty[] = "DueRegardAuditTrail";

// recordProperty is the text of one of our properties, or "" when the document has none.
std::string recordProperty(const css::uno::Reference<css::uno::XInterface>& document, const char* name);

// storeRecordProperty sets one of our properties ("" removes it). It returns false, changing
// nothing, when the document cannot keep properties (the caller tells the user, in their language:
// this file is also part of the command line, which has no interface language of its own).
[[nodiscard]] bool storeRecordProperty(const css::uno::Reference<css::uno::XInterface>& document,
                                       const char* name, const std::string& value);

inline std::vector<engine::Dismissal> storedDismissals(const css::uno::Reference<css::uno::XInterface>& document)
{
    return engine::parseDismissals(recordProperty(document, kDismissalsProperty));
}

inline engine::AuditTrail storedAuditTrail(const css::uno::Reference<css::uno::XInterface>& document)
{
    return engine::parseAuditTrail(recordProperty(document, kAuditTrailProperty));
}
} // namespace dueregard::ext
