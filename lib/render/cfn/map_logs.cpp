#include "drdb/aws/kms/key.hpp"
#include "drdb/aws/logs/log_group.hpp"
#include "drdb/l1/cfn/logs.hpp"
#include "render/cfn/cfn_mapper.hpp"

namespace drdb::render::cfn {

void CfnMapper::visit(const aws::logs::LogGroup& group) {
  const auto& props = group.props();
  drdb::l1::cfn::logs::LogGroup r;
  if (props.log_group_name) r.log_group_name = *props.log_group_name;
  if (props.retention != aws::logs::Retention::Infinite) r.retention_in_days = aws::logs::days(props.retention);
  if (props.kms_key != nullptr) r.kms_key_id = props.kms_key->key_arn();
  const auto& out = emit(group, r);
  bind_ref(group, "Name", out);
}

}  // namespace drdb::render::cfn
