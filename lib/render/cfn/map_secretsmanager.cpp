#include "drdb/aws/kms/key.hpp"
#include "drdb/aws/secretsmanager/secret.hpp"
#include "drdb/l1/cfn/secretsmanager.hpp"
#include "render/cfn/cfn_mapper.hpp"

namespace drdb::render::cfn {

namespace l1 = drdb::l1::cfn::secretsmanager;

namespace {

l1::Secret::GenerateSecretString generation(const aws::secretsmanager::GeneratedSecret& g) {
  l1::Secret::GenerateSecretString r;
  r.password_length = g.password_length;
  if (!g.exclude_characters.empty()) r.exclude_characters = g.exclude_characters;
  r.exclude_punctuation = g.exclude_punctuation;
  r.exclude_numbers = g.exclude_numbers;
  r.exclude_uppercase = g.exclude_uppercase;
  r.exclude_lowercase = g.exclude_lowercase;
  r.include_space = g.include_space;
  r.require_each_included_type = g.require_each_included_type;
  if (!g.secret_string_template.empty()) {
    r.secret_string_template = Str::of(json_string(Value(g.secret_string_template)));
    r.generate_string_key = g.generate_string_key;
  }
  return r;
}

}  // namespace

// Secrets Manager generates the password when the stack is created: it is never in the template.
// Without generation the secret is created empty and set out of band.
void CfnMapper::visit(const aws::secretsmanager::Secret& secret) {
  const auto& props = secret.props();
  l1::Secret r;
  r.name = secret.secret_name();
  if (!props.description.empty()) r.description = props.description;
  if (props.kms_key != nullptr) r.kms_key_id = props.kms_key->key_arn();
  if (props.generate) r.generate_secret_string = generation(*props.generate);
  const auto& out = emit(secret, r);
  bind_ref(secret, "Arn", out);
}

void CfnMapper::visit(const aws::secretsmanager::RotationSchedule& schedule) {
  const auto& rotation = schedule.rotation();
  l1::RotationSchedule r;
  r.secret_id = schedule.secret().secret_arn();
  r.rotation_lambda_arn = rotation.rotation_lambda_arn;
  l1::RotationSchedule::RotationRules rules;
  if (rotation.automatically_after_days) rules.automatically_after_days = *rotation.automatically_after_days;
  if (!rotation.schedule_expression.empty()) rules.schedule_expression = rotation.schedule_expression;
  if (!rotation.duration.empty()) rules.duration = rotation.duration;
  r.rotation_rules = rules;
  r.rotate_immediately_on_update = rotation.rotate_immediately;
  emit(schedule, r);
}

}  // namespace drdb::render::cfn
