#include "drdb/aws/kms/alias.hpp"
#include "drdb/aws/kms/key.hpp"
#include "drdb/l1/tf/kms.hpp"
#include "render/tf/tf_mapper.hpp"

namespace drdb::render::tf {

namespace l1 = drdb::l1::tf;

void TfMapper::visit(const aws::kms::Key& key) {
  const auto& props = key.props();
  l1::aws_kms_key r;
  if (!props.description.empty()) r.description = props.description;
  r.enable_key_rotation = props.enable_key_rotation;
  if (props.rotation_period_in_days) r.rotation_period_in_days = *props.rotation_period_in_days;
  r.deletion_window_in_days = props.pending_window_in_days;
  r.policy = key.policy().to_json_string();
  const auto& out = emit(key, r);
  bind(key, "KeyId", out, "key_id");
  bind(key, "Arn", out, "arn");
}

void TfMapper::visit(const aws::kms::Alias& alias) {
  l1::aws_kms_alias r;
  r.name = alias.props().alias_name;
  if (alias.props().key != nullptr) r.target_key_id = alias.props().key->key_id();  // none: reported by validate
  const auto& out = emit(alias, r);
  bind(alias, "Name", out, "name");
}

}  // namespace drdb::render::tf
