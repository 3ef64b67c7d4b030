#include "drdb/aws/logs/log_group.hpp"

#include "drdb/aws/iam/role.hpp"
#include "drdb/aws/kms/key.hpp"
#include "drdb/core/diagnostics.hpp"
#include "drdb/core/stack.hpp"
#include "core/resource_visitor.hpp"

namespace drdb::aws::logs {

namespace {

// Names the statement allow_log_encryption adds, so validation can find it.
constexpr const char* logs_key_sid = "AllowCloudWatchLogsEncryption";

bool allows_logs(const kms::Key& key) {
  const auto policy = key.policy();  // a value: keep it alive while looking through it
  for (const auto& s : policy.statements())
    if (s.sid == logs_key_sid) return true;
  return false;
}

bool valid_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
         c == '_' || c == '/' || c == '#';
}

}  // namespace

int days(Retention retention) { return static_cast<int>(retention); }

LogGroup::LogGroup(const Scope& scope, Props props) : Resource(scope), props_(std::move(props)) {
  set_removal_policy(props_.removal_policy);
}

Str LogGroup::log_group_arn() const {
  return Join{"", {"arn:", Pseudo::Partition, ":logs:", Pseudo::Region, ":", Pseudo::AccountId, ":log-group:",
                   log_group_name().value()}};
}

void LogGroup::grant_write(iam::Role& role) const {
  // "<group arn>:*" covers the group's streams ("...:log-group:NAME:log-stream:STREAM"), which
  // PutLogEvents acts on, and the group itself in the form CreateLogStream is authorized against.
  role.add_to_policy({.actions = {"logs:CreateLogStream", "logs:PutLogEvents"}, .resources = {log_group_arn() + ":*"}});
}

void LogGroup::validate(Diagnostics& out) const {
  const auto p = path();
  if (props_.log_group_name && props_.log_group_name->is_literal()) {
    const auto& name = props_.log_group_name->value().as_string();
    if (name.empty() || name.size() > 512)
      out.error(p, "log group name \"" + name + "\" must be 1-512 characters long", "shorten it, or leave it empty to have one generated");
    for (char c : name)
      if (!valid_name_char(c)) {
        out.error(p, "log group name \"" + name + "\" contains '" + std::string(1, c) + "'",
                  "use letters, digits and . - _ / # only");
        break;
      }
  }
  if (props_.retention == Retention::Infinite)
    out.warning(p, "logs are kept forever (Retention::Infinite)", "choose a finite retention such as Retention::OneYear");
  if (props_.kms_key != nullptr) {
    if (!allows_logs(*props_.kms_key))
      out.error(p, "the key " + props_.kms_key->path() + " does not let CloudWatch Logs use it; creating the log group would fail",
                "call aws::logs::allow_log_encryption(key) once for that key");
  }
}

void LogGroup::accept(ResourceVisitor& v) const { v.visit(*this); }

void allow_log_encryption(kms::Key& key) {
  if (allows_logs(key)) return;
  const Str log_groups = Join{"", {"arn:", Pseudo::Partition, ":logs:", Pseudo::Region, ":", Pseudo::AccountId, ":log-group:*"}};
  key.add_to_policy({.sid = logs_key_sid,
                     .actions = {"kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey",
                                 "kms:GenerateDataKeyWithoutPlaintext", "kms:ReEncryptFrom", "kms:ReEncryptTo"},
                     .resources = {Str("*")},  // in a key policy, "*" is this key
                     .principals = {{iam::Principal::Kind::Service, "logs." + pseudo::region() + ".amazonaws.com"}},
                     .conditions = {{"ArnLike", {{"kms:EncryptionContext:aws:logs:arn", {log_groups}}}}}});
}

}  // namespace drdb::aws::logs
