// Test helpers shared by the iam, kms and s3 tests: one stack synthesized to parsed CloudFormation
// and Terraform JSON, and the validation text of an app.
#pragma once

#include <drdb/drdb.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace drdb::test {

struct Rendered {
  nlohmann::json cfn;  // the template
  nlohmann::json tf;   // the root module
  // CloudFormation Properties of a logical id; Terraform body of type.name.
  const nlohmann::json& props(const std::string& logical_id) const { return cfn.at("Resources").at(logical_id).at("Properties"); }
  const nlohmann::json& body(const std::string& type, const std::string& name) const {
    return tf.at("resource").at(type).at(name);
  }
  // A Terraform resource's JSON-string attribute (policy documents), parsed.
  nlohmann::json tf_document(const std::string& type, const std::string& name, const std::string& attribute) const {
    return nlohmann::json::parse(body(type, name).at(attribute).get<std::string>());
  }
};

inline Rendered render(const App& app, const std::string& stack = "S") {
  Rendered out;
  for (const auto& d : synthesize(app)) {
    if (d.stack != stack) continue;
    if (d.format == Format::CloudFormationJson) out.cfn = nlohmann::json::parse(d.content);
    if (d.format == Format::Terraform) out.tf = nlohmann::json::parse(d.content);
  }
  return out;
}

inline std::string diagnostics_of(const App& app) { return validate(app).format(); }

inline bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

inline aws::iam::Role& ec2_role(Construct& scope, std::string id) {
  return scope.add<aws::iam::Role>(std::move(id), {.assumed_by = {aws::iam::Principal::service("ec2.amazonaws.com")}});
}

}  // namespace drdb::test
