#pragma once
// What every command that edits a document shares: it refuses a read-only document, and its
// edits are one undo step, left even when an edit throws. Some edits also keep the views still
// while they work, or pause change recording (a glossary mark changes how text looks, not the
// text; a proposed section is recorded by the reviewer's own tracked change instead).

#include "UnoStrings.hxx"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>

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
        throw css::lang::IllegalArgumentException(
            ascii("This document is read-only: Due Regard checks it but does not change it."), {}, 0);
}

class EditStep
{
public:
    struct Options
    {
        bool lockViews = false;      // no repainting until the step ends
        bool pauseRecording = false; // change recording off during the step
    };

    EditStep(const css::uno::Reference<css::uno::XInterface>& document, const char* title, Options options)
        : m_model(document, css::uno::UNO_QUERY)
    {
        css::uno::Reference<css::document::XUndoManagerSupplier> supplier(document, css::uno::UNO_QUERY);
        if (supplier.is())
            m_undo = supplier->getUndoManager();
        if (m_undo.is())
            m_undo->enterUndoContext(ascii(title));
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
    EditStep(const css::uno::Reference<css::uno::XInterface>& document, const char* title)
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
