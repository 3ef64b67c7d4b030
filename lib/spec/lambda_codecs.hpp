// Codecs of Lambda settings, and the actions and attributes every kind of function shares
// (lambda.Function, emr.ClusterLauncher); defined in kinds_lambda.cpp.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "drdb/aws/iam/policy.hpp"
#include "drdb/aws/lambda/function.hpp"
#include "spec/kind.hpp"
#include "spec/role_grants.hpp"

namespace drdb::spec {

// Runtimes by the identifier both targets use: python3.13, nodejs22.x, provided.al2023...
template <>
struct Codec<aws::lambda::Runtime> {
  static std::vector<std::pair<std::string_view, aws::lambda::Runtime>> names() {
    std::vector<std::pair<std::string_view, aws::lambda::Runtime>> out;
    for (auto r : aws::lambda::all_runtimes()) out.emplace_back(to_string(r), r);
    return out;
  }
  static bool read(const YAML::Node& n, aws::lambda::Runtime& v, Context& c) {
    return detail::read_name(n, v, names(), c, "runtime");
  }
  static Schema schema() { return detail::names_schema(names()); }
};

// {inline: ...}, {s3: {bucket, key}} or {asset: <path relative to the spec>}.
template <>
struct Forms<aws::lambda::Code> {
  static constexpr std::string_view name = "code";
  static const FormList<aws::lambda::Code>& get();
};

// A queue or stream the function polls.
struct EventSourceSpec {
  std::string id;
  const aws::sqs::Queue* queue = nullptr;
  const aws::dynamodb::Table* table = nullptr;
  std::optional<Str> queue_arn;
  bool fifo = false;
  std::optional<Str> stream_arn;
  aws::lambda::EventSourceOptions options;
};

// A service allowed to invoke the function, scoped to the calling resource.
struct InvokePermission {
  std::string id;
  std::string principal;
  Str source_arn = "";
  std::optional<Str> source_account;
};

struct FunctionActions {
  std::vector<EventSourceSpec> event_sources;
  std::vector<RoleGrant<aws::lambda::Function>> grants;
  std::vector<InvokePermission> invoke_permissions;
  aws::iam::PolicyDocument statements;
};

template <>
struct Fields<FunctionActions> {
  static constexpr std::string_view name = "lambda.Function";
  static const FieldList<FunctionActions>& get();
};

void apply_function_actions(aws::lambda::Function& function, const FunctionActions& actions);

template <class F>
std::vector<Attribute<F>> function_attributes() {
  return {{"function_arn", [](const F& f) { return f.function_arn(); }},
          {"function_name", [](const F& f) { return f.function_name(); }},
          {"role_arn", [](const F& f) { return f.role().arn(); }},
          {"log_group_name", [](const F& f) { return f.log_group().log_group_name(); }}};
}

}  // namespace drdb::spec
