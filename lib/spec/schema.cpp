// The JSON Schema of spec files, from the same field lists the loader reads with.
#include <set>
#include <string>
#include <vector>

#include "drdb/spec/spec.hpp"
#include "spec/kind.hpp"
#include "spec/spec_format.hpp"

namespace drdb::spec {

std::string json_schema() {
  std::set<std::string> attributes;  // of every kind, sorted
  for (const auto& k : kinds())
    for (const auto& attribute : k.attributes) attributes.emplace(attribute.first);
  Schema defs = Schema::object();
  defs[std::string(detail::str_schema_name)] =
      detail::str_schema_definition(std::vector<std::string>(attributes.begin(), attributes.end()));
  Schema any_kind = Schema::array();
  for (const auto& k : kinds()) {
    Schema s = k.schema();
    s["description"] = k.doc;
    defs[std::string(k.name)] = std::move(s);
    any_kind.push_back({{"$ref", "#/$defs/" + std::string(k.name)}});
  }
  Schema stack = object_schema(Fields<StackSpec>::get());
  stack["properties"]["resources"] = {{"type", "object"},
                                      {"description", "resource id → resource; props refer to resources declared above them"},
                                      {"additionalProperties", {{"oneOf", any_kind}}}};
  stack["properties"]["depends_on"] = {{"type", "array"},
                                       {"items", {{"type", "string"}}},
                                       {"description", "stacks deployed before this one, besides those whose values it reads"}};
  stack["properties"]["outputs"] = {{"type", "object"}, {"additionalProperties", object_schema(Fields<OutputSpec>::get())}};
  stack["properties"]["parameters"] = {{"type", "object"},
                                       {"description", "values given at deploy time; strings refer to them as {param: <name>}"},
                                       {"additionalProperties", object_schema(Fields<ParameterSpec>::get())}};
  Schema app{{"$schema", "https://json-schema.org/draft/2020-12/schema"},
             {"title", "drdb app spec"},
             {"type", "object"},
             {"additionalProperties", false},
             {"required", {"stacks"}},
             {"properties", {{"stacks", {{"type", "object"}, {"additionalProperties", stack}}}}},
             {"$defs", defs}};
  return app.dump(2) + "\n";
}

}  // namespace drdb::spec
