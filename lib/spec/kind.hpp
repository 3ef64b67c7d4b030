// Resource kinds of specs ("s3.Bucket"): how a mapping becomes a construct, what its actions do,
// which attributes other items may reference, and its JSON Schema. One file per service
// (kinds_<service>.cpp) defines its kinds with make_kind.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "spec/fields.hpp"
#include "spec/suppressions.hpp"

namespace drdb::spec {

struct Kind {
  std::string_view name;
  std::string_view doc;
  std::vector<std::string_view> keys;  // props and actions
  // Creates the resource `id` in `scope` from its props; null after reporting problems.
  std::function<Construct*(Construct& scope, const std::string& id, const YAML::Node& node, Context&)> create;
  // Runs the actions of `node` on the created resource, once every resource of the stack exists.
  std::function<void(Construct& resource, const YAML::Node& node, Context&)> act;
  // Attributes other items may reference with {ref: id, attribute: name}.
  std::vector<std::pair<std::string_view, std::function<Str(const Construct&)>>> attributes;
  std::function<Schema()> schema;
};

// Every kind, sorted by name.
const std::vector<Kind>& kinds();
const Kind* find_kind(std::string_view name);

// Per service (kinds_<service>.cpp).
std::vector<Kind> dynamodb_kinds();
std::vector<Kind> ec2_kinds();
std::vector<Kind> ecr_kinds();
std::vector<Kind> iam_kinds();
std::vector<Kind> kms_kinds();
std::vector<Kind> logs_kinds();
std::vector<Kind> s3_kinds();
std::vector<Kind> secretsmanager_kinds();
std::vector<Kind> sqs_kinds();
std::vector<Kind> apigateway_kinds();
std::vector<Kind> events_kinds();
std::vector<Kind> lambda_kinds();
std::vector<Kind> emr_kinds();
std::vector<Kind> stepfunctions_kinds();

// No actions.
struct NoActions {};
template <>
struct Fields<NoActions> {
  static constexpr std::string_view name = "resource";
  static const FieldList<NoActions>& get() {
    static const FieldList<NoActions> none;
    return none;
  }
};

template <class C>
using Attribute = std::pair<std::string_view, std::function<Str(const C&)>>;

// A kind for construct C: props read with Fields<C::Props>, actions with Fields<Actions> and
// applied by `apply`.
template <class C, class Actions = NoActions>
Kind make_kind(std::string_view doc, std::vector<Attribute<C>> attributes,
               std::function<void(C&, const Actions&)> apply = {}) {
  using Props = typename C::Props;
  const auto& props_fields = Fields<Props>::get();
  const auto& action_fields = Fields<Actions>::get();
  Kind k;
  k.name = KindName<C>::value;
  k.doc = doc;
  k.keys = field_names(props_fields);
  for (auto n : field_names(action_fields)) k.keys.push_back(n);
  std::vector<std::string_view> others = field_names(action_fields);
  others.push_back("type");
  others.push_back(suppress_key);
  k.create = [others](Construct& scope, const std::string& id, const YAML::Node& node, Context& c) -> Construct* {
    Props props{};
    if (!read_fields(node, props, Fields<Props>::get(), c, KindName<C>::value, others)) return nullptr;
    return &scope.add<C>(id, std::move(props));
  };
  std::vector<std::string_view> prop_keys = field_names(props_fields);
  prop_keys.push_back("type");
  prop_keys.push_back(suppress_key);
  k.act = [prop_keys, apply](Construct& resource, const YAML::Node& node, Context& c) {
    Actions actions{};
    if (!read_fields(node, actions, Fields<Actions>::get(), c, KindName<C>::value, prop_keys)) return;
    if (apply) apply(dynamic_cast<C&>(resource), actions);
  };
  for (auto& [name, get] : attributes)  // an init-capture: clang before 16 cannot capture a structured binding
    k.attributes.push_back({name, [getter = get](const Construct& r) { return getter(dynamic_cast<const C&>(r)); }});
  k.schema = [] {
    Schema s = object_schema(Fields<Props>::get());
    const Schema actions = object_schema(Fields<Actions>::get());
    for (const auto& [name, schema] : actions["properties"].items()) s["properties"][name] = schema;
    s["properties"]["type"] = {{"const", KindName<C>::value}};
    s["properties"][std::string(suppress_key)] = Codec<Suppressions>::schema();
    s["required"].push_back("type");
    return s;
  };
  return k;
}

}  // namespace drdb::spec
