// The at-rest encryption the EMR examples give their clusters: EMRFS data (SSE-KMS) and the nodes'
// local disks and EBS volumes, under a key of the stack (children "ClusterKey" and "Encryption").
#pragma once

#include <drdb/drdb.hpp>

#include <string>

namespace drdb::examples {

inline aws::emr::SecurityConfiguration& encrypted_at_rest(Stack& stack, const std::string& clusters) {
  using namespace aws::emr;
  auto& key = stack.add<aws::kms::Key>("ClusterKey", {.description = "EMRFS data and local disks of " + clusters});
  return stack.add<SecurityConfiguration>(
      "Encryption", {.s3_encryption = S3Encryption{.mode = S3EncryptionMode::SseKms, .kms_key_arn = key.key_arn()},
                     .local_disk_encryption = LocalDiskEncryption{.kms_key_arn = key.key_arn(), .encrypt_ebs = true}});
}

}  // namespace drdb::examples
