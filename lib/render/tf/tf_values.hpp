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
  // Stacks whose outputs were read so far: each needs a terraform_remote_state data source.
  const std::set<std::string>& read_stacks() const { return read_stacks_; }

 private:
  std::string expression(const Expression& e);   // HCL expression text, without ${}
  std::string hcl(const Value& v);               // any value as an HCL expression
  std::string template_text(const Value& v);     // a string-valued value as template text
  std::string remote_output(const ImportedValue& imported);
  const RenderedStack& stack_;
  std::string stack_name_;
  std::set<Pseudo> used_pseudos_;
  std::set<std::string> read_stacks_;
};

std::string escape_template_literal(std::string_view s);

// `ref` as its own stack renders it (`${aws_s3_bucket.Data.arn}`): the text the name of its output
// is made from.
std::string reference_text(const RenderedStack& stack, const AttrRef& ref);

}  // namespace drdb::render::tf
