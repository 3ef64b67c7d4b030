#include <cctype>

#include "graph/model.hpp"

namespace drdb::graph::detail {
namespace {

// Mermaid ids: letters, digits, underscore; the label carries the real name.
std::string mermaid_id(const std::string& id) {
  std::string out = "n_";
  for (char c : id) out += std::isalnum(static_cast<unsigned char>(c)) != 0 ? c : '_';
  return out;
}

std::string mermaid_label(const std::string& label) {
  std::string out;
  for (char c : label) {
    if (c == '"') out += "#quot;";
    else if (c == '\n') out += "<br/>";
    else out += c;
  }
  return out;
}

std::string dot_string(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') out += "\\n";
    else out += c;
  }
  return out + "\"";
}

std::string mermaid(const Graph& g) {
  std::string out = "---\ntitle: " + g.title + "\n---\nflowchart LR\n";
  for (const auto& [id, label] : g.nodes) {
    const bool round = g.terminal.count(id) != 0;
    out += "  " + mermaid_id(id) + (round ? "([\"" : "[\"") + mermaid_label(label) + (round ? "\"])" : "\"]") + "\n";
  }
  for (const auto& e : g.edges) {
    out += "  " + mermaid_id(e.from) + (e.dashed ? " -.->" : " -->");
    if (!e.label.empty()) out += "|\"" + mermaid_label(e.label) + "\"|";
    out += " " + mermaid_id(e.to) + "\n";
  }
  return out;
}

std::string dot(const Graph& g) {
  std::string out = "digraph " + dot_string(g.title) + " {\n  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\"];\n";
  for (const auto& [id, label] : g.nodes) {
    out += "  " + dot_string(id) + " [label=" + dot_string(label);
    if (g.terminal.count(id) != 0) out += ", shape=ellipse";
    out += "];\n";
  }
  for (const auto& e : g.edges) {
    out += "  " + dot_string(e.from) + " -> " + dot_string(e.to);
    std::string attributes;
    if (!e.label.empty()) attributes += "label=" + dot_string(e.label);
    if (e.dashed) attributes += std::string(attributes.empty() ? "" : ", ") + "style=dashed";
    if (!attributes.empty()) out += " [" + attributes + "]";
    out += ";\n";
  }
  return out + "}\n";
}

}  // namespace

std::string render(const Graph& g, Style style) { return style == Style::Mermaid ? mermaid(g) : dot(g); }

}  // namespace drdb::graph::detail
