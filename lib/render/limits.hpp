// CloudFormation's platform limits, checked before anything is written, with the fix.
#pragma once

#include <string>

#include "drdb/core/diagnostics.hpp"
#include "drdb/core/stack.hpp"
#include "render/common/rendered.hpp"

namespace drdb::render {

inline constexpr std::size_t max_resources_per_stack = 500;
inline constexpr std::size_t max_parameters_per_stack = 200;
inline constexpr std::size_t max_outputs_per_stack = 200;
inline constexpr std::size_t max_inline_template_bytes = 51'200;
inline constexpr std::size_t max_template_bytes = 1'000'000;

// Resource, parameter and output counts of a mapped and linked CloudFormation stack.
void check_stack_limits(const Stack& stack, const RenderedStack& cfn, Diagnostics& out);
// The size of one rendered template: above 1 MB an error. Above 51,200 bytes it deploys through
// an S3 bucket, which the deploy commands synth prints say (cli/deploy_commands.cpp).
void check_template_size(const Stack& stack, const std::string& file, std::size_t bytes, Diagnostics& out);

}  // namespace drdb::render
