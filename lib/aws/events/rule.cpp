#include "drdb/aws/events/rule.hpp"

#include <regex>
#include <set>

#include "aws/events/key_access.hpp"
#include "drdb/aws/iam/role.hpp"
#include "drdb/aws/kms/key.hpp"
#include "drdb/core/diagnostics.hpp"
#include "core/resource_visitor.hpp"

namespace drdb::aws::events {

namespace {

constexpr std::size_t max_targets = 5;

const std::regex name_re("[.\\-_A-Za-z0-9]{1,64}");

void check_target(const RuleTarget& t, const std::string& path, Diagnostics& out) {
  const std::string where = "target \"" + t.id + "\" (" + t.what + ")";
  if (!std::regex_match(t.id, name_re))
    out.error(path, "target id \"" + t.id + "\" is not valid",
              "use 1-64 letters, digits, '.', '-' and '_' (set TargetOptions::id)");
  t.input.validate(path, where, out);
  if (t.max_retry_attempts && (*t.max_retry_attempts < 0 || *t.max_retry_attempts > 185))
    out.error(path, where + ": max_retry_attempts " + std::to_string(*t.max_retry_attempts) + " is out of range", "use 0-185");
  if (t.max_event_age_seconds && (*t.max_event_age_seconds < 60 || *t.max_event_age_seconds > 86400))
    out.error(path, where + ": max_event_age_seconds " + std::to_string(*t.max_event_age_seconds) + " is out of range",
              "use 60-86400 seconds");
  if (t.role_unused)
    out.error(path, where + ": a role is given, but only state machine targets use one",
              "remove TargetOptions::role (EventBridge reaches functions and queues through their resource policies)");
  if (t.fifo_queue && t.message_group_id.empty())
    out.error(path, where + ": a FIFO queue needs a message group id", "set TargetOptions::message_group_id");
  if (!t.fifo_queue && !t.message_group_id.empty())
    out.error(path, where + ": message_group_id is set but the target is not a FIFO queue", "remove it");
  if (t.queue_key != nullptr)
    check_service_key_access(*t.queue_key, "events.amazonaws.com", path,
                             where + " is encrypted with " + t.queue_key->path() + ", whose key policy does not let EventBridge use it",
                             out);
}

}  // namespace

Rule::Rule(const Scope& scope, Props props) : Resource(scope), props_(std::move(props)) {}

iam::Role& Rule::events_role() {
  if (events_role_ == nullptr)
    events_role_ = &add<iam::Role>(
        "EventsRole", {.assumed_by = {iam::Principal::service("events.amazonaws.com")},
                       .description = "Assumed by EventBridge to reach the targets of " + path(),
                       // Against the confused deputy; the rule's ARN would make the role and the rule depend
                       // on each other.
                       .trust_conditions = {{"StringEquals", {{"aws:SourceAccount", {Str(Pseudo::AccountId)}}}}}});
  return *events_role_;
}

RuleTarget Rule::base_target(const Construct& destination, std::string what, Str arn, TargetOptions& options) const {
  RuleTarget t{.id = options.id.empty() ? destination.id() : options.id, .arn = std::move(arn), .what = std::move(what)};
  t.input = std::move(options.input);
  t.message_group_id = std::move(options.message_group_id);
  t.max_retry_attempts = options.max_retry_attempts;
  t.max_event_age_seconds = options.max_event_age_seconds;
  t.role_unused = options.role != nullptr;
  return t;
}

void Rule::validate(Diagnostics& out) const {
  const auto p = path();
  if (!props_.schedule && !props_.event_pattern)
    out.error(p, "the rule has neither a schedule nor an event pattern",
              "set .schedule (e.g. Schedule::rate(1, RateUnit::Hours)) or .event_pattern");
  if (props_.schedule) {
    for (const auto& problem : props_.schedule->problems()) out.error(p, problem.message, problem.fix);
    if (props_.event_bus_name != "default")
      out.error(p, "a schedule runs only on the default event bus, not on \"" + props_.event_bus_name + "\"",
                "drop .event_bus_name, or put the schedule in a rule of its own");
  }
  if (props_.event_pattern) props_.event_pattern->validate(p, props_.max_event_pattern_size, out);
  if (!props_.rule_name.empty() && !std::regex_match(props_.rule_name, name_re))
    out.error(p, "rule name \"" + props_.rule_name + "\" is not valid", "use 1-64 letters, digits, '.', '-' and '_'");
  if (props_.description.size() > 512)
    out.error(p, "description is " + std::to_string(props_.description.size()) + " characters", "keep it to 512");
  if (props_.event_bus_name.empty()) out.error(p, "event_bus_name is empty", "use \"default\" or the name of a bus");

  if (targets_.size() > max_targets)
    out.error(p, std::to_string(targets_.size()) + " targets; EventBridge allows at most 5 per rule",
              "split the targets over several rules with the same schedule or pattern");
  std::set<std::string> ids;
  for (const auto& t : targets_) {
    if (!ids.insert(t.id).second)
      out.error(p, "two targets have the id \"" + t.id + "\"", "give one of them TargetOptions::id");
    check_target(t, p, out);
  }
}

void Rule::accept(ResourceVisitor& v) const { v.visit(*this); }

}  // namespace drdb::aws::events
