// Structs as YAML mappings: each field by name, with its codec and a line of documentation.
//   template <> struct Fields<SubnetGroup> {
//     static constexpr std::string_view name = "subnet group";
//     static const FieldList<SubnetGroup>& get() {
//       static const FieldList<SubnetGroup> list{field("name", &SubnetGroup::name, "...", required), ...};
//       return list;
//     }
//   };
#pragma once

#include <functional>
#include <set>
#include <span>
#include <string_view>
#include <vector>

#include "spec/codec.hpp"

namespace drdb::spec {

template <class S>
struct Field {
  std::string_view name;
  std::string_view doc;
  bool required = false;
  std::function<bool(const YAML::Node&, S&, Context&)> read;
  std::function<Schema()> schema;
};

template <class S>
using FieldList = std::vector<Field<S>>;

template <class S>
struct Fields;

inline constexpr bool required = true;

template <class S, class T>
Field<S> field(std::string_view name, T S::*member, std::string_view doc, bool is_required = false) {
  return {name, doc, is_required, [member](const YAML::Node& n, S& s, Context& c) { return Codec<T>::read(n, s.*member, c); },
          [] { return Codec<T>::schema(); }};
}

template <class S>
std::vector<std::string_view> field_names(const FieldList<S>& fields) {
  std::vector<std::string_view> names;
  for (const auto& f : fields) names.push_back(f.name);
  return names;
}

template <class S>
const Field<S>* find_field(const FieldList<S>& fields, std::string_view name) {
  for (const auto& f : fields)
    if (f.name == name) return &f;
  return nullptr;
}

template <class S>
Schema object_schema(const FieldList<S>& fields) {
  Schema properties = Schema::object();
  Schema required_names = Schema::array();
  for (const auto& f : fields) {
    Schema s = f.schema();
    if (!f.doc.empty()) s["description"] = f.doc;
    properties[std::string(f.name)] = std::move(s);
    if (f.required) required_names.push_back(f.name);
  }
  Schema out{{"type", "object"}, {"additionalProperties", false}, {"properties", properties}};
  if (!required_names.empty()) out["required"] = required_names;
  return out;
}

// Reads the keys of mapping `node` that are fields into `s`. Keys in `others` belong to someone
// else and are skipped; any other key is reported, with the nearest of fields and others.
template <class S>
bool read_fields(const YAML::Node& node, S& s, const FieldList<S>& fields, Context& c, std::string_view what,
                 std::span<const std::string_view> others = {}) {
  if (!node.IsMap()) {
    c.expected(node, "a mapping of " + std::string(what) + " settings", "write it as {key: value} or one \"key: value\" per line");
    return false;
  }
  bool ok = true;
  std::set<std::string> seen;
  for (const auto& entry : node) {
    if (!detail::scalar(entry.first, c, "a key")) {
      ok = false;
      continue;
    }
    const std::string& key = entry.first.Scalar();
    if (!seen.insert(key).second) {
      c.error(entry.first, "\"" + key + "\" is given twice", "keep one");
      ok = false;
      continue;
    }
    if (const auto* f = find_field(fields, key)) {
      Context::KeyScope reading(c, key);
      ok = f->read(entry.second, s, c) && ok;
      continue;
    }
    bool other = false;
    for (auto o : others) other = other || o == key;
    if (other) continue;
    auto valid = field_names(fields);
    valid.insert(valid.end(), others.begin(), others.end());
    c.unknown(entry.first, std::string(what) + " key", valid);
    ok = false;
  }
  for (const auto& f : fields)
    if (f.required && !seen.count(std::string(f.name))) {
      c.error(node, std::string(what) + " needs \"" + std::string(f.name) + "\"", "add " + std::string(f.name) + ": ...");
      ok = false;
    }
  return ok;
}

template <class S>
struct Codec<S, std::enable_if_t<requires { Fields<S>::get(); }>> {
  static bool read(const YAML::Node& n, S& v, Context& c) { return read_fields(n, v, Fields<S>::get(), c, Fields<S>::name); }
  static Schema schema() { return object_schema(Fields<S>::get()); }
};

}  // namespace drdb::spec
