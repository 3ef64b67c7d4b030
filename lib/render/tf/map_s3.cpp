#include "drdb/aws/s3/bucket.hpp"
#include "drdb/l1/tf/s3.hpp"
#include "render/tf/tf_mapper.hpp"

namespace drdb::render::tf {

namespace l1 = drdb::l1::tf;

namespace {

ListOf<Str> strs(const std::vector<std::string>& items) { return std::vector<Str>(items.begin(), items.end()); }

using Lifecycle = l1::aws_s3_bucket_lifecycle_configuration;

l1::aws_s3_bucket_server_side_encryption_configuration encryption(const aws::s3::Bucket& bucket, const Str& bucket_id) {
  using Sse = l1::aws_s3_bucket_server_side_encryption_configuration;
  Sse sse;
  sse.bucket = bucket_id;
  Sse::Rule rule;
  Sse::Rule::ApplyServerSideEncryptionByDefault by_default;
  if (bucket.props().encryption == aws::s3::Encryption::Kms) {
    by_default.sse_algorithm = "aws:kms";
    if (auto key = bucket.kms_key_arn()) by_default.kms_master_key_id = *key;
    rule.bucket_key_enabled = true;
  } else {
    by_default.sse_algorithm = "AES256";
  }
  rule.apply_server_side_encryption_by_default = ListOf<Sse::Rule::ApplyServerSideEncryptionByDefault>{by_default};
  sse.rule = ListOf<Sse::Rule>{rule};
  return sse;
}

// Provider 5.x wants a filter block on every rule; an empty one selects the whole bucket.
Lifecycle::Rule::Filter filter(const aws::s3::LifecycleRule& rule) {
  Lifecycle::Rule::Filter f;
  if (rule.tags.empty()) {
    if (!rule.prefix.empty()) f.prefix = rule.prefix;
  } else if (rule.tags.size() == 1 && rule.prefix.empty()) {
    Lifecycle::Rule::Filter::Tag tag;
    tag.key = rule.tags.begin()->first;
    tag.value = rule.tags.begin()->second;
    f.tag = ListOf<Lifecycle::Rule::Filter::Tag>{tag};
  } else {
    Lifecycle::Rule::Filter::And all;
    if (!rule.prefix.empty()) all.prefix = rule.prefix;
    MapOf<Str> tags;
    for (const auto& [key, value] : rule.tags) tags.emplace(key, value);
    all.tags = std::move(tags);
    f.and_ = ListOf<Lifecycle::Rule::Filter::And>{all};
  }
  return f;
}

// `days` names the block's day field: "days" for current versions, "noncurrent_days" otherwise.
template <class Block>
ListOf<Block> transitions(const std::vector<aws::s3::Transition>& list, std::optional<Num> Block::*days) {
  ListOf<Block> out;
  for (const auto& t : list) {
    Block b;
    b.*days = t.days;
    b.storage_class = std::string(aws::s3::storage_class_name(t.storage_class));
    out.push_back(std::move(b));
  }
  return out;
}

Lifecycle::Rule lifecycle_rule(const aws::s3::LifecycleRule& rule) {
  Lifecycle::Rule r;
  r.id = rule.id;
  r.status = rule.enabled ? "Enabled" : "Disabled";
  r.filter = ListOf<Lifecycle::Rule::Filter>{filter(rule)};
  if (rule.expiration_days) {
    Lifecycle::Rule::Expiration e;
    e.days = *rule.expiration_days;
    r.expiration = ListOf<Lifecycle::Rule::Expiration>{e};
  }
  if (!rule.transitions.empty()) r.transition = transitions(rule.transitions, &Lifecycle::Rule::Transition::days);
  if (rule.noncurrent_version_expiration_days) {
    Lifecycle::Rule::NoncurrentVersionExpiration e;
    e.noncurrent_days = *rule.noncurrent_version_expiration_days;
    r.noncurrent_version_expiration = ListOf<Lifecycle::Rule::NoncurrentVersionExpiration>{e};
  }
  if (!rule.noncurrent_version_transitions.empty())
    r.noncurrent_version_transition =
        transitions(rule.noncurrent_version_transitions, &Lifecycle::Rule::NoncurrentVersionTransition::noncurrent_days);
  if (rule.abort_incomplete_multipart_upload_days) {
    Lifecycle::Rule::AbortIncompleteMultipartUpload a;
    a.days_after_initiation = *rule.abort_incomplete_multipart_upload_days;
    r.abort_incomplete_multipart_upload = ListOf<Lifecycle::Rule::AbortIncompleteMultipartUpload>{a};
  }
  return r;
}

}  // namespace

// The provider splits a bucket's configuration into one resource per concern.
void TfMapper::visit(const aws::s3::Bucket& bucket) {
  const auto& props = bucket.props();
  l1::aws_s3_bucket b;
  if (!props.bucket_name.empty()) b.bucket = props.bucket_name;
  // Said outright for a retained bucket: Terraform never deletes it with objects in it.
  if (bucket.removal_policy() == RemovalPolicy::Retain) b.force_destroy = false;
  const auto& main = emit(bucket, b);
  bind(bucket, "Name", main, "bucket");
  bind(bucket, "Arn", main, "arn");
  bind(bucket, "DomainName", main, "bucket_domain_name");
  bind(bucket, "RegionalDomainName", main, "bucket_regional_domain_name");
  const Str bucket_id = bucket.attr("Name");

  emit(bucket, encryption(bucket, bucket_id), {}, false);

  if (props.block_public_access) {
    l1::aws_s3_bucket_public_access_block block;
    block.bucket = bucket_id;
    block.block_public_acls = true;
    block.block_public_policy = true;
    block.ignore_public_acls = true;
    block.restrict_public_buckets = true;
    emit(bucket, block, {}, false);
  }
  if (props.versioned) {
    using Versioning = l1::aws_s3_bucket_versioning;
    Versioning v;
    v.bucket = bucket_id;
    Versioning::VersioningConfiguration conf;
    conf.status = "Enabled";
    v.versioning_configuration = ListOf<Versioning::VersioningConfiguration>{conf};
    emit(bucket, v, {}, false);
  }
  if (!props.lifecycle_rules.empty()) {
    Lifecycle lifecycle;
    lifecycle.bucket = bucket_id;
    ListOf<Lifecycle::Rule> rules;
    for (const auto& rule : props.lifecycle_rules) rules.push_back(lifecycle_rule(rule));
    lifecycle.rule = std::move(rules);
    emit(bucket, lifecycle, {}, false);
  }
  if (props.access_logs_bucket != nullptr) {
    l1::aws_s3_bucket_logging logging;
    logging.bucket = bucket_id;
    logging.target_bucket = props.access_logs_bucket->bucket_name();
    logging.target_prefix = props.access_logs_prefix;
    auto& out = emit(bucket, logging, {}, false);
    // S3 refuses logging to a bucket whose policy does not yet admit the log delivery service.
    if (const auto* policy = props.access_logs_bucket->find_policy()) out.waits_for.push_back(policy);
  }
  if (!props.cors_rules.empty()) {
    using Cors = l1::aws_s3_bucket_cors_configuration;
    Cors cors;
    cors.bucket = bucket_id;
    ListOf<Cors::CorsRule> rules;
    for (const auto& rule : props.cors_rules) {
      Cors::CorsRule r;
      if (!rule.id.empty()) r.id = rule.id;
      r.allowed_origins = strs(rule.allowed_origins);
      r.allowed_methods = strs(rule.allowed_methods);
      if (!rule.allowed_headers.empty()) r.allowed_headers = strs(rule.allowed_headers);
      if (!rule.exposed_headers.empty()) r.expose_headers = strs(rule.exposed_headers);
      if (rule.max_age_seconds) r.max_age_seconds = *rule.max_age_seconds;
      rules.push_back(std::move(r));
    }
    cors.cors_rule = std::move(rules);
    emit(bucket, cors, {}, false);
  }
  using Ownership = l1::aws_s3_bucket_ownership_controls;
  Ownership ownership;
  ownership.bucket = bucket_id;
  Ownership::Rule ownership_rule;
  ownership_rule.object_ownership = "BucketOwnerEnforced";
  ownership.rule = ListOf<Ownership::Rule>{ownership_rule};
  emit(bucket, ownership, {}, false);
}

void TfMapper::visit(const aws::s3::BucketPolicy& policy) {
  l1::aws_s3_bucket_policy r;
  if (policy.props().bucket != nullptr) r.bucket = policy.props().bucket->bucket_name();  // none: reported by validate
  r.policy = policy.document().to_json_string();
  emit(policy, r);
}

}  // namespace drdb::render::tf
