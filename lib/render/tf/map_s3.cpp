#include "drdb/aws/s3/bucket.hpp"
#include "drdb/l1/tf/s3.hpp"
#include "render/tf/tf_mapper.hpp"

namespace drdb::render::tf {

namespace l1 = drdb::l1::tf;

// The provider splits a bucket's configuration into one resource per concern.
void TfMapper::visit(const aws::s3::Bucket& bucket) {
  const auto& props = bucket.props();
  l1::aws_s3_bucket b;
  if (!props.bucket_name.empty()) b.bucket = props.bucket_name;
  const auto& main = emit(bucket, b);
  bind(bucket, "Name", main, "bucket");
  bind(bucket, "Arn", main, "arn");
  bind(bucket, "DomainName", main, "bucket_domain_name");
  bind(bucket, "RegionalDomainName", main, "bucket_regional_domain_name");
  const Str bucket_id = bucket.attr("Name");

  using Sse = l1::aws_s3_bucket_server_side_encryption_configuration;
  Sse sse;
  sse.bucket = bucket_id;
  Sse::Rule rule;
  Sse::Rule::ApplyServerSideEncryptionByDefault by_default;
  if (props.encryption == aws::s3::Encryption::Kms) {
    by_default.sse_algorithm = "aws:kms";
    if (props.kms_key_arn) by_default.kms_master_key_id = *props.kms_key_arn;
    rule.bucket_key_enabled = true;
  } else {
    by_default.sse_algorithm = "AES256";
  }
  rule.apply_server_side_encryption_by_default = ListOf<Sse::Rule::ApplyServerSideEncryptionByDefault>{by_default};
  sse.rule = ListOf<Sse::Rule>{rule};
  emit(bucket, sse, {}, false);

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
  r.bucket = policy.bucket().bucket_name();
  r.policy = Str::of(json_string(policy.document().to_value()));
  emit(policy, r);
}

}  // namespace drdb::render::tf
