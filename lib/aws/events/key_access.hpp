// Whether a KMS key's policy lets an AWS service encrypt with it: EventBridge and S3 deliver to
// KMS-encrypted queues only when the key policy allows them kms:GenerateDataKey and kms:Decrypt.
#pragma once

#include <string>

#include "drdb/core/diagnostics.hpp"

namespace drdb::aws::kms {
class Key;
}

namespace drdb::aws::events {

// Adds an error at `path` saying `what` unless `key`'s policy allows `service_principal`
// ("events.amazonaws.com") kms:GenerateDataKey and kms:Decrypt; the fix shows the statement to add.
void check_service_key_access(const kms::Key& key, const std::string& service_principal, const std::string& path,
                              const std::string& what, Diagnostics& out);

}  // namespace drdb::aws::events
