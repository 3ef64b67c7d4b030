#include "drdb/aws/kms/key.hpp"

#include "drdb/aws/iam/role.hpp"
#include "drdb/aws/kms/alias.hpp"
#include "drdb/core/diagnostics.hpp"
#include "core/resource_visitor.hpp"

namespace drdb::aws::kms {

namespace {

// Whether a statement lets someone change the key policy: without one, KMS refuses the policy
// (its lockout safety check) and the key could never be administered again.
bool administers(const iam::Statement& s) {
  if (s.effect != iam::Effect::Allow || s.principals.empty()) return false;
  for (const auto& a : s.actions)
    if (a == "kms:*" || a == "*" || a == "kms:PutKeyPolicy") return true;
  return false;
}

}  // namespace

Key::Key(const Scope& scope, Props props) : Resource(scope), props_(std::move(props)) {
  default_removal_policy(RemovalPolicy::Retain);  // deleting a key makes its data unreadable
  if (!props_.alias.empty()) alias_ = &add<Alias>("Alias", {.alias_name = props_.alias, .key = this});
}

iam::PolicyDocument Key::policy() const {
  iam::PolicyDocument doc;
  if (props_.trust_account)
    doc.add({.sid = "EnableIamUserPermissions",
             .actions = {"kms:*"},
             .resources = {Str("*")},  // in a key policy, "*" is this key
             .principals = {iam::Principal::account_root()},
             .allow_wildcard_actions = true});  // AWS's default key policy; see Props::trust_account
  for (const auto& s : extra_statements_) doc.add(s);
  return doc;
}

void Key::grant(iam::Role& role, std::vector<std::string> actions, iam::Conditions conditions) const {
  role.add_to_policy({.actions = std::move(actions), .resources = {key_arn()}, .conditions = std::move(conditions)});
}

void Key::grant_encrypt(iam::Role& role) const { grant(role, {"kms:Encrypt", "kms:GenerateDataKey"}); }
void Key::grant_decrypt(iam::Role& role) const { grant(role, {"kms:Decrypt"}); }
void Key::grant_encrypt_decrypt(iam::Role& role) const {
  grant(role, {"kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"});
}

void Key::validate(Diagnostics& out) const {
  const auto p = path();
  if (props_.pending_window_in_days < 7 || props_.pending_window_in_days > 30)
    out.error(p, "pending_window_in_days " + std::to_string(props_.pending_window_in_days) + " is out of range",
              "use 7-30 days");
  if (props_.rotation_period_in_days) {
    const int days = *props_.rotation_period_in_days;
    if (!props_.enable_key_rotation)
      out.error(p, "rotation_period_in_days is set but key rotation is off", "set enable_key_rotation = true, or drop the period");
    if (days < 90 || days > 2560)
      out.error(p, "rotation_period_in_days " + std::to_string(days) + " is out of range", "use 90-2560 days");
  }
  if (props_.description.size() > 8192)
    out.error(p, "description is " + std::to_string(props_.description.size()) + " characters long", "keep it to 8192");
  const auto doc = policy();
  if (!doc.empty()) doc.validate(p, "key policy", out, iam::PolicyKind::Resource);
  if (!props_.trust_account) {
    bool administered = false;
    for (const auto& s : extra_statements_) administered = administered || administers(s);
    if (!administered)
      out.error(p, "the key policy lets no one administer the key (KMS refuses such a policy)",
                "keep trust_account = true, or add a statement allowing kms:PutKeyPolicy to an administrator");
    else
      out.warning(p, "trust_account is off: IAM policies (grant_*) give no access to this key",
                  "grant use in the key policy itself with add_to_policy");
  }
}

void Key::accept(ResourceVisitor& v) const { v.visit(*this); }

}  // namespace drdb::aws::kms
