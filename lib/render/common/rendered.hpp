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

// A value another stack of the app publishes, as this stack reads it: CloudFormation imports the
// export, Terraform reads the output from the other stack's state.
struct ImportedValue {
  std::string stack;        // the publishing stack
  std::string output;       // its output's name (CloudFormation logical id / Terraform output)
  std::string export_name;  // CloudFormation's export name
};

// An output drdb adds to a stack because another stack reads one of its attributes.
struct ExportedValue {
  Value value;  // an AttrRef to a construct of this stack
  std::string export_name;
};

struct RenderedStack {
  std::vector<RenderedResource> resources;
  std::map<const Construct*, std::map<std::string, AttributeBinding, std::less<>>> attributes;
  // Constructs whose attributes accept any name (raw / L1 escape hatches).
  std::map<const Construct*, AttributeBinding> passthrough_attributes;

  // Filled by link_stacks (render/common/cross_stack.hpp). Attributes of other stacks' constructs
  // this stack reads, by construct and neutral attribute name:
  std::map<const Construct*, std::map<std::string, ImportedValue, std::less<>>> imports;
  // outputs generated for other stacks, by output name:
  std::map<std::string, ExportedValue> exports;
  // and exports of other stacks' Outputs this stack names in import_value(), by export name.
  std::map<std::string, ImportedValue, std::less<>> imported_exports;

  const ImportedValue* imported(const AttrRef& ref) const {
    const auto of = imports.find(ref.target);
    if (of == imports.end()) return nullptr;
    const auto it = of->second.find(ref.attribute);
    return it == of->second.end() ? nullptr : &it->second;
  }
};

}  // namespace drdb::render
