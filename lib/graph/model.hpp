// A directed graph with labelled nodes, drawn in either style (draw_style.cpp).
#pragma once

#include <map>
#include <set>
#include <string>
#include <tuple>

#include "drdb/graph/graph.hpp"

namespace drdb::graph::detail {

struct Edge {
  std::string from, to, label;
  bool dashed = false;
  // Spelled out: libc++ 14 has no operator<=> for std::string, so a defaulted one does not compile.
  bool operator<(const Edge& o) const { return std::tie(from, to, label, dashed) < std::tie(o.from, o.to, o.label, o.dashed); }
  bool operator==(const Edge&) const = default;
};

struct Graph {
  std::string title;
  std::map<std::string, std::string> nodes;  // id → label (may hold "\n")
  std::set<std::string> terminal;            // drawn with a round shape (start, end states)
  std::set<Edge> edges;
};

std::string render(const Graph& g, Style style);

}  // namespace drdb::graph::detail
