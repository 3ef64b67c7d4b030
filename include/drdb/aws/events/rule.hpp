// EventBridge rules (AWS::Events::Rule; aws_cloudwatch_event_rule + one aws_cloudwatch_event_target
// per target): a schedule and/or an event pattern, and up to five targets. Adding a target also
// grants EventBridge what it needs to reach it, and nothing more: the Lambda invoke permission for
// this rule, a role allowed to start exactly that state machine, the queue policy statement for
// this rule.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "drdb/aws/events/event_pattern.hpp"
#include "drdb/aws/events/schedule.hpp"
#include "drdb/aws/events/target_input.hpp"
#include "drdb/core/resource.hpp"

namespace drdb::aws::iam {
class Role;
}
namespace drdb::aws::kms {
class Key;
}
namespace drdb::aws::lambda {
class Function;
}
namespace drdb::aws::sqs {
class Queue;
}
namespace drdb::aws::stepfunctions {
class StateMachine;
}

namespace drdb::aws::events {

struct TargetOptions {
  std::string id;  // unique in the rule; empty: the target construct's id
  TargetInput input = TargetInput::event();
  // State machine targets: the role EventBridge assumes; null: the rule's own (events_role()).
  // Either way it gets states:StartExecution on that state machine only.
  iam::Role* role = nullptr;
  std::string message_group_id;              // FIFO queue targets (required there)
  std::optional<int> max_retry_attempts;     // 0-185 (EventBridge's default: 185)
  std::optional<int> max_event_age_seconds;  // 60-86400 (default: 86400)
};

// One target as the rule renders it.
struct RuleTarget {
  std::string id;
  Str arn;
  std::string what;  // "Lambda function App/S/Fn", for diagnostics
  std::optional<Str> role_arn;
  TargetInput input = TargetInput::event();
  std::string message_group_id;
  std::optional<int> max_retry_attempts;
  std::optional<int> max_event_age_seconds;
  bool fifo_queue = false;
  bool role_unused = false;  // TargetOptions::role given for a target that takes none
  // An SQS queue encrypted with this key: its key policy must let EventBridge use it.
  const kms::Key* queue_key = nullptr;
};

class Rule : public Resource {
 public:
  struct Props {
    std::string rule_name;  // empty: generated
    std::string description;
    std::optional<Schedule> schedule;
    std::optional<EventPattern> event_pattern;
    bool enabled = true;
    std::string event_bus_name = "default";  // schedules run on the default bus only
    // EventBridge's event pattern size quota (characters); raise it only with the account's quota.
    std::size_t max_event_pattern_size = 2048;
  };
  Rule(const Scope& scope, Props props);

  const Props& props() const { return props_; }
  Str rule_arn() const { return attr("Arn"); }
  Str rule_name() const { return attr("Name"); }

  // Targets. Each adds what EventBridge needs to reach it (see the top of this file).
  void add_lambda_target(lambda::Function& function, TargetOptions options = {});
  void add_state_machine_target(stepfunctions::StateMachine& machine, TargetOptions options = {});
  void add_queue_target(sqs::Queue& queue, TargetOptions options = {});
  // Any other target, as rendered; the caller grants EventBridge access to it.
  void add_target(RuleTarget target) { targets_.push_back(std::move(target)); }
  const std::vector<RuleTarget>& targets() const { return targets_; }

  // The role EventBridge assumes for targets that need one (child "EventsRole"), created on first use.
  iam::Role& events_role();

  void validate(Diagnostics& out) const override;
  void accept(ResourceVisitor& v) const override;

 private:
  RuleTarget base_target(const Construct& destination, std::string what, Str arn, TargetOptions& options) const;

  Props props_;
  std::vector<RuleTarget> targets_;
  iam::Role* events_role_ = nullptr;
};

}  // namespace drdb::aws::events
