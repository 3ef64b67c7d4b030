// VPC flow logs: to CloudWatch Logs (a log group and the role that delivers to it are created as
// children) or to an S3 bucket. A child of the VPC it records, owned (Vpc) or imported.
#pragma once

#include <string_view>

#include "drdb/aws/logs/log_group.hpp"
#include "drdb/core/resource.hpp"

namespace drdb::aws::iam {
class Role;
}
namespace drdb::aws::kms {
class Key;
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

class FlowLog : public Resource {
 public:
  struct Props {
    FlowLogDestination destination;  // CloudWatch Logs unless given
    FlowLogTraffic traffic = FlowLogTraffic::All;
    // CloudWatch Logs: the log group's retention, and the key that encrypts it (none: the service's
    // own encryption; the key needs logs::allow_log_encryption).
    logs::Retention retention = logs::Retention::OneYear;
    const kms::Key* kms_key = nullptr;
    int max_aggregation_interval = 600;   // seconds: 60 or 600
  };
  FlowLog(const Scope& scope, Props props);

  const Props& props() const { return props_; }
  // The VPC it records: its parent.
  const IVpc* vpc() const;
  // CloudWatch Logs destination only (null otherwise).
  const logs::LogGroup* log_group() const { return log_group_; }
  const iam::Role* role() const { return role_; }
  Str flow_log_id() const { return attr("Id"); }

  void validate(Diagnostics& out) const override;
  void accept(ResourceVisitor& v) const override;

 private:
  Props props_;
  const logs::LogGroup* log_group_ = nullptr;
  const iam::Role* role_ = nullptr;
};

}  // namespace drdb::aws::ec2
