#include "document/Reviewer.hxx"

#include "UnoStrings.hxx"
#include "app/Language.hxx"
#include "app/Settings.hxx"
#include "document/DocumentChecker.hxx"
#include "document/EditStep.hxx"
#include "document/SectionInserter.hxx"
#include "engine/ReviewComment.hpp"

#include <algorithm>
#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/XEnumeration.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextField.hpp>
#include <com/sun/star/text/XTextFieldsSupplier.hpp>

#include <tuple>
#include <vector>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace dueregard::ext
{
namespace
{
struct OurComment
{
    Reference<css::text::XTextField> field;
    engine::ExistingComment comment;
};

std::vector<OurComment> ourComments(const Reference<css::text::XTextDocument>& document)
{
    std::vector<OurComment> out;
    Reference<css::text::XTextFieldsSupplier> supplier(document, UNO_QUERY);
    if (!supplier.is())
        return out;
    Reference<container::XEnumeration> each = supplier->getTextFields()->createEnumeration();
    while (each->hasMoreElements())
    {
        Reference<css::text::XTextField> field(each->nextElement(), UNO_QUERY);
        Reference<lang::XServiceInfo> info(field, UNO_QUERY);
        if (!field.is() || !info.is() || !info->supportsService(ascii("com.sun.star.text.TextField.Annotation")))
            continue;
        Reference<beans::XPropertySet> props(field, UNO_QUERY_THROW);
        rtl::OUString content;
        props->getPropertyValue(ascii("Content")) >>= content;
        const std::string text = toUtf8(content);
        const std::optional<std::string> key = engine::commentKey(text);
        if (!key)
            continue; // someone's own comment
        OurComment c;
        c.field = field;
        c.comment.key = *key;
        c.comment.content = text;
        c.comment.anchor = toUtf8(field->getAnchor()->getString());
        props->getPropertyValue(ascii("Resolved")) >>= c.comment.resolved;
        out.push_back(std::move(c));
    }
    return out;
}

} // namespace

namespace
{
Reference<container::XNameAccess> configuration(const Reference<uno::XComponentContext>& context, const char* path)
{
    Reference<lang::XMultiServiceFactory> provider = configuration::theDefaultProvider::get(context);
    beans::NamedValue node(ascii("nodepath"), uno::Any(ascii(path)));
    uno::Sequence<uno::Any> args(1);
    args.getArray()[0] <<= node;
    return Reference<container::XNameAccess>(
        provider->createInstanceWithArguments(ascii("com.sun.star.configuration.ConfigurationAccess"), args), UNO_QUERY_THROW);
}

// The name and initials in LibreOffice's user data ("" where not set).
std::pair<std::string, std::string> profileName(const Reference<uno::XComponentContext>& context)
{
    try
    {
        Reference<container::XNameAccess> data = configuration(context, "/org.openoffice.UserProfile/Data");
        rtl::OUString given, surname, initials;
        data->getByName(ascii("givenname")) >>= given;
        data->getByName(ascii("sn")) >>= surname;
        data->getByName(ascii("initials")) >>= initials;
        given = given.trim();
        surname = surname.trim();
        return { toUtf8(given) + (given.isEmpty() || surname.isEmpty() ? "" : " ") + toUtf8(surname), toUtf8(initials.trim()) };
    }
    catch (const uno::Exception&)
    {
        return {}; // no profile
    }
}
} // namespace

std::string recordedName(const Reference<uno::XComponentContext>& context)
{
    try
    {
        bool removePersonal = false;
        configuration(context, "/org.openoffice.Office.Common/Security/Scripting")
                ->getByName(ascii("RemovePersonalInfoOnSaving")) >>= removePersonal;
        if (removePersonal)
            return {};
    }
    catch (const uno::Exception&)
    {
        // No such setting in this LibreOffice: the name is kept, as LibreOffice keeps an author's.
    }
    return profileName(context).first;
}

Reviewer reviewerFor(const Reference<uno::XComponentContext>& context)
{
    Reviewer r;
    r.name = readSettings(context).reviewerName;
    if (r.name.empty())
        std::tie(r.name, r.initials) = profileName(context);
    if (r.name.empty())
        r.name = "Due Regard";
    if (r.initials.empty())
        r.initials = engine::initialsOf(r.name);
    return r;
}

namespace
{
// The range a prompt's comment is anchored to (see engine::commentPlaces).
Reference<css::text::XTextRange> commentAnchor(const Reference<css::text::XTextDocument>& document, DocumentChecker& checker,
                                               const engine::Finding& f, const engine::CheckResult& result,
                                               const model::Document& model)
{
    Reference<css::text::XTextRange> anchor;
    for (const model::Span& place : engine::commentPlaces(f, result.assessment, model))
        if ((anchor = checker.adapter().rangeFor(place)).is())
            break;
    if (anchor.is() && inProtectedSection(anchor))
        anchor.clear(); // a protected section cannot take a comment: the document's start does
    if (!anchor.is())
        anchor = document->getText()->getStart();
    return anchor;
}

void addComment(const Reference<css::text::XTextDocument>& document, const Reviewer& reviewer,
                const Reference<css::text::XTextRange>& anchor, const std::string& content, bool spansText)
{
    Reference<lang::XMultiServiceFactory> factory(document, UNO_QUERY_THROW);
    Reference<beans::XPropertySet> note(factory->createInstance(ascii("com.sun.star.text.textfield.Annotation")), UNO_QUERY_THROW);
    note->setPropertyValue(ascii("Author"), uno::Any(fromUtf8(reviewer.name)));
    note->setPropertyValue(ascii("Initials"), uno::Any(fromUtf8(reviewer.initials)));
    note->setPropertyValue(ascii("Content"), uno::Any(fromUtf8(content)));
    note->setPropertyValue(ascii("DateTimeValue"), uno::Any(now()));
    anchor->getText()->insertTextContent(anchor, Reference<css::text::XTextContent>(note, UNO_QUERY_THROW), spansText);
}
} // namespace

ReviewOutcome reviewAsComments(const Reference<css::text::XTextDocument>& document, const Reviewer& reviewer, bool removeAnswered)
{
    refuseIfReadOnly(document);
    const std::shared_ptr<DocumentChecker> checker = DocumentChecker::forDocument(document);
    const engine::CheckResult result = checker->check(); // a copy: we edit the document below
    const model::Document model = checker->lastModel();
    const std::vector<OurComment> existing = ourComments(document);
    std::vector<engine::ExistingComment> earlier;
    earlier.reserve(existing.size());
    for (const OurComment& c : existing)
        earlier.push_back(c.comment);
    engine::CommentReview review(std::move(earlier));

    EditStep step(document, ui("undo.add_comments"));
    ReviewOutcome outcome;
    for (const engine::Finding& f : result.findings)
    {
        const Reference<css::text::XTextRange> anchor = commentAnchor(document, *checker, f, result, model);
        const std::string anchorText = toUtf8(anchor->getString());
        const std::string content = engine::commentContent(f, result.language);
        const engine::CommentReview::Decision decision = review.next(f, anchorText, content);
        switch (decision.step)
        {
        case engine::CommentReview::Step::Add:
            addComment(document, reviewer, anchor, content, !anchorText.empty());
            ++outcome.added;
            break;
        case engine::CommentReview::Step::Update:
        {
            Reference<beans::XPropertySet> props(existing[decision.existing].field, UNO_QUERY_THROW);
            props->setPropertyValue(ascii("Content"), uno::Any(fromUtf8(content)));
            props->setPropertyValue(ascii("Resolved"), uno::Any(false));
            props->setPropertyValue(ascii("DateTimeValue"), uno::Any(now()));
            ++outcome.updated;
            break;
        }
        case engine::CommentReview::Step::Keep:
            ++outcome.kept;
            break;
        }
    }
    // Our comments whose prompts are answered now.
    for (const std::size_t i : review.answered())
    {
        if (removeAnswered)
            Reference<lang::XComponent>(existing[i].field, UNO_QUERY_THROW)->dispose();
        else
            Reference<beans::XPropertySet>(existing[i].field, UNO_QUERY_THROW)->setPropertyValue(ascii("Resolved"), uno::Any(true));
        ++outcome.resolved;
    }
    return outcome;
}

std::pair<std::size_t, std::size_t> countOurComments(const Reference<css::text::XTextDocument>& document)
{
    std::pair<std::size_t, std::size_t> counts{ 0, 0 };
    for (const OurComment& c : ourComments(document))
        (c.comment.resolved ? counts.second : counts.first)++;
    return counts;
}

std::size_t removeOurComments(const Reference<css::text::XTextDocument>& document)
{
    refuseIfReadOnly(document);
    const std::vector<OurComment> ours = ourComments(document);
    if (ours.empty())
        return 0;
    EditStep step(document, ui("undo.remove_comments"));
    for (const OurComment& c : ours)
        Reference<lang::XComponent>(c.field, UNO_QUERY_THROW)->dispose();
    return ours.size();
}
} // namespace dueregard::ext
