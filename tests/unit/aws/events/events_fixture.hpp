// Shared by the EventBridge and S3 notification tests: the targets they deliver to, and lookups in
// rendered templates by resource type.
#pragma once

#include <drdb/drdb.hpp>
#include <drdb/aws/lambda/function.hpp>
#include <drdb/aws/stepfunctions/state_machine.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "unit/aws/iam/rendered.hpp"

namespace drdb::test {

inline aws::lambda::Function& python_function(Construct& scope, std::string id) {
  return scope.add<aws::lambda::Function>(std::move(id), {.runtime = aws::lambda::Runtime::Python312,
                                                          .handler = "index.handler",
                                                          .code = aws::lambda::Code::from_inline("def handler(e, c):\n  return e\n")});
}

inline aws::stepfunctions::StateMachine& one_state_machine(Construct& scope, std::string id) {
  aws::stepfunctions::Graph graph;
  graph.succeed("Done");
  return scope.add<aws::stepfunctions::StateMachine>(std::move(id), {.definition = std::move(graph)});
}

// Logical ids (CloudFormation) or names (Terraform) of the resources of a type.
inline std::vector<std::string> of_type(const nlohmann::json& cfn, const std::string& type) {
  std::vector<std::string> out;
  for (const auto& [id, r] : cfn.at("Resources").items())
    if (r.at("Type") == type) out.push_back(id);
  return out;
}

inline std::vector<nlohmann::json> tf_of_type(const nlohmann::json& tf, const std::string& type) {
  std::vector<nlohmann::json> out;
  if (!tf.at("resource").contains(type)) return out;
  for (const auto& [name, body] : tf.at("resource").at(type).items()) out.push_back(body);
  return out;
}

}  // namespace drdb::test
