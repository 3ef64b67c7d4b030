// events.Rule in specs: a schedule and/or an event pattern (events_codecs.hpp), and its targets —
// Lambda functions, SQS queues, and the state machines of workflow kinds.
#include "drdb/aws/events/rule.hpp"
#include "drdb/aws/iam/role.hpp"
#include "drdb/aws/lambda/function.hpp"
#include "drdb/aws/sqs/queue.hpp"
#include "drdb/aws/stepfunctions/cluster_lifecycle.hpp"
#include "drdb/aws/stepfunctions/ensure_cluster_run_step.hpp"
#include "drdb/core/error.hpp"
#include "spec/events_codecs.hpp"
#include "spec/flat_fields.hpp"
#include "spec/kind.hpp"
#include "spec/kind_names.hpp"

namespace drdb::spec {

using aws::events::Rule;
using aws::events::TargetOptions;
using aws::stepfunctions::StateMachine;

namespace {

// A state machine a rule starts, named by the id of the resource that owns it.
struct StateMachineRef {
  StateMachine* machine = nullptr;
};

using StateMachineOwner = std::pair<std::string_view, StateMachine* (*)(Construct&)>;

// Kind C's name, and its state machine for a resource of that kind (null for other resources).
template <class C>
constexpr StateMachineOwner owner() {
  return {KindName<C>::value, [](Construct& resource) -> StateMachine* {
            auto* typed = dynamic_cast<C*>(&resource);
            return typed != nullptr ? &typed->state_machine() : nullptr;
          }};
}

// A state machine written state by state (stepfunctions.StateMachine) is its own.
constexpr StateMachineOwner itself() {
  return {KindName<StateMachine>::value, [](Construct& resource) -> StateMachine* { return dynamic_cast<StateMachine*>(&resource); }};
}

// The kinds whose resources are or own a state machine a rule can start: a kind owning one
// (through a state_machine() accessor) adds its row here.
constexpr StateMachineOwner state_machine_owners[] = {owner<aws::stepfunctions::ClusterLifecycle>(),
                                                      owner<aws::stepfunctions::EnsureClusterRunStep>(), itself()};

std::string state_machine_owner_names() {
  std::string out;
  for (const auto& [kind, get] : state_machine_owners) out += (out.empty() ? "" : " or ") + std::string(kind);
  return out;
}

struct TargetSpec {
  aws::lambda::Function* function = nullptr;
  aws::sqs::Queue* queue = nullptr;
  StateMachineRef state_machine;
  TargetOptions options;
};

struct RuleActions {
  std::vector<TargetSpec> targets;
};

}  // namespace

template <>
struct Codec<StateMachineRef> {
  static bool read(const YAML::Node& n, StateMachineRef& v, Context& c) {
    if (!detail::scalar(n, c, "the id of a resource")) return false;
    const std::string& id = n.Scalar();
    if (c.kind_of(id).empty()) {
      std::vector<std::string_view> owners;
      for (const auto& [name, kind] : c.declared())
        for (const auto& [owner_kind, get] : state_machine_owners)
          if (kind == owner_kind) owners.push_back(name);
      c.unknown(n, "resource with a state machine", owners);
      return false;
    }
    Construct* found = detail::resource(n, "", c);
    if (found == nullptr) return false;
    try {
      for (const auto& [kind, get] : state_machine_owners)
        if ((v.machine = get(*found)) != nullptr) return true;
    } catch (const Error& e) {  // an owner whose settings give it no state machine
      c.error(n, e.what(), "complete the settings of " + id);
      return false;
    }
    c.error(n, "\"" + id + "\" is a " + c.kind_of(id) + ", which has no state machine",
            "refer to a " + state_machine_owner_names());
    return false;
  }
  static Schema schema() {
    return {{"type", "string"}, {"description", "the id of a " + state_machine_owner_names() + " of this stack"}};
  }
};

template <>
struct Fields<TargetOptions> {
  static constexpr std::string_view name = "target";
  static const FieldList<TargetOptions>& get() {
    using O = TargetOptions;
    static const FieldList<O> list{
        field("id", &O::id, "unique in the rule; default: the target's id"),
        field("input", &O::input, "default: the matched event; or {json: ...}, {path: ...}, {transformer: ...}"),
        field("role", &O::role, "state machine targets: the iam.Role EventBridge assumes; default: one of the rule's own"),
        field("message_group_id", &O::message_group_id, "FIFO queue targets (required there)"),
        field("max_retry_attempts", &O::max_retry_attempts, "0-185 (default 185)"),
        field("max_event_age_seconds", &O::max_event_age_seconds, "60-86400 (default 86400)")};
    return list;
  }
};

template <>
struct FlatFields<TargetSpec> {
  static constexpr std::string_view name = "target";
  static constexpr auto nested = &TargetSpec::options;
  static constexpr std::array<std::string_view, 3> choice{"function", "queue", "state_machine"};
  static const FieldList<TargetSpec>& get() {
    static const FieldList<TargetSpec> list{
        field("function", &TargetSpec::function, "a lambda.Function, allowed to be invoked by this rule"),
        field("queue", &TargetSpec::queue, "an sqs.Queue, whose policy lets this rule send"),
        field("state_machine", &TargetSpec::state_machine, "a workflow whose state machine this rule starts")};
    return list;
  }
};

template <>
struct Fields<RuleActions> {
  static constexpr std::string_view name = "events.Rule";
  static const FieldList<RuleActions>& get() {
    static const FieldList<RuleActions> list{field("targets", &RuleActions::targets, "up to five")};
    return list;
  }
};

template <>
struct Fields<Rule::Props> {
  static constexpr std::string_view name = "events.Rule";
  static const FieldList<Rule::Props>& get() {
    using P = Rule::Props;
    static const FieldList<P> list{
        field("rule_name", &P::rule_name, "empty: generated"),
        field("description", &P::description, ""),
        field("schedule", &P::schedule, "{cron: {...}}, {rate: {value, unit}} or {expression: ...}"),
        field("event_pattern", &P::event_pattern,
              "{s3_object_created: ...}, {emr_cluster_state_change: ...}, {emr_step_status_change: ...} or {custom: ...}"),
        field("enabled", &P::enabled, "on by default"),
        field("event_bus_name", &P::event_bus_name, "default: the default bus (the only one schedules run on)"),
        field("max_event_pattern_size", &P::max_event_pattern_size, "characters (default 2048); raise only with the quota")};
    return list;
  }
};

std::vector<Kind> events_kinds() {
  return {make_kind<Rule, RuleActions>(
      "an EventBridge rule: a schedule and/or an event pattern; each target is granted what reaching it needs",
      {{"rule_arn", [](const Rule& r) { return r.rule_arn(); }}, {"rule_name", [](const Rule& r) { return r.rule_name(); }}},
      [](Rule& rule, const RuleActions& a) {
        for (const auto& t : a.targets) {
          if (t.function != nullptr) rule.add_lambda_target(*t.function, t.options);
          else if (t.queue != nullptr) rule.add_queue_target(*t.queue, t.options);
          else rule.add_state_machine_target(*t.state_machine.machine, t.options);
        }
      })};
}

}  // namespace drdb::spec
