// Pictures of synthesized stacks: each stack's resources and the references between them, and each
// state machine's states and transitions, as Mermaid flowcharts or Graphviz DOT.
//
// Graphs are read from the CloudFormation JSON template (the reference structure is the same in
// every target): an edge A → B when A's properties reference B (Ref, Fn::GetAtt, ${B} or ${B.Attr}
// in Fn::Sub), dashed when A only DependsOn B. A state machine's graph comes from its Definition
// (an object, or a string — with Fn::Sub — holding the States Language JSON).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace drdb::graph {

enum class Style { Mermaid, Dot };

struct Picture {
  std::string name;  // the stack, or "<stack>.<state machine logical id>"
  std::string text;  // the Mermaid or DOT source, ending with a newline
};

// One picture for the stack, then one per state machine of the template, in logical-id order.
// Throws Error(Io) when the template is not JSON.
std::vector<Picture> draw(std::string_view stack, const std::string& template_json, Style style);

}  // namespace drdb::graph
