// Secret::grant_read: the value of this secret, and its key's use through Secrets Manager only.
#include "drdb/aws/iam/role.hpp"
#include "drdb/aws/kms/key.hpp"
#include "drdb/aws/secretsmanager/secret.hpp"

namespace drdb::aws::secretsmanager {

void Secret::grant_read(iam::Role& role) const {
  role.add_to_policy(
      {.actions = {"secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"}, .resources = {secret_arn()}});
  // Without a customer key the AWS-managed aws/secretsmanager key is used, which every identity of
  // the account may use through Secrets Manager: nothing to grant.
  if (props_.kms_key != nullptr)
    props_.kms_key->grant(
        role, {"kms:Decrypt"},
        {{"StringEquals",
          {{"kms:ViaService", {Join{"", {"secretsmanager.", Pseudo::Region, ".", Pseudo::UrlSuffix}}}}}}});
}

}  // namespace drdb::aws::secretsmanager
