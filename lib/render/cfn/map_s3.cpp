#include "drdb/aws/s3/bucket.hpp"
#include "drdb/l1/cfn/s3.hpp"
#include "render/cfn/cfn_mapper.hpp"
#include "render/cfn/map_s3_notifications.hpp"

namespace drdb::render::cfn {

namespace l1 = drdb::l1::cfn::s3;

namespace {

ListOf<Str> strs(const std::vector<std::string>& items) { return std::vector<Str>(items.begin(), items.end()); }

l1::Bucket::BucketEncryption encryption(const aws::s3::Bucket& bucket) {
  l1::Bucket::ServerSideEncryptionByDefault by_default;
  l1::Bucket::ServerSideEncryptionRule rule;
  if (bucket.props().encryption == aws::s3::Encryption::Kms) {
    by_default.sse_algorithm = "aws:kms";
    if (auto key = bucket.kms_key_arn()) by_default.kms_master_key_id = *key;
    rule.bucket_key_enabled = true;  // fewer KMS requests, lower cost
  } else {
    by_default.sse_algorithm = "AES256";
  }
  rule.server_side_encryption_by_default = by_default;
  l1::Bucket::BucketEncryption out;
  out.server_side_encryption_configuration = ListOf<l1::Bucket::ServerSideEncryptionRule>{rule};
  return out;
}

template <class L1Transition>
ListOf<L1Transition> transitions(const std::vector<aws::s3::Transition>& list) {
  ListOf<L1Transition> out;
  for (const auto& t : list) {
    L1Transition l;
    l.storage_class = std::string(aws::s3::storage_class_name(t.storage_class));
    l.transition_in_days = t.days;
    out.push_back(std::move(l));
  }
  return out;
}

l1::Bucket::Rule lifecycle_rule(const aws::s3::LifecycleRule& rule) {
  l1::Bucket::Rule r;
  r.id = rule.id;
  r.status = rule.enabled ? "Enabled" : "Disabled";
  if (!rule.prefix.empty()) r.prefix = rule.prefix;
  if (!rule.tags.empty()) {
    ListOf<l1::Bucket::TagFilter> tags;
    for (const auto& [key, value] : rule.tags) {
      l1::Bucket::TagFilter t;
      t.key = key;
      t.value = value;
      tags.push_back(std::move(t));
    }
    r.tag_filters = std::move(tags);
  }
  if (rule.expiration_days) r.expiration_in_days = *rule.expiration_days;
  if (!rule.transitions.empty()) r.transitions = transitions<l1::Bucket::Transition>(rule.transitions);
  if (rule.noncurrent_version_expiration_days) {
    l1::Bucket::NoncurrentVersionExpiration e;
    e.noncurrent_days = *rule.noncurrent_version_expiration_days;
    r.noncurrent_version_expiration = e;
  }
  if (!rule.noncurrent_version_transitions.empty())
    r.noncurrent_version_transitions = transitions<l1::Bucket::NoncurrentVersionTransition>(rule.noncurrent_version_transitions);
  if (rule.abort_incomplete_multipart_upload_days) {
    l1::Bucket::AbortIncompleteMultipartUpload a;
    a.days_after_initiation = *rule.abort_incomplete_multipart_upload_days;
    r.abort_incomplete_multipart_upload = a;
  }
  return r;
}

l1::Bucket::CorsConfiguration cors(const std::vector<aws::s3::CorsRule>& rules) {
  ListOf<l1::Bucket::CorsRule> out;
  for (const auto& rule : rules) {
    l1::Bucket::CorsRule r;
    if (!rule.id.empty()) r.id = rule.id;
    r.allowed_origins = strs(rule.allowed_origins);
    r.allowed_methods = strs(rule.allowed_methods);
    if (!rule.allowed_headers.empty()) r.allowed_headers = strs(rule.allowed_headers);
    if (!rule.exposed_headers.empty()) r.exposed_headers = strs(rule.exposed_headers);
    if (rule.max_age_seconds) r.max_age = *rule.max_age_seconds;
    out.push_back(std::move(r));
  }
  l1::Bucket::CorsConfiguration c;
  c.cors_rules = std::move(out);
  return c;
}

}  // namespace

void CfnMapper::visit(const aws::s3::Bucket& bucket) {
  const auto& props = bucket.props();
  l1::Bucket r;
  if (!props.bucket_name.empty()) r.bucket_name = props.bucket_name;
  r.bucket_encryption = encryption(bucket);

  if (props.block_public_access) {
    l1::Bucket::PublicAccessBlockConfiguration block;
    block.block_public_acls = true;
    block.block_public_policy = true;
    block.ignore_public_acls = true;
    block.restrict_public_buckets = true;
    r.public_access_block_configuration = block;
  }
  if (props.versioned) {
    l1::Bucket::VersioningConfiguration versioning;
    versioning.status = "Enabled";
    r.versioning_configuration = versioning;
  }
  if (!props.lifecycle_rules.empty()) {
    l1::Bucket::LifecycleConfiguration lifecycle;
    ListOf<l1::Bucket::Rule> rules;
    for (const auto& rule : props.lifecycle_rules) rules.push_back(lifecycle_rule(rule));
    lifecycle.rules = std::move(rules);
    r.lifecycle_configuration = std::move(lifecycle);
  }
  if (props.access_logs_bucket != nullptr) {
    l1::Bucket::LoggingConfiguration logging;
    logging.destination_bucket_name = props.access_logs_bucket->bucket_name();
    if (!props.access_logs_prefix.empty()) logging.log_file_prefix = props.access_logs_prefix;
    r.logging_configuration = logging;
  }
  if (!props.cors_rules.empty()) r.cors_configuration = cors(props.cors_rules);
  // ACLs disabled: access is decided by policies only.
  l1::Bucket::OwnershipControlsRule ownership;
  ownership.object_ownership = "BucketOwnerEnforced";
  l1::Bucket::OwnershipControls controls;
  controls.rules = ListOf<l1::Bucket::OwnershipControlsRule>{ownership};
  r.ownership_controls = controls;
  set_notifications(bucket, r, diagnostics());

  const auto& out = emit(bucket, r);
  bind_ref(bucket, "Name", out);
  bind(bucket, "Arn", out, "Arn");
  bind(bucket, "DomainName", out, "DomainName");
  bind(bucket, "RegionalDomainName", out, "RegionalDomainName");
}

void CfnMapper::visit(const aws::s3::BucketPolicy& policy) {
  l1::BucketPolicy r;
  if (policy.props().bucket != nullptr) r.bucket = policy.props().bucket->bucket_name();  // none: reported by validate
  r.policy_document = policy.document().to_value();
  emit(policy, r);
}

}  // namespace drdb::render::cfn
