// Which property changes make the target replace a resource (a new physical resource, the old one
// deleted): read from the vendored schemas at build time (lib/l1/replacement.cpp is generated).
#pragma once

#include <span>
#include <string_view>

namespace drdb::l1::cfn {

// The create-only properties of a CloudFormation type as dotted paths ("BucketName",
// "VpcConfig.SubnetIds"), sorted; empty for a type drdb has no schema of. Terraform's provider
// schema does not say which arguments force replacement, so there is no Terraform counterpart.
std::span<const std::string_view> create_only_properties(std::string_view type_name);

}  // namespace drdb::l1::cfn
