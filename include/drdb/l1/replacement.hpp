// Which property changes make the target replace a resource (a new physical resource, the old one
// deleted). Generated at build time (lib/l1/replacement.cpp) from the vendored data, see
// schemas/VERSIONS.md: the registry schemas' createOnlyProperties (replace) and
// conditionalCreateOnlyProperties (may replace), AWS's property-level update behaviour
// (schemas/cfn-updates.json), and for Terraform drdb's mapping of its types and attributes to
// CloudFormation ones (schemas/types.txt, schemas/tf-aliases.json).
#pragma once

#include <string_view>

namespace drdb::l1 {

// Where several properties change at once, the strongest counts: Replace, then MayReplace, then
// Unknown (it may replace), then InPlace.
enum class UpdateBehavior { InPlace, MayReplace, Replace, Unknown };

namespace cfn {

// Whether drdb has update data for this CloudFormation type at all.
bool knows_type(std::string_view type_name);

// What changing the value at `path` does: a dotted property path relative to Properties, list
// positions removed ("Instances.CoreInstanceGroup.InstanceType", "KeySchema", "Tags.Value").
// `whole_value`: the value at `path` was added, removed or changed as a whole (so every property
// below it changes too: the strongest behaviour at or below the path counts, plus the deepest known
// one above it). Otherwise the deepest property along the path that has data decides (a change
// inside a property whose own entry is MayReplace but whose changed sub-property is known to update
// in place is InPlace). Paths into a value of JSON type or beyond what the data describes take the
// deepest known entry above. Unknown for a type with no data, and for a top-level property the data
// does not know.
UpdateBehavior update_behavior(std::string_view type_name, std::string_view path, bool whole_value);

}  // namespace cfn

namespace tf {

// The same for a Terraform resource type and attribute path ("core_instance_group.instance_type",
// "rule.expiration.days": nested blocks by name, list positions removed), derived through drdb's
// mapping of each Terraform type to its CloudFormation type (schemas/types.txt) and of its
// attributes to that type's properties. Unknown where no mapping exists (the caller then says
// "unknown").
UpdateBehavior update_behavior(std::string_view tf_type, std::string_view path, bool whole_value);

// The CloudFormation type a Terraform type corresponds to, empty if none.
std::string_view cloudformation_type(std::string_view tf_type);

}  // namespace tf
}  // namespace drdb::l1
