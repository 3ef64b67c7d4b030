#include "render/cfn/capabilities.hpp"

#include <array>
#include <string_view>

namespace drdb::render::cfn {

namespace {

// The properties that give an IAM resource the custom name CAPABILITY_NAMED_IAM acknowledges.
constexpr std::array<std::string_view, 5> name_properties{"GroupName", "InstanceProfileName", "ManagedPolicyName",
                                                          "RoleName", "UserName"};

bool is_iam(const nlohmann::json& resource) {
  const auto type = resource.find("Type");
  return type != resource.end() && type->is_string() && type->get_ref<const std::string&>().starts_with("AWS::IAM::");
}

bool has_custom_name(const nlohmann::json& resource) {
  const auto properties = resource.find("Properties");
  if (properties == resource.end() || !properties->is_object()) return false;
  for (const auto name : name_properties)
    if (properties->contains(name)) return true;
  return false;
}

}  // namespace

std::optional<std::string> required_capability(const nlohmann::json& cfn_template) {
  const auto resources = cfn_template.find("Resources");
  if (resources == cfn_template.end() || !resources->is_object()) return std::nullopt;
  bool iam = false;
  for (const auto& resource : *resources) {
    if (!is_iam(resource)) continue;
    if (has_custom_name(resource)) return "CAPABILITY_NAMED_IAM";
    iam = true;
  }
  if (iam) return "CAPABILITY_IAM";
  return std::nullopt;
}

}  // namespace drdb::render::cfn
