// The capability `aws cloudformation deploy` (CreateStack, UpdateStack) must be given for a template.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace drdb::render::cfn {

// CAPABILITY_NAMED_IAM when the template creates an IAM resource with a custom name (it implies
// CAPABILITY_IAM), CAPABILITY_IAM when it creates other IAM resources, nothing otherwise.
std::optional<std::string> required_capability(const nlohmann::json& cfn_template);

}  // namespace drdb::render::cfn
