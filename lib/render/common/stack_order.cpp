#include "render/common/stack_order.hpp"

#include <algorithm>
#include <map>

#include "render/common/cycles.hpp"

namespace drdb::render {

namespace {

constexpr std::size_t reasons_shown = 3;

std::string why(const std::set<std::string>& reasons) {
  std::string out;
  std::size_t shown = 0;
  for (const auto& reason : reasons) {
    if (shown == reasons_shown) break;
    out += (shown++ == 0 ? "" : "; ") + reason;
  }
  if (reasons.size() > reasons_shown) out += "; and " + std::to_string(reasons.size() - reasons_shown) + " more";
  return out;
}

void report_cycle(const std::vector<std::size_t>& cycle, const std::vector<const Stack*>& stacks, const StackEdges& edges,
                  Diagnostics& out) {
  std::string names;
  std::string steps;
  for (std::size_t i = 0; i + 1 < cycle.size(); ++i) {
    const Stack* from = stacks[cycle[i]];
    const Stack* to = stacks[cycle[i + 1]];
    names += (i == 0 ? "" : i + 2 == cycle.size() ? " and " : ", ") + from->name();
    steps += (i == 0 ? "" : "; ") + from->name() + " waits for " + to->name() + " (" + why(edges.at({from, to})) + ")";
  }
  out.error(stacks[cycle.front()]->path(), "stacks " + names + " wait for each other: " + steps,
            "references between stacks must go one way: move the constructs that refer to each other into one stack, "
            "drop an add_dependency, or pass the value in as a Parameter");
}

}  // namespace

std::vector<const Stack*> order_stacks(const std::vector<const Stack*>& stacks, const StackEdges& edges,
                                       Diagnostics& out) {
  std::vector<const Stack*> by_name = stacks;
  std::sort(by_name.begin(), by_name.end(), [](const Stack* a, const Stack* b) { return a->name() < b->name(); });
  std::map<const Stack*, std::size_t> index;
  for (std::size_t i = 0; i < by_name.size(); ++i) index[by_name[i]] = i;

  std::vector<std::set<std::size_t>> waits_for(by_name.size());
  for (const auto& [edge, reasons] : edges) {
    const auto from = index.find(edge.first);
    const auto to = index.find(edge.second);
    if (from != index.end() && to != index.end()) waits_for[from->second].insert(to->second);
  }
  find_cycles(waits_for, [&](const std::vector<std::size_t>& cycle) { report_cycle(cycle, by_name, edges, out); });

  // Kahn's algorithm, always taking the first ready stack by name.
  std::vector<std::size_t> waiting(by_name.size());
  std::vector<std::set<std::size_t>> awaited_by(by_name.size());
  for (std::size_t i = 0; i < by_name.size(); ++i) {
    waiting[i] = waits_for[i].size();
    for (auto j : waits_for[i]) awaited_by[j].insert(i);
  }
  std::set<std::size_t> ready;
  for (std::size_t i = 0; i < by_name.size(); ++i)
    if (waiting[i] == 0) ready.insert(i);
  std::vector<const Stack*> order;
  while (!ready.empty()) {
    const auto next = *ready.begin();
    ready.erase(ready.begin());
    order.push_back(by_name[next]);
    for (auto i : awaited_by[next])
      if (--waiting[i] == 0) ready.insert(i);
  }
  return order;
}

}  // namespace drdb::render
