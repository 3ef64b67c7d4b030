#include "drdb/aws/s3/bucket.hpp"

#include <regex>

#include "drdb/aws/iam/role.hpp"
#include "drdb/core/diagnostics.hpp"
#include "render/common/resource_visitor.hpp"

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
}

Str Bucket::arn_for_objects(std::string_view key_pattern) const { return arn() + "/" + std::string(key_pattern); }

BucketPolicy& Bucket::policy() {
  if (policy_ == nullptr) policy_ = &add<BucketPolicy>("Policy", {this});
  return *policy_;
}

void Bucket::grant_read(iam::Role& role, std::string_view key_pattern) const {
  role.add_to_policy({.actions = {"s3:GetBucketLocation", "s3:GetObject", "s3:ListBucket"},
                      .resources = {arn(), arn_for_objects(key_pattern)}});
}

void Bucket::grant_put(iam::Role& role, std::string_view key_pattern) const {
  role.add_to_policy({.actions = {"s3:AbortMultipartUpload", "s3:PutObject"}, .resources = {arn_for_objects(key_pattern)}});
}

void Bucket::grant_read_write(iam::Role& role, std::string_view key_pattern) const {
  role.add_to_policy({.actions = {"s3:AbortMultipartUpload", "s3:DeleteObject", "s3:GetBucketLocation", "s3:GetObject",
                                  "s3:ListBucket", "s3:PutObject"},
                      .resources = {arn(), arn_for_objects(key_pattern)}});
}

void Bucket::validate(Diagnostics& out) const {
  const auto& name = props_.bucket_name;
  static const std::regex valid_name("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  if (!name.empty() && (!std::regex_match(name, valid_name) || name.find("..") != std::string::npos))
    out.error(path(), "bucket name \"" + name + "\" is not a valid S3 bucket name",
              "use 3-63 lowercase letters, digits, '.' and '-', starting and ending with a letter or digit");
  if (props_.kms_key_arn && props_.encryption != Encryption::Kms)
    out.error(path(), "kms_key_arn is set but encryption is not Kms", "set .encryption = Encryption::Kms");
}

BucketPolicy::BucketPolicy(const Scope& scope, Props props) : Resource(scope), props_(props) {}

void BucketPolicy::validate(Diagnostics& out) const {
  if (props_.bucket == nullptr) out.error(path(), "the bucket policy has no bucket", "create it with bucket.policy()");
  document_.validate(path(), "bucket policy", out);
}

void Bucket::accept(ResourceVisitor& v) const { v.visit(*this); }
void BucketPolicy::accept(ResourceVisitor& v) const { v.visit(*this); }

}  // namespace drdb::aws::s3
