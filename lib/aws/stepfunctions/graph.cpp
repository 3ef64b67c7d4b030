#include "drdb/aws/stepfunctions/graph.hpp"

#include <algorithm>

namespace drdb::aws::stepfunctions {

Graph::Graph() = default;
Graph::Graph(Graph&&) noexcept = default;
Graph& Graph::operator=(Graph&&) noexcept = default;
Graph::~Graph() = default;

// The states' constructors are private to Graph, hence `new` rather than make_unique.
Pass& Graph::pass(std::string name, PassProps props) { return keep(std::unique_ptr<Pass>(new Pass(std::move(name), std::move(props)))); }
Task& Graph::task(std::string name, ServiceCall call, TaskProps props) {
  return keep(std::unique_ptr<Task>(new Task(std::move(name), std::move(call), std::move(props))));
}
Choice& Graph::choice(std::string name, ChoiceProps props) {
  return keep(std::unique_ptr<Choice>(new Choice(std::move(name), std::move(props))));
}
Wait& Graph::wait(std::string name, WaitFor duration, WaitProps props) {
  return keep(std::unique_ptr<Wait>(new Wait(std::move(name), std::move(duration), std::move(props))));
}
Parallel& Graph::parallel(std::string name, ParallelProps props) {
  return keep(std::unique_ptr<Parallel>(new Parallel(std::move(name), std::move(props))));
}
Map& Graph::map(std::string name, MapProps props) { return keep(std::unique_ptr<Map>(new Map(std::move(name), std::move(props)))); }
Succeed& Graph::succeed(std::string name, SucceedProps props) {
  return keep(std::unique_ptr<Succeed>(new Succeed(std::move(name), std::move(props))));
}
Fail& Graph::fail(std::string name, FailProps props) { return keep(std::unique_ptr<Fail>(new Fail(std::move(name), std::move(props)))); }

bool Graph::owns(const State& state) const {
  return std::any_of(states_.begin(), states_.end(), [&](const auto& s) { return s.get() == &state; });
}

std::size_t Graph::total_states() const {
  std::size_t n = states_.size();
  for (const auto& s : states_)
    for (const auto* sub : s->subgraphs()) n += sub->total_states();
  return n;
}

Value Graph::to_value(Diagnostics& out, const std::string& path) const {
  Object states;
  for (const auto& s : states_) states.emplace(s->name(), s->to_value(out, path));
  const State* first = start();
  return Value::object({{"StartAt", first != nullptr ? Value(first->name()) : Value()}, {"States", Value(std::move(states))}});
}

}  // namespace drdb::aws::stepfunctions
