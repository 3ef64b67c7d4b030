#include <charconv>
#include <cmath>
#include <regex>

#include "spec/kind.hpp"

namespace drdb::spec::detail {

bool scalar(const YAML::Node& node, Context& c, std::string_view expected) {
  if (node.IsScalar()) return true;
  c.error(node, std::string("expected ") + std::string(expected) + ", found " + (node.IsMap() ? "a mapping" : node.IsSequence() ? "a list" : "nothing"),
          "write " + std::string(expected) + " here");
  return false;
}

bool read_int(const YAML::Node& node, long long& out, Context& c) {
  if (!scalar(node, c, "a whole number")) return false;
  const std::string& s = node.Scalar();
  static const std::regex integer("[-+]?[0-9]+");
  const char* begin = s.data() + (!s.empty() && s[0] == '+' ? 1 : 0);
  if (node.Tag() != "!" && std::regex_match(s, integer) && std::from_chars(begin, s.data() + s.size(), out).ec == std::errc())
    return true;
  c.error(node, "expected a whole number, found \"" + s + "\"", "write digits only, without quotes, e.g. 24");
  return false;
}

bool read_double(const YAML::Node& node, double& out, Context& c) {
  if (!scalar(node, c, "a number")) return false;
  const std::string& s = node.Scalar();
  static const std::regex number(R"([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?)");
  if (node.Tag() != "!" && std::regex_match(s, number)) {
    out = std::stod(s);
    if (std::isfinite(out)) return true;
  }
  c.error(node, "expected a number, found \"" + s + "\"", "write a number without quotes, e.g. 0.5");
  return false;
}

bool read_bool(const YAML::Node& node, bool& out, Context& c) {
  if (!scalar(node, c, "true or false")) return false;
  if (node.Tag() != "!" && (node.Scalar() == "true" || node.Scalar() == "false")) {
    out = node.Scalar() == "true";
    return true;
  }
  c.error(node, "expected true or false, found \"" + node.Scalar() + "\"", "write true or false, without quotes");
  return false;
}

Construct* resource(const YAML::Node& node, std::string_view expected_kind, Context& c) {
  if (!scalar(node, c, "the id of a resource")) return nullptr;
  const std::string& id = node.Scalar();
  if (auto it = c.resources().find(id); it != c.resources().end()) return it->second;
  if (c.declared().count(id) != 0) {
    c.error(node, "\"" + id + "\" is declared below this reference (or could not be created)",
            "declare " + id + " above the resources whose props refer to it");
    return nullptr;
  }
  std::vector<std::string_view> ids;
  for (const auto& [name, kind] : c.declared())
    if (expected_kind.empty() || kind == expected_kind) ids.push_back(name);
  c.unknown(node, "resource " + std::string(expected_kind), ids);
  return nullptr;
}

bool read_str(const YAML::Node& node, Str& out, Context& c) {
  if (node.IsScalar()) {
    out = Str(node.Scalar());
    return true;
  }
  if (!node.IsMap() || !node["ref"] || !node["attribute"] || node.size() != 2) {
    c.error(node, "expected a string, or a reference {ref: <resource id>, attribute: <name>}",
            "write a plain string, or both ref and attribute");
    return false;
  }
  Construct* target = resource(node["ref"], "", c);
  if (target == nullptr || !scalar(node["attribute"], c, "an attribute name")) return false;
  const Kind* kind = find_kind(c.declared()[node["ref"].Scalar()]);
  std::vector<std::string_view> names;
  for (const auto& [name, get] : kind->attributes) {
    if (name == node["attribute"].Scalar()) {
      out = get(*target);
      return true;
    }
    names.push_back(name);
  }
  c.unknown(node["attribute"], "attribute of " + std::string(kind->name), names);
  return false;
}

Schema str_schema() {
  return {{"oneOf",
           {{{"type", "string"}},
            {{"type", "object"},
             {"additionalProperties", false},
             {"required", {"ref", "attribute"}},
             {"properties",
              {{"ref", {{"type", "string"}, {"description", "the id of a resource of this stack"}}},
               {"attribute", {{"type", "string"}, {"description", "one of the attributes its kind offers"}}}}}}}}};
}

}  // namespace drdb::spec::detail
