#include "drdb/aws/s3/bucket.hpp"

#include <regex>

#include "drdb/aws/kms/key.hpp"
#include "drdb/core/diagnostics.hpp"
#include "drdb/core/stack.hpp"
#include "core/resource_visitor.hpp"

namespace drdb::aws::s3 {

Bucket::Bucket(const Scope& scope, Props props) : Resource(scope), props_(std::move(props)) {
  default_removal_policy(RemovalPolicy::Retain);  // data outlives the stack unless asked otherwise
  if (props_.enforce_ssl) {
    iam::Statement deny;
    deny.effect = iam::Effect::Deny;
    deny.actions = {"s3:*"};
    deny.allow_wildcard_actions = true;  // a deny of everything over plain HTTP is the point
    deny.principals = {iam::Principal::any()};
    deny.resources = {arn(), arn_for_objects("*")};
    deny.conditions["Bool"]["aws:SecureTransport"] = {Str("false")};
    policy().add(std::move(deny));
  }
  if (props_.access_logs_bucket != nullptr) props_.access_logs_bucket->allow_access_logs_from(*this);
}

Str Bucket::arn() const {
  if (props_.bucket_name.empty()) return attr("Arn");
  return "arn:" + Str(Pseudo::Partition) + ":s3:::" + props_.bucket_name;
}

Str Bucket::arn_for_objects(std::string_view key_pattern) const { return arn() + "/" + std::string(key_pattern); }

std::optional<Str> Bucket::kms_key_arn() const {
  if (props_.kms_key != nullptr) return props_.kms_key->key_arn();
  return props_.kms_key_arn;
}

BucketPolicy& Bucket::policy() {
  if (policy_ == nullptr) policy_ = &add<BucketPolicy>("Policy", {this});
  return *policy_;
}

// With ACLs disabled (BucketOwnerEnforced), log delivery is allowed by bucket policy, limited to
// the source bucket and account (AWS's recommended statement, against the confused deputy).
void Bucket::allow_access_logs_from(const Bucket& source) {
  policy().add({.actions = {"s3:PutObject"},
                .resources = {arn_for_objects(source.props().access_logs_prefix + "*")},
                .principals = {iam::Principal::service("logging.s3.amazonaws.com")},
                .conditions = {{"ArnLike", {{"aws:SourceArn", {source.arn()}}}},
                               {"StringEquals", {{"aws:SourceAccount", {Str(Pseudo::AccountId)}}}}}});
}

namespace {

void check_name(const std::string& path, const std::string& name, Diagnostics& out) {
  static const std::regex valid_name("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  static const std::regex ip_address("[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+");
  if (name.empty()) return;
  if (!std::regex_match(name, valid_name) || name.find("..") != std::string::npos || std::regex_match(name, ip_address))
    out.error(path, "bucket name \"" + name + "\" is not a valid S3 bucket name",
              "use 3-63 lowercase letters, digits, '.' and '-', starting and ending with a letter or digit, not an IP address");
  else if (name.starts_with("xn--") || name.starts_with("sthree-") || name.ends_with("-s3alias") || name.ends_with("--ol-s3"))
    out.error(path, "bucket name \"" + name + "\" uses a prefix or suffix S3 reserves", "choose another name");
}

void check_encryption(const std::string& path, const Bucket::Props& p, Diagnostics& out) {
  if (p.kms_key != nullptr && p.kms_key_arn)
    out.error(path, "both kms_key and kms_key_arn are set", "use one of the two");
  if ((p.kms_key != nullptr || p.kms_key_arn) && p.encryption != Encryption::Kms)
    out.error(path, "a KMS key is set but encryption is not Kms", "set .encryption = Encryption::Kms");
}

}  // namespace

void Bucket::validate(Diagnostics& out) const {
  const auto p = path();
  check_name(p, props_.bucket_name, out);
  check_encryption(p, props_, out);
  validate_lifecycle(props_.lifecycle_rules, props_.versioned, p, out);
  validate_cors(props_.cors_rules, p, out);

  const Bucket* target = props_.access_logs_bucket;
  if (target == nullptr) {
    if (!props_.access_logs_prefix.empty())
      out.error(p, "access_logs_prefix is set but access_logs_bucket is not", "set .access_logs_bucket");
    return;
  }
  // Props are fixed at construction, so a bucket can neither log to itself nor to a bucket that
  // logs back to it: only the target's own settings and place can be wrong.
  const std::string to = "server access logs go to " + target->path();
  if (target->find_stack() != find_stack())
    out.error(p, to + ", in another stack", "put the log bucket in this stack");
  else if (target->props().encryption == Encryption::Kms)
    out.error(p, to + ", which is encrypted with KMS; S3 delivers server access logs only to SSE-S3 buckets",
              "use Encryption::S3Managed on the log bucket");
}

BucketPolicy::BucketPolicy(const Scope& scope, Props props) : Resource(scope), props_(props) {}

void BucketPolicy::validate(Diagnostics& out) const {
  if (props_.bucket == nullptr) out.error(path(), "the bucket policy has no bucket", "create it with bucket.policy()");
  document_.validate(path(), "bucket policy", out, iam::PolicyKind::Resource);
}

void Bucket::accept(ResourceVisitor& v) const { v.visit(*this); }
void BucketPolicy::accept(ResourceVisitor& v) const { v.visit(*this); }

}  // namespace drdb::aws::s3
