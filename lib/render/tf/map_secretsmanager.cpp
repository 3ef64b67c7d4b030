#include "drdb/aws/kms/key.hpp"
#include "drdb/aws/secretsmanager/secret.hpp"
#include "drdb/l1/tf/secretsmanager.hpp"
#include "render/tf/tf_mapper.hpp"

namespace drdb::render::tf {

namespace l1 = drdb::l1::tf;

// Terraform has no server-side generation for aws_secretsmanager_secret, and the `random`
// provider would keep the password in the state (and is not installable offline): a generated
// secret is created empty, with a warning, and its value is set out of band. No password is ever
// written to the module or the state. See docs/ARCHITECTURE.md (Secrets Manager).
void TfMapper::visit(const aws::secretsmanager::Secret& secret) {
  const auto& props = secret.props();
  l1::aws_secretsmanager_secret r;
  r.name = secret.secret_name();
  if (!props.description.empty()) r.description = props.description;
  if (props.kms_key != nullptr) r.kms_key_id = props.kms_key->key_arn();
  if (props.generate)
    diagnostics().warning(secret.path(),
                          "Terraform cannot generate the secret's password: the secret is created empty",
                          "set its value out of band after apply (aws secretsmanager put-secret-value, or a "
                          "rotation function); CloudFormation generates it at deploy time");
  const auto& out = emit(secret, r);
  bind(secret, "Arn", out, "arn");
}

void TfMapper::visit(const aws::secretsmanager::RotationSchedule& schedule) {
  using Rotation = l1::aws_secretsmanager_secret_rotation;
  const auto& rotation = schedule.rotation();
  Rotation r;
  r.secret_id = schedule.secret().secret_arn();
  r.rotation_lambda_arn = rotation.rotation_lambda_arn;
  Rotation::RotationRules rules;
  if (rotation.automatically_after_days) rules.automatically_after_days = *rotation.automatically_after_days;
  if (!rotation.schedule_expression.empty()) rules.schedule_expression = rotation.schedule_expression;
  if (!rotation.duration.empty()) rules.duration = rotation.duration;
  r.rotation_rules = ListOf<Rotation::RotationRules>{rules};
  r.rotate_immediately = rotation.rotate_immediately;
  emit(schedule, r);
}

}  // namespace drdb::render::tf
