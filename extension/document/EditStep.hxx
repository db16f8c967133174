#pragma once
// What every command that edits a document shares: it refuses a read-only document, and its
// edits are one undo step, left even when an edit throws. Some edits also keep the views still
// while they work, or pause change recording (a glossary mark changes how text looks, not the
// text; a proposed section is recorded by the reviewer's own tracked change instead).

#include "UnoStrings.hxx"
#include "app/Language.hxx"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/beans/XPropertySetInfo.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <com/sun/star/text/XTextSection.hpp>

namespace dueregard::ext
{
inline bool isReadOnly(const css::uno::Reference<css::uno::XInterface>& document)
{
    css::uno::Reference<css::frame::XStorable> storable(document, css::uno::UNO_QUERY);
    return storable.is() && storable->isReadonly();
}

inline void refuseIfReadOnly(const css::uno::Reference<css::uno::XInterface>& document)
{
    if (isReadOnly(document))
        throw css::lang::IllegalArgumentException(ui("edit.read_only"), {}, 0);
}

// inProtectedSection says whether a position is inside a protected section (or one nested in
// it). Writer's API can write there, but a user cannot: neither may Due Regard.
inline bool inProtectedSection(const css::uno::Reference<css::text::XTextRange>& position)
{
    try
    {
        css::uno::Reference<css::beans::XPropertySet> props(position, css::uno::UNO_QUERY);
        if (!props.is() || !props->getPropertySetInfo()->hasPropertyByName(ascii("TextSection")))
            return false;
        css::uno::Reference<css::text::XTextSection> section;
        props->getPropertyValue(ascii("TextSection")) >>= section;
        for (; section.is(); section = section->getParentSection())
        {
            bool isProtected = false;
            css::uno::Reference<css::beans::XPropertySet>(section, css::uno::UNO_QUERY_THROW)
                ->getPropertyValue(ascii("IsProtected")) >>= isProtected;
            if (isProtected)
                return true;
        }
    }
    catch (const css::uno::Exception&)
    {
    }
    return false;
}

inline void refuseIfProtected(const css::uno::Reference<css::text::XTextRange>& position)
{
    if (position.is() && inProtectedSection(position))
        throw css::lang::IllegalArgumentException(ui("edit.protected"), {}, 0);
}

class EditStep
{
public:
    struct Options
    {
        bool lockViews = false;      // no repainting until the step ends
        bool pauseRecording = false; // change recording off during the step
    };

    // The title is the undo step's name, in the interface's language (an "undo." key).
    EditStep(const css::uno::Reference<css::uno::XInterface>& document, const rtl::OUString& title,
             Options options)
        : m_model(document, css::uno::UNO_QUERY)
    {
        css::uno::Reference<css::document::XUndoManagerSupplier> supplier(document, css::uno::UNO_QUERY);
        if (supplier.is())
            m_undo = supplier->getUndoManager();
        if (m_undo.is())
            m_undo->enterUndoContext(title);
        if (options.lockViews && m_model.is())
        {
            m_model->lockControllers();
            m_locked = true;
        }
        if (options.pauseRecording)
        {
            m_props.set(document, css::uno::UNO_QUERY);
            if (m_props.is())
            {
                m_props->getPropertyValue(ascii("RecordChanges")) >>= m_recording;
                if (m_recording)
                    m_props->setPropertyValue(ascii("RecordChanges"), css::uno::Any(false));
            }
        }
    }
    EditStep(const css::uno::Reference<css::uno::XInterface>& document, const char* title,
             Options options)
        : EditStep(document, ascii(title), options)
    {
    }
    EditStep(const css::uno::Reference<css::uno::XInterface>& document, const rtl::OUString& title)
        : EditStep(document, title, Options{})
    {
    }
    ~EditStep()
    {
        try
        {
            if (m_recording)
                m_props->setPropertyValue(ascii("RecordChanges"), css::uno::Any(true));
            if (m_locked)
                m_model->unlockControllers();
            if (m_undo.is())
                m_undo->leaveUndoContext();
        }
        catch (const css::uno::Exception&)
        {
            // Nothing more can be done here; the edits themselves are complete.
        }
    }
    EditStep(const EditStep&) = delete;
    EditStep& operator=(const EditStep&) = delete;

private:
    css::uno::Reference<css::frame::XModel> m_model;
    css::uno::Reference<css::document::XUndoManager> m_undo;
    css::uno::Reference<css::beans::XPropertySet> m_props;
    bool m_locked = false;
    bool m_recording = false;
};
} // namespace dueregard::ext
