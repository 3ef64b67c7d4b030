#include "drdb/aws/stepfunctions/graph_check.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

namespace drdb::aws::stepfunctions {

namespace {

std::string quoted(const State& s) { return "state \"" + s.name() + "\""; }

std::string name_list(const std::vector<const State*>& states) {
  std::string out;
  for (const auto* s : states) out += (out.empty() ? "\"" : ", \"") + s->name() + "\"";
  return out;
}

class GraphChecker {
 public:
  GraphChecker(const std::string& path, Diagnostics& out) : path_(path), out_(out) {}

  void check(const Graph& graph, const std::string& where) {
    if (graph.states().empty()) {
      out_.error(path_, where + " has no state", "add states to it");
      return;
    }
    const State* start = graph.start();
    if (!graph.owns(*start)) {
      out_.error(path_, where + " starts at " + quoted(*start) + ", which belongs to another graph",
                 "start_at() a state created by this graph");
      return;
    }
    for (const auto& s : graph.states()) check_state(graph, *s);
    check_reachability(graph, *start, where);
    check_loops(graph);
    for (const auto& s : graph.states()) {
      std::size_t i = 0;
      for (const auto* sub : s->subgraphs())
        check(*sub, (s->type() == StateType::Map ? "the item processor of " : "branch " + std::to_string(++i) + " of ") + quoted(*s));
    }
  }

  // Names are unique in the whole machine (branches and item processors included).
  void check_names(const Graph& graph) {
    for (const auto& s : graph.states()) {
      const auto& name = s->name();
      if (name.empty())
        out_.error(path_, "a " + std::string(state_type_name(s->type())) + " state has an empty name", "name every state");
      if (name.size() > max_state_name_length)
        out_.error(path_, quoted(*s) + ": the name is " + std::to_string(name.size()) + " characters long; Step Functions accepts " +
                              std::to_string(max_state_name_length),
                   "shorten it to 80 characters");
      if (std::any_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; }))
        out_.error(path_, quoted(*s) + ": the name contains control characters", "use printable characters");
      if (!seen_.insert(name).second)
        out_.error(path_, "two states are named \"" + name + "\" (names must be unique in the whole state machine, branches included)",
                   "rename one of them");
      for (const auto* sub : s->subgraphs()) check_names(*sub);
    }
  }

 private:
  void check_state(const Graph& graph, const State& s) {
    for (const auto& p : s.problems()) out_.error(path_, quoted(s) + ": " + p.message, p.fix);
    for (const auto* next : s.successors())
      if (!graph.owns(*next))
        out_.error(path_, quoted(s) + " goes to state \"" + next->name() + "\", which is not in its graph (dangling transition)",
                   "a state can only go to states of its own graph: Parallel branches and Map processors are closed "
                   "graphs; create the target in the same graph");
    if (const auto* choice = dynamic_cast<const Choice*>(&s); choice != nullptr && !choice->successors().empty() && !choice->has_default())
      out_.warning(path_, quoted(s) + " has no default: an input no rule matches fails the execution (States.NoChoiceMatched)",
                   "add otherwise(state)");
  }

  // Owned successors only: dangling transitions were reported already.
  static std::vector<const State*> inside(const Graph& graph, const State& s) {
    std::vector<const State*> out;
    for (const auto* n : s.successors())
      if (graph.owns(*n)) out.push_back(n);
    return out;
  }

  void check_reachability(const Graph& graph, const State& start, const std::string& where) {
    std::set<const State*> reached;
    std::vector<const State*> todo{&start};
    while (!todo.empty()) {
      const State* s = todo.back();
      todo.pop_back();
      if (!reached.insert(s).second) continue;
      for (const auto* n : inside(graph, *s)) todo.push_back(n);
    }
    for (const auto& s : graph.states())
      if (!reached.count(s.get()))
        out_.error(path_, quoted(*s) + " is unreachable: no transition of " + where + " leads to it",
                   "connect it with next(), a Choice rule or a Catch, or remove it");
    // States from which no terminal state can be reached never end.
    std::set<const State*> ending;
    for (bool grew = true; grew;) {
      grew = false;
      for (const auto& s : graph.states()) {
        if (ending.count(s.get())) continue;
        const auto next = inside(graph, *s);
        if (s->ends() || std::any_of(next.begin(), next.end(), [&](const State* n) { return ending.count(n) > 0; })) {
          ending.insert(s.get());
          grew = true;
        }
      }
    }
    std::vector<const State*> stuck;
    for (const auto& s : graph.states())
      if (reached.count(s.get()) && !ending.count(s.get())) stuck.push_back(s.get());
    if (!stuck.empty())
      out_.error(path_, where + ": from " + name_list(stuck) + " no path leads to a terminal state (End, Succeed or Fail)",
                 "give the loop a way out: a Choice rule or default to a state that ends");
  }

  // Strongly connected components (Tarjan): a cycle without a Wait state polls without pause.
  void check_loops(const Graph& graph) {
    std::map<const State*, int> index;
    std::map<const State*, int> low;
    std::vector<const State*> stack;
    std::set<const State*> on_stack;
    int counter = 0;
    std::function<void(const State*)> connect = [&](const State* v) {
      index[v] = low[v] = counter++;
      stack.push_back(v);
      on_stack.insert(v);
      for (const auto* w : inside(graph, *v)) {
        if (!index.count(w)) {
          connect(w);
          low[v] = std::min(low[v], low[w]);
        } else if (on_stack.count(w)) {
          low[v] = std::min(low[v], index[w]);
        }
      }
      if (low[v] != index[v]) return;
      std::vector<const State*> component;
      const State* w = nullptr;
      do {
        w = stack.back();
        stack.pop_back();
        on_stack.erase(w);
        component.push_back(w);
      } while (w != v);
      const auto self = inside(graph, *v);
      const bool cycle = component.size() > 1 || std::find(self.begin(), self.end(), v) != self.end();
      const bool waits = std::any_of(component.begin(), component.end(), [](const State* s) { return s->type() == StateType::Wait; });
      const bool bounded = std::any_of(component.begin(), component.end(), [&](const State* s) { return graph.in_bounded_loop(*s); });
      if (cycle && !waits && !bounded) {
        std::reverse(component.begin(), component.end());
        out_.warning(path_, "the loop through " + name_list(component) + " has no Wait state: it runs again at once, as often as it can",
                     "add a Wait state to the loop (e.g. WaitFor::seconds(30) before checking again)");
      }
    };
    for (const auto& s : graph.states())
      if (!index.count(s.get())) connect(s.get());
  }

  const std::string& path_;
  Diagnostics& out_;
  std::set<std::string> seen_;
};

}  // namespace

void check_graph(const Graph& graph, const std::string& path, Diagnostics& out) {
  GraphChecker checker(path, out);
  checker.check_names(graph);
  checker.check(graph, "the state machine");
}

}  // namespace drdb::aws::stepfunctions
