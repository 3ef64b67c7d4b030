// KMS rules.
#include "drdb/aws/kms/key.hpp"
#include "rules/packs.hpp"

namespace drdb::rules {

void register_kms_rules(Registry& r) {
  r.add<aws::kms::Key>({.id = "KMS.1", .level = Level::Warning,
                        .rationale = "yearly rotation limits how much data one key version protects",
                        .fix = "keep enable_key_rotation = true (the default)"},
                       [](const aws::kms::Key& key, Context& c) {
                         if (!key.props().enable_key_rotation) c.fire(key, "automatic key rotation is off");
                       });
}

}  // namespace drdb::rules
