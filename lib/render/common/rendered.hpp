// What a renderer's mapping step produces for one stack and one target, before serialization:
// target resources whose properties are still Values (expressions unresolved), plus how each
// construct's target-neutral attributes ("Arn") read in that target.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "drdb/core/resource.hpp"
#include "drdb/core/value.hpp"

namespace drdb::l1 {
struct Shape;
}

namespace drdb::render {

struct RenderedResource {
  const Resource* owner = nullptr;
  std::string type;  // "AWS::S3::Bucket" / "aws_s3_bucket"
  std::string name;  // logical id (CloudFormation) / resource name (Terraform)
  Value properties;  // Properties (CloudFormation) / resource body (Terraform)
  const l1::Shape* shape = nullptr;  // constraints to check; null when the type is unknown to drdb
  bool primary = true;               // the construct's main resource (target of overrides and refs)
  bool taggable = false;             // has a tags property: scope tags are applied to it
  std::vector<std::string> depends_on_names;  // extra same-stack dependencies by rendered name
  // Constructs this rendered resource alone waits for (a construct's own dependencies apply to
  // everything it and its children render, which can close a cycle a single resource does not).
  std::vector<const Construct*> waits_for;
};

// How an attribute reads in a target. CloudFormation: `Ref` (empty name) or Fn::GetAtt name;
// Terraform: the attribute of `type.name`.
struct AttributeBinding {
  std::string resource_type;
  std::string resource_name;
  std::string attribute;  // empty → Ref (CloudFormation only)
};

struct RenderedStack {
  std::vector<RenderedResource> resources;
  std::map<const Construct*, std::map<std::string, AttributeBinding, std::less<>>> attributes;
  // Constructs whose attributes accept any name (raw / L1 escape hatches).
  std::map<const Construct*, AttributeBinding> passthrough_attributes;
};

}  // namespace drdb::render
