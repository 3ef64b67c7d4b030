// What a resource's change does to the deployed resource: replaced or not, what becomes of the old
// physical resource, whether data is at risk.
#pragma once

#include <string>

#include "diff/resources.hpp"
#include "drdb/diff/diff.hpp"

namespace drdb::diff::detail {

// Replacement of a modified resource from its own changed values (r.values) and types: sets
// r.replacement and r.replaced_by.
void classify_changes(ResourceDiff& r, const std::string& before_type, Kind kind);

// What a reference to a replaced resource does to the referring property `property` of a resource of
// `type`: No (it is updated in place with the new value), or the replacement it causes.
Replacement replacement_through(const std::string& type, const std::string& property, Kind kind);

// The stronger of two verdicts: Yes, then Maybe, then Unknown, then No.
Replacement stronger(Replacement a, Replacement b);
// What a reference carries from a resource replaced with verdict `target` through a property that
// does `through` when its value changes: a resource that may be replaced may replace the referrer.
Replacement carried(Replacement target, Replacement through);

// Sets r.old_resource and r.data_loss from the resource's deletion and replacement policies: the
// before side's for a removal, the after side's for a replacement (the template being deployed).
// `after_document` is the whole after side (none when it is absent or unreadable): a Terraform
// resource removed from it is retained when it has a `removed` block that does not destroy.
void assess_old_resource(ResourceDiff& r, const Resource* before, const Resource* after, Kind kind,
                         const nlohmann::json* after_document);

}  // namespace drdb::diff::detail
