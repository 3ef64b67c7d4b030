// Codecs of Step Functions types, for the workflow kinds (kinds_workflows.cpp) and the state
// machines written state by state (kinds_state_machine.cpp). Each is defined in the file its
// section names.
//   definition: {start_at: A, states: {A: {task: {emr_list_clusters: {}}, next: B}, B: {succeed: {}}}}
//   a payload field: a literal, {path: $.x}, {intrinsic: "States.Format(...)"} or an object of fields
//   a condition: {string_equals: [$.status, FAILED]}, {is_present: $.x}, {all_of: [...]}...
//   a task's call: {emr_add_step: {cluster_id_path: $.ClusterId, step: {...}}}, {dynamodb_put_item: ...}...
#pragma once

#include <optional>

#include "drdb/aws/logs/log_group.hpp"
#include "drdb/aws/stepfunctions/graph.hpp"
#include "drdb/aws/stepfunctions/state_machine.hpp"
#include "spec/fields.hpp"
#include "spec/forms.hpp"
#include "spec/kind_names.hpp"

namespace drdb::spec {

// A setting on by default that `none` turns off (timeout_seconds: none, logging: none).
template <class S, class T>
Field<S> field_or_none(std::string_view name, std::optional<T> S::*member, std::string_view doc) {
  Field<S> f = field(name, member, doc);
  f.read = [member, read = f.read](const YAML::Node& n, S& s, Context& c) {
    if (n.IsScalar() && n.Tag() != "!" && n.Scalar() == "none") {
      s.*member = std::nullopt;
      return true;
    }
    return read(n, s, c);
  };
  f.schema = [] { return Schema{{"oneOf", {Codec<T>::schema(), {{"const", "none"}}}}}; };
  return f;
}

template <>
struct EnumNames<aws::stepfunctions::LogLevel> {
  using L = aws::stepfunctions::LogLevel;
  static constexpr std::pair<std::string_view, L> values[] = {{"all", L::All}, {"error", L::Error}, {"fatal", L::Fatal}, {"off", L::Off}};
};

template <>
struct Fields<aws::stepfunctions::Logging> {
  static constexpr std::string_view name = "logging";
  static const FieldList<aws::stepfunctions::Logging>& get() {
    using L = aws::stepfunctions::Logging;
    static const FieldList<L> list{field("destination", &L::destination, "a logs.LogGroup of this stack; default: one is created"),
                                   field("level", &L::level, "error (default), all, fatal or off"),
                                   field("include_execution_data", &L::include_execution_data, "inputs and outputs in the logs (off by default)")};
    return list;
  }
};

template <>
struct EnumNames<aws::stepfunctions::IntegrationPattern> {
  using P = aws::stepfunctions::IntegrationPattern;
  static constexpr std::pair<std::string_view, P> values[] = {
      {"request_response", P::RequestResponse}, {"run_job", P::RunJob}, {"wait_for_task_token", P::WaitForTaskToken}};
};

// sfn_payload_codecs.cpp -------------------------------------------------------------------------

// A reference path ("$.cluster"), or null (~) to discard.
template <>
struct Codec<aws::stepfunctions::ReferencePath> {
  static bool read(const YAML::Node& n, aws::stepfunctions::ReferencePath& v, Context& c);
  static Schema schema();
};
template <>
aws::stepfunctions::ReferencePath blank<aws::stepfunctions::ReferencePath>();

// A payload template's field; a Payload is a mapping of them.
template <>
struct Codec<aws::stepfunctions::Field> {
  static bool read(const YAML::Node& n, aws::stepfunctions::Field& v, Context& c);
  static Schema schema();
};
template <>
aws::stepfunctions::Field blank<aws::stepfunctions::Field>();

// sfn_condition_codecs.cpp -----------------------------------------------------------------------

// A Choice rule's condition: one key naming the Condition builder, its arguments as a list
// ([variable, operand]), a type test's variable alone, or the conditions it combines.
template <>
struct Forms<aws::stepfunctions::Condition> {
  static constexpr std::string_view name = "condition";
  static const FormList<aws::stepfunctions::Condition>& get();
};
template <>
aws::stepfunctions::Condition blank<aws::stepfunctions::Condition>();

// sfn_task_codecs.cpp ----------------------------------------------------------------------------

// What a Task state calls: one key naming the integration of stepfunctions/tasks/*.hpp.
template <>
struct Forms<aws::stepfunctions::ServiceCall> {
  static constexpr std::string_view name = "task";
  static const FormList<aws::stepfunctions::ServiceCall>& get();
};

// sfn_graph_codecs.cpp ---------------------------------------------------------------------------

// start_at, states (name → state, in order) and bounded_loops. A state has one key naming its type
// (pass, task, choice, wait, parallel, map, succeed, fail) and its settings beside it; transitions
// name states of the same graph.
template <>
struct Codec<aws::stepfunctions::Graph> {
  static bool read(const YAML::Node& n, aws::stepfunctions::Graph& v, Context& c);
  static Schema schema();
};

// kinds_state_machine.cpp -----------------------------------------------------------------------

// stepfunctions.StateMachine, of stepfunctions_kinds().
struct Kind;
Kind state_machine_kind();

}  // namespace drdb::spec
