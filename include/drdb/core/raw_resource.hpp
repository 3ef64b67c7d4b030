// Escape hatch: a resource of any type, given in each target's own terms. Its properties are
// checked against the vendored schema when drdb knows the type. A target it has no definition for
// cannot render it (an error naming the construct).
#pragma once

#include <optional>
#include <string>

#include "drdb/core/resource.hpp"

namespace drdb {

class RawResource : public Resource {
 public:
  struct Definition {
    std::string type;   // "AWS::SSM::Parameter" / "aws_ssm_parameter"
    Value properties;   // Properties object (CloudFormation) / resource body (Terraform)
  };
  struct Props {
    std::optional<Definition> cloudformation;
    std::optional<Definition> terraform;
  };
  RawResource(const Scope& scope, Props props) : Resource(scope), props_(std::move(props)) {}

  const Props& props() const { return props_; }
  // Any attribute by its target name: "Arn" → Fn::GetAtt / .arn; "Ref" → Ref / .id.
  void accept(ResourceVisitor& v) const override;

 private:
  Props props_;
};

// The generated L1 structs as constructs: `stack.add<L1<l1::cfn::ssm::Parameter>>("P", {...})`.
template <class T>
class L1 : public RawResource {
 public:
  using Props = T;
  L1(const Scope& scope, T props) : RawResource(scope, definitions(props)) {}

 private:
  static RawResource::Props definitions(const T& props) {
    RawResource::Props out;
    RawResource::Definition d{std::string(T::type_name), props.to_value()};
    if (T::type_name.find("::") != std::string_view::npos)
      out.cloudformation = std::move(d);
    else
      out.terraform = std::move(d);
    return out;
  }
};

}  // namespace drdb
