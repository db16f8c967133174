#include "document/GlossaryMarker.hxx"
#include "app/Language.hxx"
#include "app/Profile.hxx"

#include "document/DocumentChecker.hxx"
#include "document/EditStep.hxx"
#include "UnoStrings.hxx"

#include "glossary/Glossary.hpp"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XEnumeration.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/text/XFootnote.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextField.hpp>
#include <com/sun/star/text/XTextFieldsSupplier.hpp>
#include <com/sun/star/text/XTextViewCursorSupplier.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <vector>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace dueregard::ext
{
namespace
{
[[noreturn]] void refuse(const std::string& message) { throw lang::IllegalArgumentException(fromUtf8(message), {}, 0); }

struct OurMark
{
    Reference<css::text::XTextField> field;
    std::string termId; // empty when it cannot be told (after .docx, found from the hint)
};

std::vector<OurMark> ourMarks(const Reference<css::text::XTextDocument>& document)
{
    const std::shared_ptr<const Profile> profile = currentProfile();
    const glossary::Glossary& g = profile->glossary;
    std::vector<OurMark> out;
    Reference<css::text::XTextFieldsSupplier> supplier(document, UNO_QUERY);
    if (!supplier.is())
        return out;
    Reference<container::XEnumeration> each = supplier->getTextFields()->createEnumeration();
    while (each->hasMoreElements())
    {
        Reference<css::text::XTextField> field(each->nextElement(), UNO_QUERY);
        Reference<lang::XServiceInfo> info(field, UNO_QUERY);
        if (!field.is() || !info.is() || !info->supportsService(ascii("com.sun.star.text.TextField.Input")))
            continue;
        Reference<beans::XPropertySet> props(field, UNO_QUERY_THROW);
        rtl::OUString help, hint;
        props->getPropertyValue(ascii("Hint")) >>= hint;
        try
        {
            props->getPropertyValue(ascii("Help")) >>= help;
        }
        catch (const uno::Exception&)
        {
            // Help is optional for input fields.
        }
        const std::string helpText = toUtf8(help);
        const std::string prefix = glossary::Glossary::kHelpPrefix;
        if (helpText.rfind(prefix, 0) == 0)
            out.push_back({ field, helpText.substr(prefix.size()) });
        else if (glossary::Glossary::isOurHoverText(toUtf8(hint)))
        {
            std::string id;
            for (std::size_t i = 0; i < g.terms().size(); ++i)
                if (g.hoverText(i) == toUtf8(hint))
                    id = g.terms()[i].id;
            out.push_back({ field, id });
        }
    }
    return out;
}

// safeUnits marks, per UTF-16 unit of a paragraph's text, whether it is plain text we may turn
// into a mark: not a field, footnote or other object, and not inside a tracked deletion.
std::vector<bool> safeUnits(const Reference<css::text::XTextRange>& paragraph)
{
    std::vector<bool> safe;
    Reference<container::XEnumerationAccess> access(paragraph, UNO_QUERY);
    if (!access.is() || inProtectedSection(paragraph->getStart()))
        return safe; // nothing in a protected section is ours to change
    Reference<container::XEnumeration> portions = access->createEnumeration();
    bool inDeletion = false;
    while (portions->hasMoreElements())
    {
        Reference<css::text::XTextRange> portion(portions->nextElement(), UNO_QUERY);
        Reference<beans::XPropertySet> props(portion, UNO_QUERY);
        if (!portion.is() || !props.is())
            continue;
        rtl::OUString type;
        props->getPropertyValue(ascii("TextPortionType")) >>= type;
        if (type == "Redline")
        {
            rtl::OUString redlineType;
            bool isStart = false;
            props->getPropertyValue(ascii("RedlineType")) >>= redlineType;
            props->getPropertyValue(ascii("IsStart")) >>= isStart;
            if (redlineType == "Delete")
                inDeletion = isStart;
            continue;
        }
        const std::size_t length = static_cast<std::size_t>(portion->getString().getLength());
        safe.insert(safe.end(), length, type == "Text" && !inDeletion);
    }
    return safe;
}
} // namespace

MarkOutcome markGlossary(const Reference<css::text::XTextDocument>& document, bool every)
{
    refuseIfReadOnly(document);
    const std::shared_ptr<const Profile> profile = currentProfile();
    const glossary::Glossary& g = profile->glossary;
    const std::shared_ptr<DocumentChecker> checker = DocumentChecker::forDocument(document);
    checker->check();
    const model::Document& model = checker->lastModel();

    std::set<std::string> alreadyMarked;
    for (const OurMark& m : ourMarks(document))
        alreadyMarked.insert(m.termId);

    engine::Tokenizer tokenizer;
    // Every occurrence in reading order; the first of each term that is plain text is marked
    // (or every plain one), so a term first met inside a field is marked where it next occurs.
    const std::vector<glossary::Occurrence> all = g.occurrences(model, false, tokenizer);
    MarkOutcome outcome;
    std::map<std::size_t, std::vector<bool>> safety;
    std::vector<glossary::Occurrence> chosen;
    std::set<std::string> chosenTerms = alreadyMarked;
    for (const glossary::Occurrence& o : all)
    {
        const glossary::Term& term = g.terms()[o.term];
        if (!every && chosenTerms.count(term.id))
            continue;
        auto it = safety.find(o.block);
        if (it == safety.end())
            it = safety.emplace(o.block, safeUnits(checker->adapter().paragraphFor(o.block))).first;
        const std::vector<bool>& safe = it->second;
        if (o.end > safe.size() || !std::all_of(safe.begin() + o.start, safe.begin() + o.end, [](bool b) { return b; }))
        {
            ++outcome.skipped;
            continue;
        }
        chosen.push_back(o);
        chosenTerms.insert(term.id);
    }

    // Later occurrences first: a mark counts as one character for Writer's cursor, so marking
    // from the end keeps every earlier position valid.
    Reference<lang::XMultiServiceFactory> factory(document, UNO_QUERY_THROW);
    EditStep step(document, ui("undo.mark_glossary"), { false, true });
    for (auto o = chosen.rbegin(); o != chosen.rend(); ++o)
    {
        const Reference<css::text::XTextRange> range = checker->adapter().rangeFor({ o->block, o->start, o->end });
        if (!range.is())
        {
            ++outcome.skipped;
            continue;
        }
        Reference<beans::XPropertySet> field(factory->createInstance(ascii("com.sun.star.text.textfield.Input")), UNO_QUERY_THROW);
        field->setPropertyValue(ascii("Content"), uno::Any(range->getString()));
        field->setPropertyValue(ascii("Hint"), uno::Any(fromUtf8(g.hoverText(o->term))));
        field->setPropertyValue(ascii("Help"), uno::Any(fromUtf8(glossary::Glossary::kHelpPrefix + g.terms()[o->term].id)));
        range->getText()->insertTextContent(range, Reference<css::text::XTextContent>(field, UNO_QUERY_THROW), true);
        ++outcome.marked;
    }
    return outcome;
}

std::size_t removeGlossaryMarks(const Reference<css::text::XTextDocument>& document)
{
    refuseIfReadOnly(document);
    const std::vector<OurMark> marks = ourMarks(document);
    if (marks.empty())
        return 0;
    EditStep step(document, ui("undo.remove_glossary"), { false, true });
    for (const OurMark& m : marks)
    {
        rtl::OUString content;
        Reference<beans::XPropertySet>(m.field, UNO_QUERY_THROW)->getPropertyValue(ascii("Content")) >>= content;
        const Reference<css::text::XTextRange> anchor = m.field->getAnchor();
        anchor->getText()->insertString(anchor, content, true); // the field gives way to its text
    }
    return marks.size();
}

void insertDefinition(const Reference<css::text::XTextDocument>& document, const std::string& termId)
{
    refuseIfReadOnly(document);
    const std::shared_ptr<const Profile> profile = currentProfile();
    const glossary::Glossary& g = profile->glossary;
    const auto term = g.find(termId);
    if (!term)
        refuse(uiText("glossary.unknown_term", { { "id", termId } }));
    Reference<frame::XModel> model(document, UNO_QUERY_THROW);
    Reference<css::text::XTextViewCursorSupplier> views(model->getCurrentController(), UNO_QUERY);
    if (!views.is())
        refuse(uiText("glossary.no_view"));
    Reference<css::text::XTextRange> cursor(views->getViewCursor(), UNO_QUERY_THROW);
    const glossary::Term& t = g.terms()[*term];
    Reference<lang::XMultiServiceFactory> factory(document, UNO_QUERY_THROW);
    Reference<css::text::XFootnote> note(factory->createInstance(ascii("com.sun.star.text.Footnote")), UNO_QUERY_THROW);
    EditStep step(document, ui("undo.insert_definition"));
    Reference<css::text::XText> text = cursor->getText();
    text->insertTextContent(cursor->getEnd(), Reference<css::text::XTextContent>(note, UNO_QUERY_THROW), false);
    Reference<css::text::XText>(note, UNO_QUERY_THROW)
        ->setString(
            ui("glossary.footnote_text",
               { { "term", t.term }, { "definition", t.definition }, { "source", t.source } }));
}
} // namespace dueregard::ext
