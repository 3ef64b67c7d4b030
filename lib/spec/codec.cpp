#include <charconv>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <regex>

#include "drdb/aws/stepfunctions/ensure_cluster_run_step.hpp"
#include "drdb/core/error.hpp"
#include "drdb/core/stack.hpp"
#include "spec/kind.hpp"

namespace drdb::spec::detail {

bool scalar(const YAML::Node& node, Context& c, std::string_view expected) {
  if (node.IsScalar()) return true;
  c.error(node, std::string("expected ") + std::string(expected) + ", found " + (node.IsMap() ? "a mapping" : node.IsSequence() ? "a list" : "nothing"),
          "write " + std::string(expected) + " here");
  return false;
}

bool plain_int(const YAML::Node& node, long long& out) {
  const std::string& s = node.Scalar();
  static const std::regex integer("[-+]?[0-9]+");
  const char* begin = s.data() + (!s.empty() && s[0] == '+' ? 1 : 0);
  return node.IsScalar() && node.Tag() != "!" && std::regex_match(s, integer) &&
         std::from_chars(begin, s.data() + s.size(), out).ec == std::errc();
}

bool plain_double(const YAML::Node& node, double& out) {
  static const std::regex number(R"([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?)");
  if (!node.IsScalar() || node.Tag() == "!" || !std::regex_match(node.Scalar(), number)) return false;
  out = std::strtod(node.Scalar().c_str(), nullptr);  // not stod: out of range is HUGE_VAL, not a throw
  return std::isfinite(out);
}

bool plain_bool(const YAML::Node& node, bool& out) {
  if (!node.IsScalar() || node.Tag() == "!" || (node.Scalar() != "true" && node.Scalar() != "false")) return false;
  out = node.Scalar() == "true";
  return true;
}

bool read_int(const YAML::Node& node, long long& out, Context& c) {
  if (!scalar(node, c, "a whole number")) return false;
  if (plain_int(node, out)) return true;
  c.error(node, "expected a whole number, found \"" + node.Scalar() + "\"", "write digits only, without quotes, e.g. 24");
  return false;
}

bool read_double(const YAML::Node& node, double& out, Context& c) {
  if (!scalar(node, c, "a number")) return false;
  if (plain_double(node, out)) return true;
  c.error(node, "expected a number, found \"" + node.Scalar() + "\"", "write a number without quotes, e.g. 0.5");
  return false;
}

bool read_bool(const YAML::Node& node, bool& out, Context& c) {
  if (!scalar(node, c, "true or false")) return false;
  if (plain_bool(node, out)) return true;
  c.error(node, "expected true or false, found \"" + node.Scalar() + "\"", "write true or false, without quotes");
  return false;
}

Construct* resource(const YAML::Node& node, std::string_view expected_kind, Context& c) {
  if (!scalar(node, c, "the id of a resource")) return nullptr;
  const std::string& ref = node.Scalar();
  std::string id;
  Context::Scope* scope = c.scope_of(ref, id);
  if (scope == nullptr) {
    const auto stacks = c.stack_names();
    c.unknown(node, ref.substr(0, ref.find('/')), "stack of \"" + ref + "\":", stacks);
    return nullptr;
  }
  const bool other_stack = scope != &c.scope();
  if (auto it = scope->resources.find(id); it != scope->resources.end()) return it->second;
  if (scope->declared.count(id) != 0) {
    c.error(node, "\"" + ref + "\" is declared below this reference (or could not be created)",
            other_stack ? "declare its stack above this one, or refer to it from an action (grants, rules, targets), which may refer anywhere"
                        : "declare " + id + " above the resources whose props refer to it");
    return nullptr;
  }
  const std::string prefix = other_stack ? ref.substr(0, ref.find('/') + 1) : "";
  std::vector<std::string> ids;
  for (const auto& [name, kind] : scope->declared)
    if (expected_kind.empty() || kind == expected_kind) ids.push_back(prefix + name);
  const std::vector<std::string_view> views(ids.begin(), ids.end());
  c.unknown(node, expected_kind.empty() ? std::string("resource") : "resource " + std::string(expected_kind), views);
  return nullptr;
}

// {join: [part, ...]}: the parts, strings or references, one after the other (as Str's + joins them).
bool read_join(const YAML::Node& parts, Str& out, Context& c) {
  if (!parts.IsSequence() || parts.size() == 0) {
    c.error(parts, "join takes a list of strings and references",
            "write e.g. {join: [\"s3://\", {ref: Data, attribute: bucket_name}, /jobs/etl.py]}");
    return false;
  }
  bool ok = true;
  std::optional<Str> joined;
  for (const auto& part : parts) {
    Str s("");
    if (!read_str(part, s, c)) ok = false;
    else joined = joined ? *joined + s : s;
  }
  if (ok) out = *joined;
  return ok;
}

// {param: <name>}: a parameter of the stack, declared in its parameters section.
bool read_param(const YAML::Node& name, Str& out, Context& c) {
  if (!scalar(name, c, "a parameter name")) return false;
  if (auto it = c.parameters().find(name.Scalar()); it != c.parameters().end()) {
    out = it->second->as_str();
    return true;
  }
  std::vector<std::string_view> names;
  for (const auto& [n, p] : c.parameters()) names.push_back(n);
  c.unknown(name, "parameter (declare it under the stack's parameters)", names);
  return false;
}

// {pseudo: region}: a value of the deployment (region, account, partition...).
constexpr std::pair<std::string_view, Str (*)()> pseudo_values[] = {{"account_id", &pseudo::account_id},
                                                                     {"partition", &pseudo::partition},
                                                                     {"region", &pseudo::region},
                                                                     {"stack_name", &pseudo::stack_name},
                                                                     {"url_suffix", &pseudo::url_suffix}};

bool read_pseudo(const YAML::Node& name, Str& out, Context& c) {
  Str (*value)() = nullptr;
  if (!read_name(name, value, pseudo_values, c, "pseudo value")) return false;
  out = value();
  return true;
}

// {arn: {service: elasticmapreduce, resource: cluster/*}}: an ARN in the deployment's partition,
// region and account.
bool read_arn(const YAML::Node& node, Str& out, Context& c) {
  if (!node.IsMap() || node.size() != 2 || !node["service"] || !node["resource"]) {
    c.error(node, "arn takes exactly a service and a resource", "write e.g. {arn: {service: elasticmapreduce, resource: cluster/*}}");
    return false;
  }
  if (!scalar(node["service"], c, "a service name") || !scalar(node["resource"], c, "a resource")) return false;
  out = pseudo::arn(node["service"].Scalar(), node["resource"].Scalar());
  return true;
}

// {run_input: object_key}: read by a workflow's run from its input (EnsureClusterRunStep's object).
constexpr std::pair<std::string_view, Str (*)()> run_input_values[] = {
    {"object_bucket", &aws::stepfunctions::EnsureClusterRunStep::object_bucket},
    {"object_key", &aws::stepfunctions::EnsureClusterRunStep::object_key},
    {"object_uri", &aws::stepfunctions::EnsureClusterRunStep::object_uri}};

Schema run_input_schema() {
  auto schema = names_schema(run_input_values);
  schema["description"] = "read at run time from a workflow run's input: the object it is for (stepfunctions.EnsureClusterRunStep's step arguments)";
  return schema;
}

bool read_run_input(const YAML::Node& name, Str& out, Context& c) {
  Str (*value)() = nullptr;
  if (!read_name(name, value, run_input_values, c, "run input")) return false;
  out = value();
  return true;
}

bool read_str(const YAML::Node& node, Str& out, Context& c) {
  if (node.IsMap() && node.size() == 1 && node["join"]) return read_join(node["join"], out, c);
  if (node.IsMap() && node.size() == 1 && node["param"]) return read_param(node["param"], out, c);
  if (node.IsMap() && node.size() == 1 && node["pseudo"]) return read_pseudo(node["pseudo"], out, c);
  if (node.IsMap() && node.size() == 1 && node["arn"]) return read_arn(node["arn"], out, c);
  if (node.IsMap() && node.size() == 1 && node["run_input"]) return read_run_input(node["run_input"], out, c);
  if (node.IsScalar()) {
    out = Str(node.Scalar());
    return true;
  }
  if (!node.IsMap() || !node["ref"] || !node["attribute"] || node.size() != 2) {
    c.error(node,
            "expected a string, a reference {ref: <resource id>, attribute: <name>}, {param: <name>}, {pseudo: <name>}, "
            "{arn: {service, resource}}, {run_input: <name>} or {join: [...]}",
            "write a plain string, both ref and attribute, a parameter, a pseudo value, an ARN, a run input, or join with a list");
    return false;
  }
  Construct* target = resource(node["ref"], "", c);
  if (target == nullptr || !scalar(node["attribute"], c, "an attribute name")) return false;
  const Kind* kind = find_kind(c.kind_of(node["ref"].Scalar()));
  std::vector<std::string_view> names;
  for (const auto& [name, get] : kind->attributes) {
    if (name == node["attribute"].Scalar()) {
      try {
        out = get(*target);
        return true;
      } catch (const Error& e) {  // an attribute this resource's settings do not give it (a table's stream)
        c.error(node["attribute"], e.what(), "refer to an attribute the resource has");
        return false;
      }
    }
    names.push_back(name);
  }
  c.unknown(node["attribute"], "attribute of " + std::string(kind->name), names);
  return false;
}

Schema str_schema() { return {{"$ref", "#/$defs/" + std::string(str_schema_name)}}; }

Schema str_schema_definition(const std::vector<std::string>& attributes) {
  const Schema literal{{"type", "string"}};
  const Schema reference{{"type", "object"},
                         {"additionalProperties", false},
                         {"required", {"ref", "attribute"}},
                         {"properties",
                          {{"ref", {{"type", "string"}, {"description", "the id of a resource of this stack, or <stack>/<id> of another"}}},
                           {"attribute", {{"enum", attributes}, {"description", "one of the attributes its kind offers"}}}}}};
  const Schema param{{"type", "object"},
                     {"additionalProperties", false},
                     {"required", {"param"}},
                     {"properties", {{"param", {{"type", "string"}, {"description", "a parameter of this stack"}}}}}};
  const Schema pseudo_value{{"type", "object"},
                            {"additionalProperties", false},
                            {"required", {"pseudo"}},
                            {"properties", {{"pseudo", names_schema(pseudo_values)}}}};
  const Schema arn{{"type", "object"},
                   {"additionalProperties", false},
                   {"required", {"arn"}},
                   {"properties",
                    {{"arn",
                      {{"type", "object"},
                       {"additionalProperties", false},
                       {"required", {"service", "resource"}},
                       {"description", "arn:<partition>:<service>:<region>:<account>:<resource> of the deployment"},
                       {"properties", {{"service", {{"type", "string"}}}, {"resource", {{"type", "string"}}}}}}}}}};
  const Schema run_input{{"type", "object"},
                         {"additionalProperties", false},
                         {"required", {"run_input"}},
                         {"properties",
                          {{"run_input", run_input_schema()}}}};
  const Schema join{{"type", "object"},
                    {"additionalProperties", false},
                    {"required", {"join"}},
                    {"properties",
                     {{"join",
                       {{"type", "array"},
                        {"minItems", 1},
                        {"items", {{"oneOf", {literal, reference, param, pseudo_value, arn, run_input}}}},
                        {"description", "strings, references, parameters and pseudo values, one after the other"}}}}}};
  return {{"oneOf", {literal, reference, param, pseudo_value, arn, run_input, join}}};
}

}  // namespace drdb::spec::detail
