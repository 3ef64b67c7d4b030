#include "drdb/aws/stepfunctions/state_machine.hpp"

#include <algorithm>

#include "drdb/aws/iam/role.hpp"
#include "drdb/aws/logs/log_group.hpp"
#include "drdb/aws/stepfunctions/graph_check.hpp"
#include "drdb/core/stack.hpp"
#include "render/common/json_text.hpp"
#include "core/resource_visitor.hpp"

namespace drdb::aws::stepfunctions {

namespace {

template <class F>
void each_state(const Graph& graph, F&& f) {
  for (const auto& s : graph.states()) {
    f(*s);
    for (const auto* sub : s->subgraphs()) each_state(*sub, f);
  }
}

bool valid_machine_name(const std::string& name) {
  // Step Functions refuses whitespace, brackets, wildcards, special characters and control characters.
  static const std::string refused = " <>{}[]?*\"#%\\^|~`$&,;:/";
  return std::none_of(name.begin(), name.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) == 0x7f || refused.find(c) != std::string::npos;
  });
}

}  // namespace

std::string_view state_machine_type_name(StateMachineType type) { return type == StateMachineType::Express ? "EXPRESS" : "STANDARD"; }

std::string_view log_level_name(LogLevel level) {
  switch (level) {
    case LogLevel::All: return "ALL";
    case LogLevel::Error: return "ERROR";
    case LogLevel::Fatal: return "FATAL";
    case LogLevel::Off: return "OFF";
  }
  return "";
}

StateMachine::StateMachine(const Scope& scope, Props props) : Construct(scope), props_(std::move(props)) {
  resource_ = &add<StateMachineResource>("Resource");
  role_ = props_.role;
  if (role_ == nullptr)
    role_ = &add<iam::Role>("Role", {.assumed_by = {iam::Principal::service("states.amazonaws.com")},
                                     .description = "Step Functions state machine " + path(),
                                     .trust_conditions = {{"StringEquals", {{"aws:SourceAccount", {pseudo::account_id()}}}}}});
  if (props_.logging && props_.logging->level != LogLevel::Off) {
    log_group_ = props_.logging->destination;
    if (log_group_ == nullptr) log_group_ = &add<logs::LogGroup>("Logs", {});
    // Log delivery is configured through CloudWatch Logs' vended-logs APIs, which take no resource.
    role_->add_to_policy({.actions = {"logs:CreateLogDelivery", "logs:DeleteLogDelivery", "logs:DescribeLogGroups",
                                      "logs:DescribeResourcePolicies", "logs:GetLogDelivery", "logs:ListLogDeliveries",
                                      "logs:PutResourcePolicy", "logs:UpdateLogDelivery"},
                          .resources = {Str("*")}});
  }
  if (props_.tracing)
    role_->add_to_policy({.actions = {"xray:GetSamplingRules", "xray:GetSamplingTargets", "xray:PutTelemetryRecords", "xray:PutTraceSegments"},
                          .resources = {Str("*")}});
  grant_graph(*role_);
  resource_->add_dependency(*role_);
  states_at_creation_ = props_.definition.total_states();
}

void StateMachine::grant_graph(iam::Role& role) const {
  each_state(props_.definition, [&](const State& s) {
    if (const auto* call = s.call())
      for (const auto& statement : call->statements) role.add_to_policy(statement);
  });
}

void StateMachine::grant_start_execution(iam::Role& role) const {
  role.add_to_policy({.actions = {"states:StartExecution"}, .resources = {state_machine_arn()}});
}

Value StateMachine::definition(Diagnostics& out) const {
  auto doc = props_.definition.to_value(out, path());
  auto& object = doc.as_object();
  if (!props_.comment.empty()) object.emplace("Comment", props_.comment);
  if (props_.timeout_seconds) object.emplace("TimeoutSeconds", *props_.timeout_seconds);
  return doc;
}

void StateMachine::validate(Diagnostics& out) const {
  const auto p = path();
  check_graph(props_.definition, p, out);
  if (props_.definition.total_states() != states_at_creation_)
    out.error(p, "states were added to the graph after it was given to the state machine (their permissions are missing from its role)",
              "build the whole graph, branches included, before creating the StateMachine");
  const auto bytes = render::literal_json_size(definition(out));
  if (bytes > max_definition_bytes)
    out.error(p, "the definition is at least " + std::to_string(bytes) + " bytes; Step Functions accepts 1 MiB (1,048,576 bytes)",
              "split the workflow into several state machines (a Task can start another with states:startExecution.sync)");
  if (props_.type == StateMachineType::Express)
    each_state(props_.definition, [&](const State& s) {
      if (const auto* call = s.call(); call != nullptr && call->pattern != IntegrationPattern::RequestResponse)
        out.error(p, "state \"" + s.name() + "\": an EXPRESS state machine cannot wait for a job (.sync) or a task token",
                  "use StateMachineType::Standard, or the request/response form of the call");
    });
  const auto& name = props_.state_machine_name;
  if (!name.empty() && (name.size() > 80 || !valid_machine_name(name)))
    out.error(p, "state_machine_name \"" + name + "\" is not a valid name",
              "use 1-80 letters, digits, '-' and '_' (no spaces, brackets, wildcards or punctuation)");
  if (props_.timeout_seconds && *props_.timeout_seconds < 1)
    out.error(p, "timeout_seconds must be positive", "use 1 or more, or leave it unset");
  if (props_.logging && props_.logging->level == LogLevel::Off && props_.logging->destination != nullptr)
    out.warning(p, "logging has a destination but level Off: nothing is logged", "choose a level, or drop the logging");
}

Str StateMachine::state_machine_arn() const { return resource_->attr("Arn"); }
Str StateMachine::state_machine_name() const { return resource_->attr("Name"); }

void StateMachineResource::accept(ResourceVisitor& v) const { v.visit(*this); }

}  // namespace drdb::aws::stepfunctions
