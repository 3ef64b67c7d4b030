// Cycles of a directed graph given as adjacency sets over node indices: among resources of a
// stack, and among the stacks of an app.
#pragma once

#include <algorithm>
#include <cstddef>
#include <set>
#include <vector>

namespace drdb::render {

// Depth-first search calling `report(cycle)` once for each back edge found, with the nodes of the
// cycle in order and the first node repeated at the end (a → b → a).
template <class Report>
void find_cycles(const std::vector<std::set<std::size_t>>& edges, Report&& report) {
  enum Color { White, Grey, Black };
  std::vector<Color> color(edges.size(), White);
  std::vector<std::size_t> path;
  auto visit = [&](auto&& self, std::size_t n) -> void {
    color[n] = Grey;
    path.push_back(n);
    for (auto next : edges[n]) {
      if (color[next] == Grey) {
        std::vector<std::size_t> cycle(std::find(path.begin(), path.end(), next), path.end());
        cycle.push_back(next);
        report(cycle);
      } else if (color[next] == White) {
        self(self, next);
      }
    }
    path.pop_back();
    color[n] = Black;
  };
  for (std::size_t n = 0; n < edges.size(); ++n)
    if (color[n] == White) visit(visit, n);
}

}  // namespace drdb::render
