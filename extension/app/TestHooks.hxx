#pragma once

#include <com/sun/star/text/XTextDocument.hpp>

// Fault injection for the integration tests, driven by DUEREGARD_FAULT in the office's
// environment. These exist only in the test build's library (app/TestHooks.cxx, packaged as
// build/test/dueregard-<version>-testhooks.oxt when DUEREGARD_TEST_HOOKS is on); the library in
// the shipped .oxt links app/TestHooksNone.cxx instead, where each does nothing and the library
// never reads DUEREGARD_FAULT (ctest package.no_test_hooks checks that).
namespace dueregard::ext::testhooks
{
// Before every check: DUEREGARD_FAULT=check throws, so the tests can show that a failure is
// reported and never takes Writer down.
void beforeCheck();

// Before the document service reads a document: with DUEREGARD_FAULT=hang-on:NAME (or
// crash-on:NAME), reading a document whose URL contains NAME never returns (or ends the office
// process at once), as a document that hangs or crashes an import filter would.
void beforeReading(const css::uno::Reference<css::text::XTextDocument>& document);
} // namespace dueregard::ext::testhooks
