#pragma once
// Small UNO listener objects that forward to a std::function, so a panel or handler can listen
// without inheriting a second disposing() overload, and can be detached cleanly. Each call goes
// through guard(): an exception becomes a noted failure, never an exception into the office.

#include <com/sun/star/awt/XActionListener.hpp>
#include <com/sun/star/awt/XCallback.hpp>
#include <com/sun/star/awt/XItemListener.hpp>
#include <com/sun/star/awt/XTextListener.hpp>
#include <com/sun/star/view/XSelectionChangeListener.hpp>
#include <com/sun/star/awt/XWindowListener.hpp>
#include <com/sun/star/document/XDocumentEventListener.hpp>
#include <com/sun/star/util/XModifyListener.hpp>
#include <cppuhelper/implbase1.hxx>

#include "app/Failures.hxx"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <utility>

namespace dueregard::ext
{
// EditTime adds up what Due Regard does on Writer's main thread when the document is modified
// (per keystroke), for the benchmark: every modify listener of ours is timed.
struct EditTime
{
    static std::atomic<std::uint64_t>& nanoseconds()
    {
        static std::atomic<std::uint64_t> total{ 0 };
        return total;
    }
    static std::atomic<std::uint64_t>& calls()
    {
        static std::atomic<std::uint64_t> count{ 0 };
        return count;
    }
};

class ModifyForwarder : public cppu::WeakImplHelper1<css::util::XModifyListener>
{
public:
    explicit ModifyForwarder(std::function<void()> onModified) : m_onModified(std::move(onModified)) {}
    void SAL_CALL modified(const css::lang::EventObject&) override
    {
        const auto start = std::chrono::steady_clock::now();
        if (m_onModified)
            guard("failure.after_edit", m_onModified);
        EditTime::nanoseconds() += static_cast<std::uint64_t>(
            std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start).count());
        ++EditTime::calls();
    }
    void SAL_CALL disposing(const css::lang::EventObject&) override { m_onModified = nullptr; }

private:
    std::function<void()> m_onModified;
};

// DocumentEventForwarder passes a document's events ("OnSave", "OnSaveAs", ...) by name.
class DocumentEventForwarder : public cppu::WeakImplHelper1<css::document::XDocumentEventListener>
{
public:
    explicit DocumentEventForwarder(std::function<void(const rtl::OUString&)> onEvent) : m_onEvent(std::move(onEvent)) {}
    void SAL_CALL documentEventOccured(const css::document::DocumentEvent& event) override
    {
        if (m_onEvent)
            guard("failure.audit_trail", [this, &event] { m_onEvent(event.EventName); });
    }
    void SAL_CALL disposing(const css::lang::EventObject&) override { m_onEvent = nullptr; }

private:
    std::function<void(const rtl::OUString&)> m_onEvent;
};

class ResizeForwarder : public cppu::WeakImplHelper1<css::awt::XWindowListener>
{
public:
    explicit ResizeForwarder(std::function<void()> onResized) : m_onResized(std::move(onResized)) {}
    void SAL_CALL windowResized(const css::awt::WindowEvent&) override
    {
        if (m_onResized)
            guard("failure.layout", m_onResized);
    }
    void SAL_CALL windowMoved(const css::awt::WindowEvent&) override {}
    void SAL_CALL windowShown(const css::lang::EventObject&) override {}
    void SAL_CALL windowHidden(const css::lang::EventObject&) override {}
    void SAL_CALL disposing(const css::lang::EventObject&) override { m_onResized = nullptr; }

private:
    std::function<void()> m_onResized;
};

class ActionForwarder : public cppu::WeakImplHelper1<css::awt::XActionListener>
{
public:
    explicit ActionForwarder(std::function<void()> onAction) : m_onAction(std::move(onAction)) {}
    void SAL_CALL actionPerformed(const css::awt::ActionEvent&) override
    {
        if (m_onAction)
            guard("failure.button", m_onAction);
    }
    void SAL_CALL disposing(const css::lang::EventObject&) override { m_onAction = nullptr; }

private:
    std::function<void()> m_onAction;
};

class ItemForwarder : public cppu::WeakImplHelper1<css::awt::XItemListener>
{
public:
    explicit ItemForwarder(std::function<void(sal_Int32)> onSelected) : m_onSelected(std::move(onSelected)) {}
    void SAL_CALL itemStateChanged(const css::awt::ItemEvent& event) override
    {
        if (m_onSelected)
            guard("failure.list", [&] { m_onSelected(event.Selected); });
    }
    void SAL_CALL disposing(const css::lang::EventObject&) override { m_onSelected = nullptr; }

private:
    std::function<void(sal_Int32)> m_onSelected;
};

class TextForwarder : public cppu::WeakImplHelper1<css::awt::XTextListener>
{
public:
    explicit TextForwarder(std::function<void()> onChanged) : m_onChanged(std::move(onChanged)) {}
    void SAL_CALL textChanged(const css::awt::TextEvent&) override
    {
        if (m_onChanged)
            guard("failure.text_box", m_onChanged);
    }
    void SAL_CALL disposing(const css::lang::EventObject&) override { m_onChanged = nullptr; }

private:
    std::function<void()> m_onChanged;
};

class SelectionForwarder : public cppu::WeakImplHelper1<css::view::XSelectionChangeListener>
{
public:
    explicit SelectionForwarder(std::function<void()> onChanged) : m_onChanged(std::move(onChanged)) {}
    void SAL_CALL selectionChanged(const css::lang::EventObject&) override
    {
        if (m_onChanged)
            guard("failure.cursor", m_onChanged);
    }
    void SAL_CALL disposing(const css::lang::EventObject&) override { m_onChanged = nullptr; }

private:
    std::function<void()> m_onChanged;
};

// MainThreadCall runs a function on LibreOffice's main thread when handed to
// css::awt::AsyncCallback (which posts it as a VCL user event).
class MainThreadCall : public cppu::WeakImplHelper1<css::awt::XCallback>
{
public:
    explicit MainThreadCall(std::function<void()> call) : m_call(std::move(call)) {}
    void SAL_CALL notify(const css::uno::Any&) override
    {
        if (m_call)
            guard("failure.background", m_call);
    }

private:
    std::function<void()> m_call;
};
} // namespace dueregard::ext
