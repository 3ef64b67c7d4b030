// CloudFormation YAML from the template's JSON tree, with short-form intrinsics.
#include "render/cfn/cfn_template.hpp"
#include "render/common/yaml_writer.hpp"

namespace drdb::render::cfn {

using nlohmann::json;

namespace {

// {"Ref": x} → !Ref x, {"Fn::GetAtt": [a, b]} → !GetAtt a.b, {"Fn::X": v} → !X v.
std::optional<TaggedNode> short_form(const json& j) {
  if (!j.is_object() || j.size() != 1) return std::nullopt;
  const auto first = j.begin();
  const std::string& key = first.key();
  const json& value = first.value();
  if (key == "Ref" && value.is_string()) return TaggedNode{"Ref", &value, std::nullopt};
  if (key == "Fn::GetAtt" && value.is_array() && value.size() == 2 && value[0].is_string() && value[1].is_string())
    return TaggedNode{"GetAtt", &value, yaml_scalar(value[0].get<std::string>() + "." + value[1].get<std::string>())};
  if (key.rfind("Fn::", 0) == 0) return TaggedNode{key.substr(4), &value, std::nullopt};
  return std::nullopt;
}

}  // namespace

std::string yaml_text(const json& tmpl) { return to_yaml(tmpl, short_form); }

}  // namespace drdb::render::cfn
