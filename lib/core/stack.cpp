#include "drdb/core/stack.hpp"

#include <algorithm>
#include <regex>

#include "drdb/core/app.hpp"
#include "drdb/core/diagnostics.hpp"

namespace drdb {

namespace {
bool is_alphanumeric(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  return true;
}
void require_direct_child_of_stack(const Construct& c, std::string_view what, Diagnostics& out) {
  if (dynamic_cast<const Stack*>(c.scope()) == nullptr)
    out.error(c.path(), std::string(what) + " must be created directly in a stack",
              "create it with stack.add<" + std::string(what) + ">(...)");
}

// A default the parameter's own constraints refuse: CloudFormation rejects the template, and a
// Terraform variable's validation fails on every plan that does not override it. A NoEcho
// parameter's default is never shown.
void check_default(const Parameter& p, Diagnostics& out) {
  const auto& props = p.props();
  if (!props.default_value || props.default_value->has_expression()) return;
  const Value& d = *props.default_value;
  const std::string shown = props.no_echo || !d.is_string() ? "the default" : "the default \"" + d.as_string() + "\"";
  if (d.is_string()) {
    const auto& text = d.as_string();
    if (!props.allowed_values.empty() &&
        std::find(props.allowed_values.begin(), props.allowed_values.end(), text) == props.allowed_values.end())
      out.error(p.path(), shown + " is not one of the allowed values", "make the default one of them, or add it");
    if (props.min_length && std::ssize(text) < *props.min_length)
      out.error(p.path(), shown + " is shorter than min_length " + std::to_string(*props.min_length), "lengthen it or lower min_length");
    if (props.max_length && std::ssize(text) > *props.max_length)
      out.error(p.path(), shown + " is longer than max_length " + std::to_string(*props.max_length), "shorten it or raise max_length");
    if (!props.allowed_pattern.empty()) {
      try {
        if (!std::regex_match(text, std::regex(props.allowed_pattern)))
          out.error(p.path(), shown + " does not match allowed_pattern " + props.allowed_pattern, "change the default or the pattern");
      } catch (const std::regex_error&) {
        // A pattern std::regex cannot read (CloudFormation's are Java's): left to CloudFormation.
      }
    }
  } else if (d.is_number()) {
    if (props.min_value && d.as_double() < *props.min_value)
      out.error(p.path(), "the default is below min_value", "raise the default or lower min_value");
    if (props.max_value && d.as_double() > *props.max_value)
      out.error(p.path(), "the default is above max_value", "lower the default or raise max_value");
  }
}
}  // namespace

Stack::Stack(const Scope& scope, Props props) : Construct(scope), props_(std::move(props)) {}

const Parameter& Stack::assets_bucket(bool terraform) {
  if (auto* existing = dynamic_cast<Parameter*>(find_child("AssetsBucket"))) {
    if (terraform) existing->props_.cloudformation_only = false;
    return *existing;
  }
  return add<Parameter>("AssetsBucket",
                        {.description = "S3 bucket holding the files listed in assets.json, uploaded under their key before deploying",
                         .allowed_pattern = "^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$",
                         .min_length = 3,
                         .max_length = 63,
                         .cloudformation_only = !terraform});
}

void Stack::validate(Diagnostics& out) const {
  if (dynamic_cast<const App*>(scope()) == nullptr)
    out.error(path(), "a stack must be created directly in the app", "create it with app.add<Stack>(...)");
  // CloudFormation stack names; also used as Terraform module directory names.
  static const std::regex name_pattern("[A-Za-z][A-Za-z0-9-]{0,127}");
  if (!std::regex_match(id(), name_pattern))
    out.error(path(), "stack name \"" + id() + "\" is not a valid CloudFormation stack name",
              "use 1-128 letters, digits and hyphens, starting with a letter");
  if (props_.description.size() > 1024)
    out.error(path(), "the stack description is " + std::to_string(props_.description.size()) +
                          " characters; CloudFormation takes at most 1,024",
              "shorten it");
}

Parameter::Parameter(const Scope& scope, Props props) : Construct(scope), props_(std::move(props)) {}

void Parameter::validate(Diagnostics& out) const {
  require_direct_child_of_stack(*this, "Parameter", out);
  if (!is_alphanumeric(id()))
    out.error(path(), "parameter name \"" + id() + "\" must be alphanumeric", "remove other characters");
  if (props_.min_value && props_.max_value && *props_.min_value > *props_.max_value)
    out.error(path(), "min_value is greater than max_value", "swap or correct the bounds");
  if (props_.min_length && props_.max_length && *props_.min_length > *props_.max_length)
    out.error(path(), "min_length is greater than max_length", "swap or correct the bounds");
  if (props_.default_value && props_.default_value->has_expression())
    out.error(path(), "a parameter default must be a literal", "give a literal default or none");
  check_default(*this, out);
}

Output::Output(const Scope& scope, Props props) : Construct(scope), props_(std::move(props)) {}

void Output::validate(Diagnostics& out) const {
  require_direct_child_of_stack(*this, "Output", out);
  if (!is_alphanumeric(id()))
    out.error(path(), "output name \"" + id() + "\" must be alphanumeric", "remove other characters");
  if (props_.value.is_null())
    out.error(path(), "the output has no value", "set .value, e.g. bucket.arn()");
}

}  // namespace drdb
