// Checks of a state machine's graph before anything is rendered, each naming the state:
// - errors: no state; a transition to a state of another graph (a Next, rule, default or Catch
//   pointing outside its graph, e.g. from a Parallel branch into the main graph: dangling); a state
//   nothing reaches; two states with one name anywhere in the machine (branches included); a name
//   longer than 80 characters or with characters Step Functions refuses; a Choice with no rule and no
//   default (no way out); a graph or a part of it from which no terminal state (End, Succeed, Fail)
//   can be reached; malformed Retry/Catch (empty errors, States.ALL not alone and last, bad
//   intervals); a Parallel without branches; each state's own problems (state.hpp);
// - warnings: a loop with no Wait state in it (it polls as fast as Step Functions runs it); a Choice
//   without a default (an unmatched input fails the execution with States.NoChoiceMatched).
#pragma once

#include <string>

#include "drdb/aws/stepfunctions/graph.hpp"
#include "drdb/core/diagnostics.hpp"

namespace drdb::aws::stepfunctions {

// The longest state name Step Functions accepts.
inline constexpr std::size_t max_state_name_length = 80;
// The largest definition Step Functions accepts, in bytes (1 MiB).
inline constexpr std::size_t max_definition_bytes = 1024 * 1024;

void check_graph(const Graph& graph, const std::string& path, Diagnostics& out);

}  // namespace drdb::aws::stepfunctions
