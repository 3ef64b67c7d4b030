#include "render/tf/removed_blocks.hpp"

namespace drdb::render::tf {
namespace {

using nlohmann::json;

// Terraform's JSON syntax takes a block as an object or as a list of objects.
json blocks(const json& value) {
  if (value.is_array()) return value;
  if (value.is_object()) return json::array({value});
  return json::array();
}

bool prevents_destroy(const json& resource) {
  if (!resource.is_object() || !resource.contains("lifecycle")) return false;
  for (const auto& lifecycle : blocks(resource["lifecycle"]))
    if (lifecycle.is_object() && lifecycle.value("prevent_destroy", false) == true) return true;
  return false;
}

// Calls f(address, name, body) for every resource the module declares.
template <class F>
void for_each_resource(const json& module, F f) {
  const auto resources = module.find("resource");  // end() for anything but an object
  if (resources == module.end() || !resources->is_object()) return;
  for (const auto& [type, named] : resources->items())
    if (named.is_object())
      for (const auto& [name, body] : named.items()) f(type + "." + name, name, body);
}

std::set<std::string> declared(const json& module) {
  std::set<std::string> out;
  for_each_resource(module, [&](const std::string& address, const std::string&, const json&) { out.insert(address); });
  return out;
}

// The names of the resources marked prevent_destroy: the retained constructs' logical ids.
std::set<std::string> retained_names(const json& module) {
  std::set<std::string> out;
  for_each_resource(module, [&](const std::string&, const std::string& name, const json& body) {
    if (prevents_destroy(body)) out.insert(name);
  });
  return out;
}

}  // namespace

std::set<std::string> forgotten_addresses(const json& module) {
  std::set<std::string> out;
  if (!module.is_object() || !module.contains("removed")) return out;
  for (const auto& block : blocks(module["removed"])) {
    if (!block.is_object() || !block.contains("from") || !block["from"].is_string()) continue;
    for (const auto& lifecycle : blocks(block.value("lifecycle", json())))
      if (lifecycle.is_object() && lifecycle.value("destroy", true) == false) out.insert(block["from"].get<std::string>());
  }
  return out;
}

std::set<std::string> retained_addresses(const json& module) {
  const auto names = retained_names(module);
  std::set<std::string> out;
  for_each_resource(module, [&](const std::string& address, const std::string& name, const json&) {
    if (names.contains(name)) out.insert(address);
  });
  return out;
}

json removed_blocks(const json& previous, const json& module) {
  // A construct leaves when its prevent_destroy resource does; its parts go with it, and only then
  // (versioning turned off on a bucket that stays is destroyed, as asked).
  auto gone = retained_names(previous);
  for (const auto& name : retained_names(module)) gone.erase(name);
  auto addresses = forgotten_addresses(previous);
  for_each_resource(previous, [&](const std::string& address, const std::string& name, const json&) {
    if (gone.contains(name)) addresses.insert(address);
  });
  for (const auto& address : declared(module)) addresses.erase(address);
  json out = json::array();
  for (const auto& address : addresses) out.push_back({{"from", address}, {"lifecycle", {{"destroy", false}}}});
  return out;
}

bool keep_retained(json& module, const json& previous) {
  auto removed = removed_blocks(previous, module);
  if (removed.empty()) return false;
  module["removed"] = std::move(removed);
  module["terraform"]["required_version"] = ">= 1.7.0";  // the first to read `removed`
  return true;
}

}  // namespace drdb::render::tf
