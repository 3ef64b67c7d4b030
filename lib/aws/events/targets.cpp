// Rule targets: each grants EventBridge exactly what reaching the target needs, scoped to this rule.
#include "drdb/aws/events/rule.hpp"
#include "drdb/aws/iam/role.hpp"
#include "drdb/aws/lambda/function.hpp"
#include "drdb/aws/sqs/queue.hpp"
#include "drdb/aws/stepfunctions/state_machine.hpp"
#include "drdb/core/logical_id.hpp"

namespace drdb::aws::events {

namespace {

constexpr std::string_view events_principal = "events.amazonaws.com";

}  // namespace

void Rule::add_lambda_target(lambda::Function& function, TargetOptions options) {
  auto t = base_target(function, "Lambda function " + function.path(), function.function_arn(), options);
  const auto id = "AllowEvents" + logical_id(*this);  // one per rule and function
  if (function.find_child(id) == nullptr)
    function.allow_invocation(id, std::string(events_principal), rule_arn());
  add_target(std::move(t));
}

void Rule::add_state_machine_target(stepfunctions::StateMachine& machine, TargetOptions options) {
  iam::Role& role = options.role != nullptr ? *options.role : events_role();
  machine.grant_start_execution(role);
  auto t = base_target(machine, "state machine " + machine.path(), machine.state_machine_arn(), options);
  t.role_arn = role.arn();
  t.role_unused = false;
  add_target(std::move(t));
}

void Rule::add_queue_target(sqs::Queue& queue, TargetOptions options) {
  auto t = base_target(queue, "SQS queue " + queue.path(), queue.queue_arn(), options);
  t.fifo_queue = queue.props().fifo;
  t.queue_key = queue.key();
  queue.add_to_resource_policy({.actions = {"sqs:SendMessage"},
                                .resources = {queue.queue_arn()},
                                .principals = {iam::Principal::service(std::string(events_principal))},
                                .conditions = {{"ArnEquals", {{"aws:SourceArn", {rule_arn()}}}}}});
  add_target(std::move(t));
}

}  // namespace drdb::aws::events
