#include "tf_reader.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>

#include "naming.hpp"

namespace drdb::codegen {
namespace {

using nlohmann::json;

std::optional<std::uint64_t> block_count(const json& s, const char* key) {
  auto it = s.find(key);
  if (it == s.end() || !it->is_number_unsigned() || it->get<std::uint64_t>() == 0) return std::nullopt;
  return std::min<std::uint64_t>(it->get<std::uint64_t>(), std::numeric_limits<std::uint32_t>::max());
}

// block["attributes"] / block["block_types"], or an empty object.
const json& members_of(const json& block, const char* key) {
  static const json empty = json::object();
  auto it = block.find(key);
  return it == block.end() ? empty : *it;
}

class TfReader {
 public:
  explicit TfReader(Arena& arena) : arena_(arena) {}

  Resource read(const std::string& type_name, const json& schema) {
    Resource r;
    r.type_name = type_name;
    r.root = arena_.struct_def(top_level_name(type_name), nullptr, type_name);
    const json& block = schema.at("block");
    fill_block(*r.root, block, true);
    for (const auto& [name, attribute] : members_of(block, "attributes").items())
      r.attributes.push_back({attribute_name(name), name});
    return r;
  }

 private:
  // Attributes and nested blocks share one name space; members are made in name order.
  void fill_block(StructDef& st, const json& block, bool resource) {
    const json& attributes = members_of(block, "attributes");
    const json& blocks = members_of(block, "block_types");
    std::vector<std::string> names;
    for (const auto& [name, _] : attributes.items()) names.push_back(name);
    for (const auto& [name, _] : blocks.items()) names.push_back(name);
    std::sort(names.begin(), names.end());
    for (const auto& name : names) {
      if (attributes.contains(name)) {
        st.members.push_back(attribute(st, name, attributes.at(name), resource));
      } else {
        st.members.push_back(nested_block(st, name, blocks.at(name)));
      }
    }
  }

  // Computed-only attributes, and a resource's `id`, are read-only: attributes, not fields.
  Member attribute(StructDef& st, const std::string& name, const json& a, bool resource) {
    if (a.contains("nested_type")) throw std::runtime_error("nested_type attributes are not supported yet: " + name);
    Member m;
    m.schema_name = name;
    m.required = a.value("required", false);
    bool settable = m.required || a.value("optional", false);
    m.read_only = !settable || (resource && name == "id");
    if (m.read_only) return m;
    m.cpp_name = field_name(st, name);
    m.node = type_node(a.at("type"), st, name);
    return m;
  }

  Member nested_block(StructDef& st, const std::string& name, const json& b) {
    Member m;
    m.schema_name = name;
    m.cpp_name = field_name(st, name);
    StructDef* nested = arena_.struct_def(struct_name(st, name), &st, "block " + name);
    fill_block(*nested, b.at("block"), false);
    const Node* object = arena_.node(Node{.kind = Kind::Object, .object = nested});
    auto min_items = block_count(b, "min_items");
    m.required = min_items.has_value();
    const auto mode = b.at("nesting_mode").get<std::string>();
    if (mode == "single" || mode == "group") {
      m.node = object;
    } else if (mode == "list" || mode == "set") {
      m.node = arena_.node(Node{.kind = Kind::Array, .items = object, .single_as_list = true,
                                .min_items = min_items, .max_items = block_count(b, "max_items")});
    } else if (mode == "map") {
      m.node = arena_.node(Node{.kind = Kind::Map, .items = object});
    } else {
      throw std::runtime_error("unknown nesting_mode " + mode + " of block " + name);
    }
    return m;
  }

  // cty types: "string", "number", "bool", "dynamic", ["list"|"set"|"map", T], ["object", {...}],
  // ["tuple", [...]].
  const Node* type_node(const json& type, StructDef& scope, const std::string& name) {
    if (type.is_string()) {
      const auto t = type.get<std::string>();
      if (t == "string") return arena_.node(Node{.kind = Kind::String});
      if (t == "number") return arena_.node(Node{.kind = Kind::Number});
      if (t == "bool") return arena_.node(Node{.kind = Kind::Boolean});
      return arena_.node();  // dynamic
    }
    const auto constructor = type.at(0).get<std::string>();
    if (constructor == "list" || constructor == "set")
      return arena_.node(Node{.kind = Kind::Array, .items = type_node(type.at(1), scope, name)});
    if (constructor == "map") return arena_.node(Node{.kind = Kind::Map, .items = type_node(type.at(1), scope, name)});
    if (constructor == "object") return arena_.node(Node{.kind = Kind::Object, .object = object_struct(type.at(1), scope, name)});
    return arena_.node(Node{.kind = Kind::Array});  // tuple
  }

  // Terraform's JSON syntax wants every key of an object-typed value, null for the unset ones.
  StructDef* object_struct(const json& attributes, StructDef& scope, const std::string& name) {
    StructDef* st = arena_.struct_def(struct_name(scope, name), &scope, "object " + name);
    st->emit_all_keys = true;
    for (const auto& [key, type] : attributes.items()) {
      Member m;
      m.schema_name = key;
      m.cpp_name = field_name(*st, key);
      m.node = type_node(type, *st, key);
      m.required = true;
      m.nullable = true;
      st->members.push_back(std::move(m));
    }
    return st;
  }

  Arena& arena_;
};

}  // namespace

Resource read_tf_resource(const std::string& type_name, const nlohmann::json& schema, Arena& arena) {
  return TfReader(arena).read(type_name, schema);
}

}  // namespace drdb::codegen
