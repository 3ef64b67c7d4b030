// The order in which the stacks of an app deploy.
#pragma once

#include <vector>

#include "drdb/core/diagnostics.hpp"
#include "drdb/core/stack.hpp"
#include "render/common/cross_stack.hpp"

namespace drdb::render {

// `stacks` ordered so that each comes after every stack it waits for (`edges`), ties broken by
// name. Stacks that wait for each other in a cycle are an error naming every stack on it and what
// makes each wait; they are left out of the order.
std::vector<const Stack*> order_stacks(const std::vector<const Stack*>& stacks, const StackEdges& edges,
                                       Diagnostics& out);

}  // namespace drdb::render
