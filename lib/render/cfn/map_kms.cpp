#include "drdb/aws/kms/alias.hpp"
#include "drdb/aws/kms/key.hpp"
#include "drdb/l1/cfn/kms.hpp"
#include "render/cfn/cfn_mapper.hpp"

namespace drdb::render::cfn {

namespace l1 = drdb::l1::cfn::kms;

void CfnMapper::visit(const aws::kms::Key& key) {
  const auto& props = key.props();
  l1::Key r;
  if (!props.description.empty()) r.description = props.description;
  r.enable_key_rotation = props.enable_key_rotation;
  if (props.rotation_period_in_days) r.rotation_period_in_days = *props.rotation_period_in_days;
  r.pending_window_in_days = props.pending_window_in_days;
  r.key_policy = key.policy().to_value();
  const auto& out = emit(key, r);
  bind_ref(key, "KeyId", out);
  bind(key, "Arn", out, "Arn");
}

void CfnMapper::visit(const aws::kms::Alias& alias) {
  l1::Alias r;
  r.alias_name = alias.props().alias_name;
  if (alias.props().key != nullptr) r.target_key_id = alias.props().key->key_id();  // none: reported by validate
  const auto& out = emit(alias, r);
  bind_ref(alias, "Name", out);
}

}  // namespace drdb::render::cfn
