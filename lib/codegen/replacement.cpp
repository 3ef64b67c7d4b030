#include "replacement.hpp"

#include <map>
#include <stdexcept>

#include "cpp_text.hpp"
#include "tf_update_map.hpp"
#include "update_table.hpp"

namespace drdb::codegen {
namespace {

using nlohmann::json;

std::map<std::string, const Resource*> resources_of(const Target& target) {
  std::map<std::string, const Resource*> out;
  for (const auto& [name, service] : target.services)
    for (const auto& r : service.resources) out[r.type_name] = &r;
  return out;
}

// "AWS::EC2::VPC" -> "AWS_EC2_VPC": the name of a type's table.
std::string table_name(std::string_view prefix, std::string_view type) {
  std::string out(prefix);
  for (std::size_t i = 0; i < type.size(); ++i) {
    if (type.compare(i, 2, "::") == 0) ++i;
    out += type[i] == ':' ? '_' : type[i];
  }
  return out;
}

const char* enumerator(UpdateBehavior b) {
  switch (b) {
    case UpdateBehavior::InPlace: return "InPlace";
    case UpdateBehavior::MayReplace: return "MayReplace";
    case UpdateBehavior::Replace: return "Replace";
    case UpdateBehavior::Unknown: return "Unknown";
  }
  return "Unknown";
}

// `constexpr PathRule name[] = {...};` (one rule a line, with its note), or "" for an empty table.
std::string rules_array(const std::string& name, const UpdateEntries& entries,
                        const std::map<std::string, std::string>& notes = {}) {
  if (entries.empty()) return "";
  std::string out = "constexpr PathRule " + name + "[] = {\n";
  for (const auto& [path, behavior] : entries) {
    out += "    {" + string_literal(path) + ", " + enumerator(behavior) + "},";
    if (auto note = notes.find(path); note != notes.end()) out += "  // " + note->second;
    out += "\n";
  }
  return out + "};\n";
}

std::string span_of(const std::string& name, bool empty) { return empty ? "{}" : name; }

std::string counts(const TfUpdateMap& m) {
  return std::to_string(m.by_name) + " by name, " + std::to_string(m.by_alias) + " by alias, " +
         std::to_string(m.overridden) + " overridden, " + std::to_string(m.by_rule) + " by rule, " +
         std::to_string(m.inside) + " inside a uniform block, " + std::to_string(m.unknown) + " unknown";
}

}  // namespace

void emit_replacement(const Target& cfn, const Target& tf, const std::vector<TypeEntry>& types,
                      const json& cfn_updates, const json& tf_aliases, const Template& t, OutputTree& out) {
  const auto cfn_resources = resources_of(cfn);
  const auto tf_resources = resources_of(tf);
  const json& updates = cfn_updates.at("types");
  const json& aliases = tf_aliases.at("aliases");

  std::map<std::string, UpdateEntries> cfn_tables;
  std::string cfn_arrays, cfn_entries;
  for (const auto& [type, r] : cfn_resources) {
    auto it = updates.find(type);
    const UpdateEntries& table = cfn_tables[type] = cfn_update_entries(*r, it == updates.end() ? nullptr : &*it);
    const auto rules = table_name("cfn_", type);
    cfn_arrays += rules_array(rules, table);
    cfn_entries += "{" + string_literal(type) + ", " + span_of(rules, table.empty()) + "},\n";
  }

  std::map<std::string, std::string> tf_to_cfn;  // the first line naming a Terraform type wins
  for (const auto& e : types)
    for (const auto& tf_type : e.tf_types) tf_to_cfn.emplace(tf_type, e.cfn_type);
  for (const auto& [tf_type, _] : aliases.items())
    if (!tf_to_cfn.count(tf_type)) throw std::runtime_error("schemas/tf-aliases.json: " + tf_type + " is not in types.txt");

  TfUpdateMap total;
  std::string tf_arrays, tf_entries;
  for (const auto& [tf_type, cfn_type] : tf_to_cfn) {
    const json own = aliases.value(tf_type, json::object());
    const TfUpdateMap m = map_tf_updates(*tf_resources.at(tf_type), *cfn_resources.at(cfn_type), cfn_tables.at(cfn_type), own);
    const auto rules = table_name("tf_", tf_type);
    tf_arrays += "// " + tf_type + " = " + cfn_type + ": " + counts(m) + "\n" + rules_array(rules, m.entries, m.notes);
    tf_entries += "{" + string_literal(tf_type) + ", " + string_literal(cfn_type) + ", " +
                  span_of(rules, m.entries.empty()) + "},\n";
    total.by_name += m.by_name;
    total.by_alias += m.by_alias;
    total.overridden += m.overridden;
    total.by_rule += m.by_rule;
    total.inside += m.inside;
    total.unknown += m.unknown;
  }
  out.write("lib/l1/replacement.cpp", t.render({{"source", cfn_updates.at("source").get<std::string>()},
                                                {"cfn_arrays", cfn_arrays},
                                                {"cfn_entries", cfn_entries},
                                                {"tf_summary", counts(total)},
                                                {"tf_arrays", tf_arrays},
                                                {"tf_entries", tf_entries}}));
}

}  // namespace drdb::codegen
