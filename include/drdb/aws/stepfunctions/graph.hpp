// A graph of states: the whole definition of a state machine, a branch of a Parallel state, or the
// item processor of a Map state. The graph owns its states; the functions that create them return
// references that stay valid for the graph's life, moves included (states live on the heap), so a
// graph is built as plain data and then moved into a StateMachine.
//
// Nothing here checks the graph: StateMachine::validate does, with the state machine's construct
// path and each state's name (graph_check.hpp lists what it reports).
#pragma once

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "drdb/aws/stepfunctions/state.hpp"

namespace drdb::aws::stepfunctions {

class Graph {
 public:
  Graph();
  Graph(Graph&&) noexcept;
  Graph& operator=(Graph&&) noexcept;
  Graph(const Graph&) = delete;
  Graph& operator=(const Graph&) = delete;
  ~Graph();

  Pass& pass(std::string name, PassProps props = {});
  Task& task(std::string name, ServiceCall call, TaskProps props = {});
  Choice& choice(std::string name, ChoiceProps props = {});
  Wait& wait(std::string name, WaitFor duration, WaitProps props = {});
  Parallel& parallel(std::string name, ParallelProps props = {});
  Map& map(std::string name, MapProps props = {});
  Succeed& succeed(std::string name, SucceedProps props = {});
  Fail& fail(std::string name, FailProps props = {});

  // The first state to run; by default the first state created.
  void start_at(const State& state) { start_ = &state; }
  const State* start() const { return start_ != nullptr ? start_ : (states_.empty() ? nullptr : states_.front().get()); }

  // Declares that loops through `state` end by themselves without pausing, e.g. paging through a
  // marker until the last page: the loop check then does not ask for a Wait state in them.
  void bounded_loop(const State& state) { bounded_loops_.insert(&state); }
  bool in_bounded_loop(const State& state) const { return bounded_loops_.count(&state) > 0; }

  const std::vector<std::unique_ptr<State>>& states() const { return states_; }
  bool owns(const State& state) const;
  // Every state of this graph and of the graphs nested in it.
  std::size_t total_states() const;

  // {"StartAt": ..., "States": {...}}; problems of task parameters go to `out` under `path`.
  Value to_value(Diagnostics& out, const std::string& path) const;

 private:
  template <class S>
  S& keep(std::unique_ptr<S> state) {
    S& ref = *state;
    states_.push_back(std::move(state));
    return ref;
  }
  std::vector<std::unique_ptr<State>> states_;
  const State* start_ = nullptr;
  std::set<const State*> bounded_loops_;
};

}  // namespace drdb::aws::stepfunctions
