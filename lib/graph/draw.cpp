// Reading the graphs out of a CloudFormation template: resource references, and state machines.
#include <nlohmann/json.hpp>

#include "drdb/core/error.hpp"
#include "graph/model.hpp"

namespace drdb::graph {
namespace {

using nlohmann::json;
using detail::Edge;
using detail::Graph;
using graph::Exports;

// ${Name} and ${Name.Attr} of an Fn::Sub string, except ${!Literal} and the given variables.
void sub_references(const std::string& text, const json& variables, std::set<std::string>& out) {
  for (std::size_t at = text.find("${"); at != std::string::npos; at = text.find("${", at + 2)) {
    const auto end = text.find('}', at);
    if (end == std::string::npos) return;
    std::string name = text.substr(at + 2, end - at - 2);
    if (name.empty() || name[0] == '!') continue;
    if (variables.is_object() && variables.contains(name)) continue;
    out.insert(name.substr(0, name.find('.')));
  }
}

// Every resource name a value refers to.
void references(const json& v, std::set<std::string>& out) {
  if (v.is_array()) {
    for (const auto& item : v) references(item, out);
    return;
  }
  if (!v.is_object()) return;
  if (v.size() == 1) {
    const std::string& key = v.begin().key();
    const json& arg = v.begin().value();
    if (key == "Ref" && arg.is_string()) {
      out.insert(arg.get<std::string>());
      return;
    }
    if (key == "Fn::GetAtt") {
      if (arg.is_array() && !arg.empty() && arg[0].is_string()) out.insert(arg[0].get<std::string>());
      if (arg.is_string()) out.insert(arg.get<std::string>().substr(0, arg.get<std::string>().find('.')));
      return;
    }
    if (key == "Fn::Sub") {
      if (arg.is_string()) sub_references(arg.get<std::string>(), json(), out);
      if (arg.is_array() && arg.size() == 2 && arg[0].is_string()) {
        sub_references(arg[0].get<std::string>(), arg[1], out);
        references(arg[1], out);
      }
      return;
    }
  }
  for (const auto& [key, member] : v.items()) references(member, out);
}

// The export names a value imports (Fn::ImportValue of a literal name).
void imports(const json& v, std::set<std::string>& out) {
  if (v.is_array()) {
    for (const auto& item : v) imports(item, out);
    return;
  }
  if (!v.is_object()) return;
  if (v.size() == 1 && v.begin().key() == "Fn::ImportValue" && v.begin().value().is_string()) {
    out.insert(v.begin().value().get<std::string>());
    return;
  }
  for (const auto& [key, member] : v.items()) imports(member, out);
}

// A resource's edges to what it imports from other stacks: a node for the exporting stack's
// resource ("Stack/Id"), or for the export's name when no template given exports it.
void add_imports(const std::string& id, const json& properties, const Exports& exports, Graph& g) {
  std::set<std::string> names;
  imports(properties, names);
  for (const auto& name : names) {
    const auto it = exports.find(name);
    const std::string node = it != exports.end() ? it->second.stack + "/" + it->second.resource : "import:" + name;
    g.nodes[node] = it != exports.end() ? it->second.resource + "\nin stack " + it->second.stack : name + "\nimported";
    g.edges.insert({id, node, "", false});
  }
}

Graph stack_graph(std::string_view stack, const json& resources, const Exports& exports) {
  Graph g;
  g.title = std::string(stack);
  for (const auto& [id, body] : resources.items()) g.nodes[id] = id + "\n" + body.value("Type", std::string());
  for (const auto& [id, body] : resources.items()) {
    std::set<std::string> used;
    if (body.contains("Properties")) {
      references(body["Properties"], used);
      add_imports(id, body["Properties"], exports, g);
    }
    for (const auto& target : used)
      if (target != id && g.nodes.count(target) != 0) g.edges.insert({id, target, "", false});
    json depends = body.value("DependsOn", json());
    if (depends.is_string()) depends = json::array({depends});
    if (depends.is_array())
      for (const auto& d : depends)
        if (d.is_string() && used.count(d.get<std::string>()) == 0 && g.nodes.count(d.get<std::string>()) != 0)
          g.edges.insert({id, d.get<std::string>(), "", true});
  }
  return g;
}

// The definition as JSON: an object, or a string (Fn::Sub or Fn::Join of strings; a non-string
// part of a join reads as a placeholder inside the string it stands in).
json definition_of(const json& properties) {
  if (properties.contains("Definition") && properties["Definition"].is_object()) return properties["Definition"];
  if (!properties.contains("DefinitionString")) return {};
  const json& d = properties["DefinitionString"];
  std::string text;
  if (d.is_string()) text = d.get<std::string>();
  else if (d.is_object() && d.contains("Fn::Sub")) {
    const json& sub = d["Fn::Sub"];
    text = sub.is_string() ? sub.get<std::string>() : sub.is_array() && !sub.empty() && sub[0].is_string() ? sub[0].get<std::string>() : "";
  } else if (d.is_object() && d.contains("Fn::Join") && d["Fn::Join"].is_array() && d["Fn::Join"].size() == 2) {
    for (const auto& part : d["Fn::Join"][1]) text += part.is_string() ? part.get<std::string>() : "${token}";
  }
  return json::parse(text, nullptr, false);
}

std::string condition_label(const json& rule) {
  for (const auto& key : {"And", "Or", "Not"})
    if (rule.contains(key)) return key;
  std::string label = rule.value("Variable", std::string());
  for (const auto& [key, value] : rule.items())
    if (key != "Variable" && key != "Next") label += " " + key + " " + (value.is_string() ? value.get<std::string>() : value.dump());
  return label;
}

void add_states(const json& machine, Graph& g, const std::string& start_from) {
  if (!machine.is_object() || !machine.contains("States") || !machine["States"].is_object()) return;
  if (machine.contains("StartAt") && machine["StartAt"].is_string())
    g.edges.insert({start_from, machine["StartAt"].get<std::string>(), "", start_from != "Start"});
  for (const auto& [name, state] : machine["States"].items()) {
    const std::string type = state.value("Type", std::string());
    g.nodes[name] = name + "\n" + type;
    if (state.contains("Next") && state["Next"].is_string()) g.edges.insert({name, state["Next"].get<std::string>(), "", false});
    if (state.value("End", false) || type == "Succeed" || type == "Fail") g.edges.insert({name, "End", "", false});
    if (state.contains("Default") && state["Default"].is_string())
      g.edges.insert({name, state["Default"].get<std::string>(), "default", false});
    for (const auto& rule : state.value("Choices", json::array()))
      if (rule.contains("Next") && rule["Next"].is_string()) g.edges.insert({name, rule["Next"].get<std::string>(), condition_label(rule), false});
    for (const auto& c : state.value("Catch", json::array()))
      if (c.contains("Next") && c["Next"].is_string()) {
        std::string errors;
        for (const auto& e : c.value("ErrorEquals", json::array())) errors += (errors.empty() ? "" : ", ") + e.get<std::string>();
        g.edges.insert({name, c["Next"].get<std::string>(), "catch " + errors, true});
      }
    for (const auto& branch : state.value("Branches", json::array())) add_states(branch, g, name);
    for (const auto* key : {"Iterator", "ItemProcessor"})
      if (state.contains(key)) add_states(state[key], g, name);
  }
}

Graph machine_graph(const std::string& title, const json& definition) {
  Graph g;
  g.title = title;
  g.nodes["Start"] = "Start";
  g.nodes["End"] = "End";
  g.terminal = {"Start", "End"};
  add_states(definition, g, "Start");
  return g;
}

json parse_template(std::string_view stack, const std::string& template_json) {
  json doc = json::parse(template_json, nullptr, false);
  if (doc.is_discarded() || !doc.is_object())
    throw Error(ErrorKind::Io, "the template of stack " + std::string(stack) + " is not JSON");
  return doc;
}

}  // namespace

void add_exports(std::string_view stack, const std::string& template_json, Exports& out) {
  const json doc = parse_template(stack, template_json);
  const json outputs = doc.value("Outputs", json::object());
  for (const auto& [name, output] : outputs.items()) {
    if (!output.contains("Export") || !output["Export"].contains("Name") || !output["Export"]["Name"].is_string()) continue;
    std::set<std::string> used;
    references(output.value("Value", json()), used);
    if (used.size() == 1) out[output["Export"]["Name"].get<std::string>()] = {std::string(stack), *used.begin()};
  }
}

Picture draw_stacks(const std::vector<std::pair<std::string, std::vector<std::string>>>& deploy_order, Style style) {
  Graph g;
  g.title = "stacks";
  for (const auto& [stack, after] : deploy_order) {
    g.nodes[stack] = stack;
    for (const auto& other : after) g.edges.insert({stack, other, "deploys after", false});
  }
  // A logical id has no '-', so no state machine's picture ("<stack>.<logical id>") has this name.
  return {"stacks.deploy-order", render(g, style)};
}

std::vector<Picture> draw(std::string_view stack, const std::string& template_json, Style style, const Exports& exports) {
  const json doc = parse_template(stack, template_json);
  const json resources = doc.value("Resources", json::object());
  std::vector<Picture> out{{std::string(stack), render(stack_graph(stack, resources, exports), style)}};
  for (const auto& [id, body] : resources.items()) {
    if (body.value("Type", std::string()) != "AWS::StepFunctions::StateMachine") continue;
    const json definition = definition_of(body.value("Properties", json::object()));
    if (definition.is_discarded() || !definition.is_object()) continue;
    const std::string name = std::string(stack) + "." + id;
    out.push_back({name, render(machine_graph(name, definition), style)});
  }
  return out;
}

}  // namespace drdb::graph
