#include "diff/resources.hpp"

#include <regex>

namespace drdb::diff::detail {
namespace {

using nlohmann::json;

std::string child_path(const std::string& path, const std::string& key) {
  // Intrinsic functions are not properties (the same rule as property_path).
  if (key == "Ref" || key.starts_with("Fn::")) return path;
  return path.empty() ? key : path + "." + key;
}

// "${Id}", "${Id.Attr}" of an Fn::Sub string; "${!Literal}" and pseudo parameters are not references.
void sub_references(const std::string& text, const std::string& path, const json* variables, std::vector<Reference>& out) {
  static const std::regex variable(R"(\$\{([^!}][^}]*)\})");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), variable); it != std::sregex_iterator(); ++it) {
    std::string name = (*it)[1].str();
    if (name.starts_with("AWS::")) continue;
    if (variables != nullptr && variables->is_object() && variables->contains(name)) continue;
    if (const auto dot = name.find('.'); dot != std::string::npos) name.resize(dot);
    out.push_back({path, name});
  }
}

void cfn_references(const json& v, const std::string& path, std::vector<Reference>& out) {
  if (v.is_array()) {
    for (const auto& item : v) cfn_references(item, path, out);
    return;
  }
  if (!v.is_object()) return;
  if (v.size() == 1) {
    const auto first = v.begin();
    const std::string& key = first.key();
    const auto& arg = first.value();
    if (key == "Ref" && arg.is_string()) {
      if (!arg.get_ref<const std::string&>().starts_with("AWS::")) out.push_back({path, arg.get<std::string>()});
      return;
    }
    if (key == "Fn::GetAtt") {
      if (arg.is_array() && !arg.empty() && arg[0].is_string()) out.push_back({path, arg[0].get<std::string>()});
      else if (arg.is_string()) out.push_back({path, arg.get<std::string>().substr(0, arg.get<std::string>().find('.'))});
      return;
    }
    if (key == "Fn::Sub") {
      if (arg.is_string()) sub_references(arg.get<std::string>(), path, nullptr, out);
      if (arg.is_array() && arg.size() == 2 && arg[0].is_string()) {
        sub_references(arg[0].get<std::string>(), path, &arg[1], out);
        cfn_references(arg[1], path, out);
      }
      return;
    }
    if (key == "Fn::ImportValue" && arg.is_string()) {
      out.push_back({path, "export:" + arg.get<std::string>()});
      return;
    }
  }
  for (const auto& [key, item] : v.items()) cfn_references(item, child_path(path, key), out);
}

void tf_references(const json& v, const std::string& path, std::vector<Reference>& out) {
  if (v.is_array()) {
    for (const auto& item : v) tf_references(item, path, out);
    return;
  }
  if (v.is_object()) {
    for (const auto& [key, item] : v.items()) tf_references(item, path.empty() ? key : path + "." + key, out);
    return;
  }
  if (!v.is_string()) return;
  // An interpolation's first two parts name a managed resource (data sources start with "data.").
  static const std::regex reference(R"(\$\{([a-z0-9_]+)\.([A-Za-z0-9_-]+)[.}\[])");
  const auto& text = v.get_ref<const std::string&>();
  for (auto it = std::sregex_iterator(text.begin(), text.end(), reference); it != std::sregex_iterator(); ++it) {
    const auto type = (*it)[1].str();
    if (type == "data" || type == "var" || type == "local" || type == "module") continue;
    out.push_back({path, type + "." + (*it)[2].str()});
  }
}

}  // namespace

std::map<std::string, Resource> resources_of(const json& doc, Kind kind) {
  std::map<std::string, Resource> out;
  if (!doc.is_object()) return out;
  const auto it = doc.find(resources_key(kind));
  if (it == doc.end() || !it->is_object()) return out;
  if (kind == Kind::Terraform) {
    for (const auto& [type, named] : it->items())
      if (named.is_object())
        for (const auto& [name, body] : named.items()) out[type + "." + name] = {type, &body};
    return out;
  }
  for (const auto& [id, body] : it->items())
    out[id] = {body.is_object() ? body.value("Type", std::string()) : std::string(), &body};
  return out;
}

const char* resources_key(Kind kind) { return kind == Kind::Terraform ? "resource" : "Resources"; }

std::string_view properties_prefix(Kind kind) { return kind == Kind::Terraform ? "" : "Properties."; }

std::vector<Reference> references_of(const Resource& resource, Kind kind) {
  std::vector<Reference> out;
  if (resource.body == nullptr || !resource.body->is_object()) return out;
  if (kind == Kind::Terraform) {
    for (const auto& [key, value] : resource.body->items())
      if (key != "lifecycle" && key != "depends_on" && key != "provider") tf_references(value, key, out);
    return out;
  }
  if (const auto it = resource.body->find("Properties"); it != resource.body->end()) cfn_references(*it, "", out);
  return out;
}

}  // namespace drdb::diff::detail
