#include "drdb/aws/ec2/flow_log.hpp"

#include <algorithm>
#include <array>

#include "drdb/aws/ec2/ivpc.hpp"
#include "drdb/aws/iam/role.hpp"
#include "drdb/core/diagnostics.hpp"
#include "drdb/core/stack.hpp"
#include "render/common/resource_visitor.hpp"

namespace drdb::aws::ec2 {

namespace {

// The retention periods CloudWatch Logs accepts, in days.
constexpr std::array<int, 22> retention_values = {1,   3,   5,   7,   14,   30,   60,   90,   120,  150,  180,
                                                  365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653};

std::string nearest_retentions(int days) {
  const auto at = std::lower_bound(retention_values.begin(), retention_values.end(), days);
  std::string out;
  if (at != retention_values.begin()) out = std::to_string(*(at - 1));
  if (at != retention_values.end()) out += (out.empty() ? "" : " or ") + std::to_string(*at);
  return out;
}

// arn:<partition>:logs:<region>:<account>:log-group:<name><suffix>
Str log_group_arn(const FlowLogGroup& group, std::string suffix) {
  List parts{"arn:", Pseudo::Partition, ":logs:", Pseudo::Region, ":", Pseudo::AccountId, ":log-group:",
             group.log_group_name().value()};
  if (!suffix.empty()) parts.emplace_back(std::move(suffix));
  return Join{"", std::move(parts)};
}

}  // namespace

std::string_view to_string(FlowLogTraffic traffic) {
  switch (traffic) {
    case FlowLogTraffic::All: return "ALL";
    case FlowLogTraffic::Accept: return "ACCEPT";
    case FlowLogTraffic::Reject: return "REJECT";
  }
  return {};
}

FlowLog::FlowLog(const Scope& scope, Props props) : Resource(scope), props_(std::move(props)) {
  tag("Name", path());  // how the console lists it (and its log group and role)
  if (props_.destination.kind != FlowLogDestination::Kind::CloudWatchLogs) return;
  auto& group = add<FlowLogGroup>("LogGroup", {.retention_days = props_.retention_days});
  auto& role = add<iam::Role>("Role", {.assumed_by = {iam::Principal::service("vpc-flow-logs.amazonaws.com")},
                                       .description = "Delivers the flow logs of " + scope.parent().path() + " to CloudWatch Logs"});
  // What the delivery service calls, on this log group's streams only.
  role.add_to_policy({.actions = {"logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"},
                      .resources = {log_group_arn(group, ":*")}});
  log_group_ = &group;
  role_ = &role;
}

const IVpc* FlowLog::vpc() const { return dynamic_cast<const IVpc*>(scope()); }

void FlowLog::validate(Diagnostics& out) const {
  if (vpc() == nullptr)
    out.error(path(), "a flow log must be created in the VPC it records", "use vpc.add_flow_log(...) or the VPC's .flow_logs");
  if (props_.max_aggregation_interval != 60 && props_.max_aggregation_interval != 600)
    out.error(path(), "max_aggregation_interval is " + std::to_string(props_.max_aggregation_interval) + " seconds",
              "use 60 or 600");
  if (props_.destination.kind == FlowLogDestination::Kind::S3) {
    const auto& arn = props_.destination.bucket_arn;
    if (arn.is_literal() && arn.value().as_string().rfind("arn:", 0) != 0)
      out.error(path(), "the S3 destination \"" + arn.value().as_string() + "\" is not a bucket ARN",
                "use bucket.arn() or \"arn:aws:s3:::bucket-name\"");
    return;
  }
  if (!std::binary_search(retention_values.begin(), retention_values.end(), props_.retention_days))
    out.error(path(), "retention_days " + std::to_string(props_.retention_days) + " is not a period CloudWatch Logs accepts",
              "use " + nearest_retentions(props_.retention_days) + " (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288 or 3653)");
}

FlowLogGroup::FlowLogGroup(const Scope& scope, Props props) : Resource(scope), props_(props) {
  default_removal_policy(RemovalPolicy::Retain);  // recorded traffic outlives the stack unless asked otherwise
}

Str FlowLogGroup::arn() const { return log_group_arn(*this, {}); }

void FlowLog::accept(ResourceVisitor& v) const { v.visit(*this); }
void FlowLogGroup::accept(ResourceVisitor& v) const { v.visit(*this); }

}  // namespace drdb::aws::ec2
