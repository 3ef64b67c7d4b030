#include "drdb/aws/s3/bucket.hpp"
#include "drdb/l1/cfn/s3.hpp"
#include "render/cfn/cfn_mapper.hpp"

namespace drdb::render::cfn {

namespace l1 = drdb::l1::cfn::s3;

void CfnMapper::visit(const aws::s3::Bucket& bucket) {
  const auto& props = bucket.props();
  l1::Bucket r;
  if (!props.bucket_name.empty()) r.bucket_name = props.bucket_name;

  l1::Bucket::ServerSideEncryptionByDefault by_default;
  l1::Bucket::ServerSideEncryptionRule rule;
  if (props.encryption == aws::s3::Encryption::Kms) {
    by_default.sse_algorithm = "aws:kms";
    if (props.kms_key_arn) by_default.kms_master_key_id = *props.kms_key_arn;
    rule.bucket_key_enabled = true;  // fewer KMS requests, lower cost
  } else {
    by_default.sse_algorithm = "AES256";
  }
  rule.server_side_encryption_by_default = by_default;
  l1::Bucket::BucketEncryption encryption;
  encryption.server_side_encryption_configuration = ListOf<l1::Bucket::ServerSideEncryptionRule>{rule};
  r.bucket_encryption = encryption;

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
  // ACLs disabled: access is decided by policies only.
  l1::Bucket::OwnershipControlsRule ownership;
  ownership.object_ownership = "BucketOwnerEnforced";
  l1::Bucket::OwnershipControls controls;
  controls.rules = ListOf<l1::Bucket::OwnershipControlsRule>{ownership};
  r.ownership_controls = controls;

  const auto& out = emit(bucket, r);
  bind_ref(bucket, "Name", out);
  bind(bucket, "Arn", out, "Arn");
  bind(bucket, "DomainName", out, "DomainName");
  bind(bucket, "RegionalDomainName", out, "RegionalDomainName");
}

void CfnMapper::visit(const aws::s3::BucketPolicy& policy) {
  l1::BucketPolicy r;
  r.bucket = policy.bucket().bucket_name();
  r.policy_document = policy.document().to_value();
  emit(policy, r);
}

}  // namespace drdb::render::cfn
