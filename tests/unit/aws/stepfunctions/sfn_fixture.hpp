// Helpers for the Step Functions tests: a graph's definition as JSON, a state machine's rendered
// definition and role policy in both targets, and validation text.
#pragma once

#include <drdb/drdb.hpp>
#include <nlohmann/json.hpp>

#include <string>

#include "unit/aws/emr/emr_fixture.hpp"

namespace sfn_test {

using namespace drdb;
using namespace drdb::aws::stepfunctions;
using emr_test::contains;
using emr_test::to_json;
using nlohmann::json;

// A graph's definition with expressions spelled out (emr_test::to_json).
inline json definition_of(const Graph& g) {
  Diagnostics d;
  return to_json(g.to_value(d, "test"));
}

inline std::string diagnostics_of(const App& app) { return validate(app).format(); }

// A state machine of `graph` in stack "S" of a new app, validated.
struct Machine {
  App app;
  Stack& stack = app.add<Stack>("S", {.region = "us-east-1"});
  StateMachine& add(Graph graph, StateMachine::Props props = {}) {
    props.definition = std::move(graph);
    return stack.add<StateMachine>("Workflow", std::move(props));
  }
  std::string diagnostics() const { return diagnostics_of(app); }
};

// The definition a CloudFormation StateMachine resource carries (DefinitionString, Fn::Sub text).
inline json cfn_definition(const json& resource) {
  const auto& s = resource["Properties"]["DefinitionString"];
  if (s.is_string()) return json::parse(s.get<std::string>());
  const auto& sub = s["Fn::Sub"];
  return json::parse(sub.is_string() ? sub.get<std::string>() : sub[0].get<std::string>());
}

// The statements of every inline policy of a state machine's role, in CloudFormation.
inline json cfn_role_statements(const json& cfn, const StateMachine& m) {
  const auto& role = cfn["Resources"][logical_id(m.role())];
  json out = json::array();
  for (const auto& policy : role["Properties"]["Policies"])
    for (const auto& s : policy["PolicyDocument"]["Statement"]) out.push_back(s);
  return out;
}

// The actions of the statements (each statement's Action as a list).
inline std::vector<std::string> actions_of(const std::vector<aws::iam::Statement>& statements) {
  std::vector<std::string> out;
  for (const auto& s : statements) out.insert(out.end(), s.actions.begin(), s.actions.end());
  return out;
}

inline std::string text_of(const Str& s) { return emr_test::expression_text(s.value()); }

}  // namespace sfn_test
