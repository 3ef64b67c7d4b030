// A mapped stack → one Terraform root module in JSON syntax (main.tf.json).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "drdb/core/diagnostics.hpp"
#include "drdb/core/stack.hpp"
#include "render/common/rendered.hpp"

namespace drdb::render::tf {

// The AWS provider versions the generated modules accept (the vendored schema is 5.100).
inline constexpr std::string_view aws_provider_constraint = ">= 5.0, < 6.0";

nlohmann::json module_json(const Stack& stack, const RenderedStack& rendered);
std::string json_text(const nlohmann::json& module);

// What the Terraform target cannot express (an import of an export the app does not declare), as
// diagnostics. Runs once the stacks are linked (render/common/cross_stack.hpp).
void check_expressible(const RenderedStack& rendered, Diagnostics& out);

}  // namespace drdb::render::tf
