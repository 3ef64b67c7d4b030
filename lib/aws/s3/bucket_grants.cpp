// Bucket::grant_*: what each access needs, and nothing more.
#include "drdb/aws/iam/role.hpp"
#include "drdb/aws/s3/bucket.hpp"

namespace drdb::aws::s3 {

namespace {

struct Access {
  std::vector<std::string> object_actions;  // on the objects matching the pattern
  std::vector<std::string> bucket_actions;  // on the bucket
  bool list = false;                        // s3:ListBucket, limited to the pattern's prefix
  std::vector<std::string> key_actions;     // on the bucket's own KMS key, through S3 only
};

const Access read_access{.object_actions = {"s3:GetObject"},
                         .bucket_actions = {"s3:GetBucketLocation"},
                         .list = true,
                         .key_actions = {"kms:Decrypt"}};
// Multipart uploads to an SSE-KMS bucket decrypt the data key of earlier parts.
const Access put_access{.object_actions = {"s3:AbortMultipartUpload", "s3:PutObject"},
                        .key_actions = {"kms:Decrypt", "kms:GenerateDataKey"}};
// Hadoop's S3 clients (EMRFS, S3A) list and abort pending multipart uploads when committing.
const Access read_write_access{
    .object_actions = {"s3:AbortMultipartUpload", "s3:DeleteObject", "s3:GetObject", "s3:ListMultipartUploadParts",
                       "s3:PutObject"},
    .bucket_actions = {"s3:GetBucketLocation", "s3:ListBucketMultipartUploads"},
    .list = true,
    .key_actions = {"kms:Decrypt", "kms:GenerateDataKey"}};

// The s3:prefix a listing of `key_pattern` needs: the pattern up to its first wildcard, then "*";
// empty when that is the whole bucket.
std::string list_prefix(std::string_view key_pattern) {
  const auto wildcard = key_pattern.find_first_of("*?");
  if (wildcard == std::string_view::npos) return std::string(key_pattern);
  if (wildcard == 0) return {};
  return std::string(key_pattern.substr(0, wildcard)) + "*";
}

void grant(const Bucket& bucket, iam::Role& role, std::string_view key_pattern, const Access& access) {
  role.add_to_policy({.actions = access.object_actions, .resources = {bucket.arn_for_objects(key_pattern)}});
  auto bucket_actions = access.bucket_actions;
  const auto prefix = list_prefix(key_pattern);
  if (access.list && prefix.empty()) bucket_actions.push_back("s3:ListBucket");
  if (!bucket_actions.empty()) role.add_to_policy({.actions = std::move(bucket_actions), .resources = {bucket.arn()}});
  if (access.list && !prefix.empty())
    role.add_to_policy({.actions = {"s3:ListBucket"},
                        .resources = {bucket.arn()},
                        .conditions = {{"StringLike", {{"s3:prefix", {Str(prefix)}}}}}});
  if (const auto key = bucket.kms_key_arn())
    role.add_to_policy(
        {.actions = access.key_actions,
         .resources = {*key},
         .conditions = {{"StringEquals",
                         {{"kms:ViaService", {Join{"", {"s3.", Pseudo::Region, ".", Pseudo::UrlSuffix}}}}}}}});
}

}  // namespace

void Bucket::grant_read(iam::Role& role, std::string_view key_pattern) const { grant(*this, role, key_pattern, read_access); }
void Bucket::grant_put(iam::Role& role, std::string_view key_pattern) const { grant(*this, role, key_pattern, put_access); }
void Bucket::grant_read_write(iam::Role& role, std::string_view key_pattern) const {
  grant(*this, role, key_pattern, read_write_access);
}

}  // namespace drdb::aws::s3
