#include "drdb/aws/kms/key.hpp"
#include "drdb/aws/logs/log_group.hpp"
#include "drdb/l1/tf/logs.hpp"
#include "render/tf/tf_mapper.hpp"

namespace drdb::render::tf {

void TfMapper::visit(const aws::logs::LogGroup& group) {
  const auto& props = group.props();
  drdb::l1::tf::aws_cloudwatch_log_group r;
  if (props.log_group_name) r.name = *props.log_group_name;
  r.retention_in_days = aws::logs::days(props.retention);  // 0: never expire
  if (props.kms_key != nullptr) r.kms_key_id = props.kms_key->key_arn();
  // A retained group is only dropped from the state when Terraform destroys it, with or without a
  // removed block, as CloudFormation's Retain keeps it.
  if (group.removal_policy() == RemovalPolicy::Retain) r.skip_destroy = true;
  const auto& out = emit(group, r);
  bind(group, "Name", out, "name");
}

}  // namespace drdb::render::tf
