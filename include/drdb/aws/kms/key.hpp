// KMS keys (symmetric, for encryption): rotated yearly by default, retained when removed from the
// stack, used by S3 buckets now and by EMR security configurations and secrets through
// key_arn() / key_id().
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "drdb/aws/iam/policy.hpp"
#include "drdb/core/resource.hpp"

namespace drdb::aws::iam {
class Role;
}

namespace drdb::aws::kms {

class Alias;

class Key : public Resource {
 public:
  struct Props {
    std::string description;
    std::string alias;  // "alias/<name>": creates the child Alias "Alias"
    bool enable_key_rotation = true;
    std::optional<int> rotation_period_in_days;  // 90-2560 (AWS's default: 365)
    int pending_window_in_days = 30;             // 7-30: how long a deleted key can be recovered
    // The key policy statement AWS itself installs by default: the account root may do everything
    // with the key ("kms:*", which is why it carries allow_wildcard_actions). It does not open the
    // key to the whole account; it delegates the decision to IAM, so the account's IAM policies
    // (grant_* below) say who may use the key, and the key can never become unmanageable. Turn it
    // off only with statements of your own (add_to_policy) that keep an administrator.
    bool trust_account = true;
  };
  Key(const Scope& scope, Props props);

  const Props& props() const { return props_; }
  Str key_arn() const { return attr("Arn"); }
  Str key_id() const { return attr("KeyId"); }
  const Alias* alias() const { return alias_; }

  // Adds a statement to the key policy (a resource policy: give principals, and "*" as resource).
  void add_to_policy(iam::Statement statement) { extra_statements_.push_back(std::move(statement)); }
  // The account statement (when trusted) and the added ones.
  iam::PolicyDocument policy() const;

  // Use of this key by a role, added to the role's policy.
  void grant(iam::Role& role, std::vector<std::string> actions, iam::Conditions conditions = {}) const;
  void grant_encrypt(iam::Role& role) const;  // kms:Encrypt, kms:GenerateDataKey
  void grant_decrypt(iam::Role& role) const;  // kms:Decrypt
  void grant_encrypt_decrypt(iam::Role& role) const;

  void validate(Diagnostics& out) const override;
  void accept(ResourceVisitor& v) const override;

 private:
  Props props_;
  std::vector<iam::Statement> extra_statements_;
  Alias* alias_ = nullptr;
};

}  // namespace drdb::aws::kms
