// Values → CloudFormation JSON: intrinsic functions for expressions.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "render/common/rendered.hpp"

namespace drdb::render::cfn {

class CfnValues {
 public:
  explicit CfnValues(const RenderedStack& stack) : stack_(stack) {}
  nlohmann::json operator()(const Value& v) const;

 private:
  nlohmann::json expression(const Expression& e) const;
  nlohmann::json attribute(const AttrRef& ref) const;
  nlohmann::json json_string(const JsonString& js) const;
  // `${...}` text for Fn::Sub, or empty when the expression needs a Fn::Sub variable.
  std::string sub_reference(const Expression& e) const;
  const RenderedStack& stack_;
};

// `ref` as its own stack renders it, in compact JSON (`{"Fn::GetAtt":["Data","Arn"]}`): the text
// the name of its export is made from.
std::string reference_text(const RenderedStack& stack, const AttrRef& ref);

}  // namespace drdb::render::cfn
