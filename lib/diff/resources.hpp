// The resources of a template document, by id, and the references their properties make.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "diff/documents.hpp"

namespace drdb::diff::detail {

struct Resource {
  std::string type;
  const nlohmann::json* body = nullptr;  // the whole resource: {"Type", "Properties", ...} or Terraform's block
};

// id → resource: logical ids for CloudFormation, "type.name" for Terraform.
std::map<std::string, Resource> resources_of(const nlohmann::json& doc, Kind kind);
// The key that holds the resources ("Resources", "resource").
const char* resources_key(Kind kind);
// Where a resource's properties are, as a prefix of the paths compare_values gives ("Properties.", "").
std::string_view properties_prefix(Kind kind);

// A reference from one of a resource's properties to another resource, or to a CloudFormation export.
struct Reference {
  std::string property;  // property path as update data names it ("VpcId", "VpcConfig.SubnetIds")
  std::string target;    // the resource's id, or "export:<name>" for Fn::ImportValue
};

// Every reference the resource's properties make: Ref, Fn::GetAtt, Fn::Sub's ${Id} and ${Id.Attr}, and
// Fn::ImportValue of a literal export name (CloudFormation); "${type.name.attr}" in any string,
// embedded JSON documents included (Terraform). Terraform's meta-arguments (lifecycle, depends_on,
// provider) and CloudFormation's DependsOn are not properties: they order, they do not pass values.
std::vector<Reference> references_of(const Resource& resource, Kind kind);

}  // namespace drdb::diff::detail
