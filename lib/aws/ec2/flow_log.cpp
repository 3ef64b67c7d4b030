#include "drdb/aws/ec2/flow_log.hpp"

#include "drdb/aws/ec2/ivpc.hpp"
#include "drdb/aws/iam/role.hpp"
#include "drdb/core/diagnostics.hpp"
#include "drdb/core/stack.hpp"
#include "core/resource_visitor.hpp"

namespace drdb::aws::ec2 {

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
  // Kept when the stack is deleted, like other recorded data (logs::LogGroup's default).
  auto& group = add<logs::LogGroup>("LogGroup", {.retention = props_.retention, .kms_key = props_.kms_key});
  auto& role = add<iam::Role>("Role", {.assumed_by = {iam::Principal::service("vpc-flow-logs.amazonaws.com")},
                                       .description = "Delivers the flow logs of " + scope.parent().path() + " to CloudWatch Logs"});
  // What the delivery service calls, on this log group's streams only.
  role.add_to_policy({.actions = {"logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"},
                      .resources = {group.log_group_arn() + ":*"}});
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
    if (props_.kms_key != nullptr)
      out.error(path(), "kms_key encrypts a CloudWatch Logs destination, and this flow log writes to S3",
                "remove kms_key (the bucket's own encryption applies), or deliver to CloudWatch Logs");
  }
}

void FlowLog::accept(ResourceVisitor& v) const { v.visit(*this); }

}  // namespace drdb::aws::ec2
