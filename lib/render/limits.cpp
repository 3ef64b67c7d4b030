#include "render/limits.hpp"

namespace drdb::render {

void check_stack_limits(const Stack& stack, const RenderedStack& cfn, Diagnostics& out) {
  if (cfn.resources.size() > max_resources_per_stack)
    out.error(stack.path(),
              "the stack has " + std::to_string(cfn.resources.size()) + " CloudFormation resources; the limit is " +
                  std::to_string(max_resources_per_stack),
              "split it into several stacks (constructs can move to a new stack with renamed_from to keep their ids)");
  std::size_t parameters = 0;
  std::size_t outputs = cfn.exports.size();  // those other stacks read count too
  walk(stack, [&](const Construct& c) {
    parameters += dynamic_cast<const Parameter*>(&c) != nullptr ? 1 : 0;
    outputs += dynamic_cast<const Output*>(&c) != nullptr ? 1 : 0;
  });
  if (parameters > max_parameters_per_stack)
    out.error(stack.path(), "the stack has " + std::to_string(parameters) + " parameters; the limit is 200",
              "combine parameters (e.g. a CommaDelimitedList) or split the stack");
  if (outputs > max_outputs_per_stack)
    out.error(stack.path(), "the stack has " + std::to_string(outputs) + " outputs; the limit is 200",
              "keep the outputs other stacks or people need, or split the stack");
}

// Above the inline limit a template is deployed through S3: advice the deploy commands carry
// (cli/deploy_commands.cpp), not a problem of the model.
void check_template_size(const Stack& stack, const std::string& file, std::size_t bytes, Diagnostics& out) {
  if (bytes > max_template_bytes)
    out.error(stack.path(), file + " is " + std::to_string(bytes) + " bytes; CloudFormation accepts at most 1 MB",
              "split the stack into several stacks");
}

}  // namespace drdb::render
