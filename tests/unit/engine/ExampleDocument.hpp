#pragma once
// The example notation's documents (src/engine/ExampleDocument.hpp), as the tests name them.

#include "engine/ExampleDocument.hpp"

namespace dueregard::test
{
using engine::blankPlaceholders;
using engine::exampleDocument;
} // namespace dueregard::test
