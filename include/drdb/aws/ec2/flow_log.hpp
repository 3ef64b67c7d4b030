// VPC flow logs: to CloudWatch Logs (a log group and the role that delivers to it are created as
// children) or to an S3 bucket. A child of the VPC it records, owned (Vpc) or imported.
#pragma once

#include <string_view>

#include "drdb/core/resource.hpp"

namespace drdb::aws::iam {
class Role;
}

namespace drdb::aws::ec2 {

class IVpc;

enum class FlowLogTraffic { All, Accept, Reject };
// "ALL", "ACCEPT", "REJECT": the EC2 API's names, which both targets use.
std::string_view to_string(FlowLogTraffic traffic);

struct FlowLogDestination {
  enum class Kind { CloudWatchLogs, S3 } kind = Kind::CloudWatchLogs;
  Str bucket_arn = "";  // S3: the bucket's ARN (bucket.arn(), or a literal), optionally with a /prefix
  static FlowLogDestination cloudwatch_logs() { return {}; }
  static FlowLogDestination s3(Str bucket_arn) { return {Kind::S3, std::move(bucket_arn)}; }
};

class FlowLogGroup;

class FlowLog : public Resource {
 public:
  struct Props {
    FlowLogDestination destination;  // CloudWatch Logs unless given
    FlowLogTraffic traffic = FlowLogTraffic::All;
    int retention_days = 365;             // CloudWatch Logs: one of the values the service accepts
    int max_aggregation_interval = 600;   // seconds: 60 or 600
  };
  FlowLog(const Scope& scope, Props props);

  const Props& props() const { return props_; }
  // The VPC it records: its parent.
  const IVpc* vpc() const;
  // CloudWatch Logs destination only (null otherwise).
  const FlowLogGroup* log_group() const { return log_group_; }
  const iam::Role* role() const { return role_; }
  Str flow_log_id() const { return attr("Id"); }

  void validate(Diagnostics& out) const override;
  void accept(ResourceVisitor& v) const override;

 private:
  Props props_;
  const FlowLogGroup* log_group_ = nullptr;
  const iam::Role* role_ = nullptr;
};

// The log group of a flow log (kept when the stack is deleted, like other recorded data).
class FlowLogGroup : public Resource {
 public:
  struct Props {
    int retention_days = 365;
  };
  FlowLogGroup(const Scope& scope, Props props);

  const Props& props() const { return props_; }
  Str log_group_name() const { return attr("Name"); }
  // arn:<partition>:logs:<region>:<account>:log-group:<name>, the same in both targets (CloudFormation's
  // Arn attribute would add ":*", Terraform's would not).
  Str arn() const;

  void accept(ResourceVisitor& v) const override;

 private:
  Props props_;
};

}  // namespace drdb::aws::ec2
