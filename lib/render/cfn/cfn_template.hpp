// A mapped stack → CloudFormation template (JSON tree), and its JSON and YAML texts.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "drdb/core/stack.hpp"
#include "render/common/rendered.hpp"

namespace drdb::render::cfn {

nlohmann::json template_json(const Stack& stack, const RenderedStack& rendered);
std::string json_text(const nlohmann::json& tmpl);
// Short-form intrinsics (!Ref, !GetAtt A.B, !Sub...); strings YAML 1.1 would read as anything but a
// string are quoted.
std::string yaml_text(const nlohmann::json& tmpl);

}  // namespace drdb::render::cfn
