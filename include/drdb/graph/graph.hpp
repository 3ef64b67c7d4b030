// Pictures of synthesized stacks: each stack's resources and the references between them, and each
// state machine's states and transitions, as Mermaid flowcharts or Graphviz DOT.
//
// Graphs are read from the CloudFormation JSON template (the reference structure is the same in
// every target): an edge A → B when A's properties reference B (Ref, Fn::GetAtt, ${B} or ${B.Attr}
// in Fn::Sub), dashed when A only DependsOn B, and to another stack's resource it imports. A state machine's graph comes from its Definition
// (an object, or a string — with Fn::Sub — holding the States Language JSON).
#pragma once

#include <map>
#include <string>
#include <utility>
#include <string_view>
#include <vector>

namespace drdb::graph {

enum class Style { Mermaid, Dot };

struct Picture {
  std::string name;  // the stack, or "<stack>.<state machine logical id>"
  std::string text;  // the Mermaid or DOT source, ending with a newline
};

// What a stack exports, by export name: the stack and the logical id its output's value refers to.
// A stack importing one (Fn::ImportValue) draws an edge to that resource of the other stack.
struct Export {
  std::string stack;
  std::string resource;
};
using Exports = std::map<std::string, Export>;

// The exports of one stack's template, added to `out`. Throws Error(Io) when it is not JSON.
void add_exports(std::string_view stack, const std::string& template_json, Exports& out);

// One picture for the stack, then one per state machine of the template, in logical-id order.
// Imports of `exports` are drawn as the other stack's resource, others as the export's name.
// Throws Error(Io) when the template is not JSON.
std::vector<Picture> draw(std::string_view stack, const std::string& template_json, Style style, const Exports& exports = {});

// The app's stacks (picture "stacks.deploy-order"): each stack, with an edge to each it deploys after.
Picture draw_stacks(const std::vector<std::pair<std::string, std::vector<std::string>>>& deploy_order, Style style);

}  // namespace drdb::graph
