// The parts of a spec around the resources: the app, its stacks, their outputs.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "drdb/core/stack.hpp"

#include "spec/fields.hpp"
#include "spec/suppressions.hpp"

namespace drdb::spec {

struct AppSpec {};
// Keys of the app read on their own (not fields).
inline constexpr std::string_view app_sections[] = {"stacks"};

struct StackSpec {
  std::string description;
  std::string region;
  std::map<std::string, std::string> tags;
  Suppressions suppress;
};
inline constexpr std::string_view stack_sections[] = {"depends_on", "outputs", "parameters", "resources"};

// A value given at deploy time (CloudFormation parameter, Terraform variable); strings refer to it
// as {param: <name>}.
struct ParameterSpec {
  ParameterType type = ParameterType::String;
  std::string description;
  std::optional<std::string> default_value;
  std::vector<std::string> allowed_values;
  std::string allowed_pattern;
  std::optional<double> min_value;
  std::optional<double> max_value;
  std::optional<int> min_length;
  std::optional<int> max_length;
  bool no_echo = false;

  Parameter::Props props() const {
    return {.type = type,
            .description = description,
            .default_value = default_value ? std::optional<Value>(Value(*default_value)) : std::nullopt,
            .allowed_values = allowed_values,
            .allowed_pattern = allowed_pattern,
            .min_value = min_value,
            .max_value = max_value,
            .min_length = min_length,
            .max_length = max_length,
            .no_echo = no_echo};
  }
};

struct OutputSpec {
  Str value = "";
  std::string description;
  std::string export_name;
};

template <>
struct Fields<AppSpec> {
  static constexpr std::string_view name = "app spec";
  static const FieldList<AppSpec>& get() {
    static const FieldList<AppSpec> none;
    return none;
  }
};

template <>
struct Fields<StackSpec> {
  static constexpr std::string_view name = "stack";
  static const FieldList<StackSpec>& get() {
    static const FieldList<StackSpec> list{
        field("description", &StackSpec::description, ""),
        field("region", &StackSpec::region, "default region for Terraform's provider variable"),
        field("tags", &StackSpec::tags, "applied to every taggable resource of the stack"),
        field("suppress", &StackSpec::suppress, "policy rules silenced on the whole stack, each with its reason")};
    return list;
  }
};

template <>
struct EnumNames<ParameterType> {
  static constexpr std::pair<std::string_view, ParameterType> values[] = {{"string", ParameterType::String},
                                                                          {"number", ParameterType::Number},
                                                                          {"comma_delimited_list", ParameterType::CommaDelimitedList},
                                                                          {"number_list", ParameterType::NumberList}};
};

template <>
struct Fields<ParameterSpec> {
  static constexpr std::string_view name = "parameter";
  static const FieldList<ParameterSpec>& get() {
    using P = ParameterSpec;
    static const FieldList<P> list{
        field("type", &P::type, "string (default), number, comma_delimited_list or number_list"),
        field("description", &P::description, ""),
        field("default", &P::default_value, "the value when none is given at deploy time (a string)"),
        field("allowed_values", &P::allowed_values, ""),
        field("allowed_pattern", &P::allowed_pattern, "a regular expression the value must match"),
        field("min_value", &P::min_value, "number parameters"),
        field("max_value", &P::max_value, "number parameters"),
        field("min_length", &P::min_length, "string parameters"),
        field("max_length", &P::max_length, "string parameters"),
        field("no_echo", &P::no_echo, "sensitive: masked by CloudFormation, sensitive in Terraform")};
    return list;
  }
};

template <>
struct Fields<OutputSpec> {
  static constexpr std::string_view name = "output";
  static const FieldList<OutputSpec>& get() {
    static const FieldList<OutputSpec> list{
        field("value", &OutputSpec::value, "a string or {ref: <id>, attribute: <name>}", required),
        field("description", &OutputSpec::description, ""),
        field("export_name", &OutputSpec::export_name, "makes the value importable by other stacks")};
    return list;
  }
};

}  // namespace drdb::spec
