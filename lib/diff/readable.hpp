// Values as reviewers read them: CloudFormation intrinsics in the ${Id.Attr} form, plain strings
// unquoted, anything else as compact JSON.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace drdb::diff::detail {

std::string readable(const nlohmann::json& value);

}  // namespace drdb::diff::detail
