// Values → Terraform JSON: strings are templates, expressions become `${...}` interpolations,
// literal `${` / `%{` are escaped as `$${` / `%%{`.
#pragma once

#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "render/common/rendered.hpp"

namespace drdb::render::tf {

class TfValues {
 public:
  TfValues(const RenderedStack& stack, std::string stack_name) : stack_(stack), stack_name_(std::move(stack_name)) {}

  nlohmann::json operator()(const Value& v);
  // Pseudo parameters used so far: each needs a data source in the module.
  const std::set<Pseudo>& used_pseudos() const { return used_pseudos_; }

 private:
  std::string expression(const Expression& e);   // HCL expression text, without ${}
  std::string hcl(const Value& v);               // any value as an HCL expression
  std::string template_text(const Value& v);     // a string-valued value as template text
  const RenderedStack& stack_;
  std::string stack_name_;
  std::set<Pseudo> used_pseudos_;
};

std::string escape_template_literal(std::string_view s);

}  // namespace drdb::render::tf
