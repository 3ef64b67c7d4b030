// Secrets Manager rules.
#include "drdb/aws/secretsmanager/secret.hpp"
#include "rules/packs.hpp"

namespace drdb::rules {

void register_secretsmanager_rules(Registry& r) {
  r.add<aws::secretsmanager::Secret>(
      {.id = "SECRETSMANAGER.1", .level = Level::Info,
       .rationale = "a customer-managed key lets the key policy, not only IAM, say who may decrypt the secret",
       .fix = "set kms_key to a KMS key of the stack"},
      [](const aws::secretsmanager::Secret& s, Context& c) {
        if (s.props().kms_key == nullptr) c.fire(s, "the secret is encrypted with the AWS-managed aws/secretsmanager key");
      });
}

}  // namespace drdb::rules
