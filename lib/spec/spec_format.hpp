// The parts of a spec around the resources: the app, its stacks, their outputs.
#pragma once

#include <map>
#include <string>

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
inline constexpr std::string_view stack_sections[] = {"outputs", "resources"};

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
