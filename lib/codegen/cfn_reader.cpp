#include "cfn_reader.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <stdexcept>

#include "cpp_text.hpp"
#include "naming.hpp"
#include "patterns.hpp"

namespace drdb::codegen {
namespace {

using nlohmann::json;

constexpr std::string_view kDefinitionPrefix = "#/definitions/";

bool is_struct_like(const json& s) {
  auto type = s.find("type");
  bool object_type = type == s.end() || *type == "object";
  auto properties = s.find("properties");
  return object_type && properties != s.end() && properties->is_object() && !properties->empty();
}

std::vector<std::string> types_of(const json& s) {
  auto type = s.find("type");
  if (type == s.end()) return {};
  if (type->is_string()) return {type->get<std::string>()};
  std::vector<std::string> out;
  for (const auto& t : *type) out.push_back(t.get<std::string>());
  return out;
}

Kind kind_named(const std::string& type) {
  if (type == "string") return Kind::String;
  if (type == "integer") return Kind::Integer;
  if (type == "number") return Kind::Number;
  if (type == "boolean") return Kind::Boolean;
  if (type == "array") return Kind::Array;
  if (type == "object") return Kind::Object;
  return Kind::Any;
}

std::optional<std::uint64_t> schema_count(const json& s, const char* key) {
  auto it = s.find(key);
  if (it == s.end() || !it->is_number()) return std::nullopt;
  auto n = it->get<double>();
  if (n < 0 || n > std::numeric_limits<std::uint32_t>::max()) return std::nullopt;  // no practical limit
  return static_cast<std::uint64_t>(n);
}

std::optional<double> bound(const json& s, const char* key) {
  auto it = s.find(key);
  return it != s.end() && it->is_number() ? std::optional(it->get<double>()) : std::nullopt;
}

std::string enum_text(const json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

void add_pattern_note(Node& n, const std::string& what, const std::string& pattern, const std::string& why) {
  if (!n.pattern_note.empty()) n.pattern_note += "; ";
  n.pattern_note += what + " dropped (" + why + "): " + string_literal(pattern);
}

// The value constraints of a schema node (the kind and structure are the reader's job).
void read_constraints(const json& s, Node& n) {
  if (auto e = s.find("enum"); e != s.end())
    for (const auto& v : *e) n.enum_values.push_back(enum_text(v));
  if (auto c = s.find("const"); c != s.end()) n.enum_values = {enum_text(*c)};
  if (auto p = s.find("pattern"); p != s.end() && p->is_string()) {
    auto verdict = portable_pattern(p->get<std::string>());
    n.pattern = verdict.pattern;
    if (!verdict.note.empty()) add_pattern_note(n, "pattern", p->get<std::string>(), verdict.note);
  }
  n.minimum = bound(s, "minimum");
  n.maximum = bound(s, "maximum");
  n.min_length = schema_count(s, "minLength");
  n.max_length = schema_count(s, "maxLength");
  n.min_items = schema_count(s, "minItems");
  n.max_items = schema_count(s, "maxItems");
}

class CfnReader {
 public:
  CfnReader(const json& schema, Arena& arena) : schema_(schema), arena_(arena) {}

  Resource read() {
    Resource r;
    r.type_name = schema_.at("typeName").get<std::string>();
    auto last = r.type_name.rfind("::");
    root_ = arena_.struct_def(top_level_name(r.type_name.substr(last + 2)), nullptr, r.type_name);
    declare_definitions();
    for (auto& [name, def] : definition_structs_) fill(*def, schema_.at("definitions").at(name));
    fill(*root_, schema_);
    r.root = root_;
    r.attributes = read_only_attributes();
    r.create_only = property_paths("createOnlyProperties");
    r.conditional_create_only = property_paths("conditionalCreateOnlyProperties");
    prune(*root_, reachable());
    return r;
  }

 private:
  // Struct-like definitions are created up front (sorted), so their names do not depend on the
  // order they are referenced in, and recursive references find them.
  void declare_definitions() {
    auto defs = schema_.find("definitions");
    if (defs == schema_.end()) return;
    for (const auto& [name, def] : defs->items())
      if (is_struct_like(def))
        definition_structs_[name] = arena_.struct_def(struct_name(*root_, name), root_, "definition " + name);
  }

  void fill(StructDef& st, const json& s) {
    std::set<std::string> required;
    if (auto r = s.find("required"); r != s.end())
      for (const auto& name : *r) required.insert(name.get<std::string>());
    auto additional = s.find("additionalProperties");
    st.closed = additional != s.end() && *additional == false && !s.contains("patternProperties");
    for (const auto& [name, property] : s.at("properties").items()) {
      Member m;
      m.schema_name = name;
      m.cpp_name = field_name(st, name);
      m.required = required.count(name) > 0;
      m.node = node(property, st, name);
      st.members.push_back(std::move(m));
    }
  }

  const Node* node(const json& s, StructDef& scope, const std::string& context) {
    if (auto ref = s.find("$ref"); ref != s.end()) return referenced(ref->get<std::string>(), s);
    auto types = types_of(s);
    Node n;
    if (types.size() > 1) {
      for (const auto& t : types) n.any_of.push_back(kind_named(t));
      std::sort(n.any_of.begin(), n.any_of.end());
    } else if (types.size() == 1) {
      n.kind = kind_named(types.front());
    } else if (s.contains("properties") || s.contains("patternProperties")) {
      n.kind = Kind::Object;
    } else if (s.contains("items")) {
      n.kind = Kind::Array;
    }
    read_constraints(s, n);
    if (n.kind == Kind::Array) {
      if (auto items = s.find("items"); items != s.end() && items->is_object()) n.items = node(*items, scope, context);
    } else if (n.kind == Kind::Object) {
      object(s, scope, context, n);
    }
    return arena_.node(std::move(n));
  }

  // Objects: with properties a struct; with only a schema for their values a map; else any object.
  void object(const json& s, StructDef& scope, const std::string& context, Node& n) {
    if (is_struct_like(s)) {
      n.object = arena_.struct_def(struct_name(scope, context), &scope, "property " + context);
      fill(*n.object, s);
      return;
    }
    if (auto patterns = s.find("patternProperties"); patterns != s.end() && !patterns->empty()) {
      n.kind = Kind::Map;
      const json& first = patterns->begin().value();
      bool same = std::all_of(patterns->begin(), patterns->end(), [&](const json& v) { return v == first; });
      if (same) n.items = node(first, scope, context);
      if (patterns->size() == 1) {
        auto verdict = portable_pattern(patterns->begin().key());
        n.key_pattern = verdict.pattern;
        if (!verdict.note.empty()) add_pattern_note(n, "key pattern", patterns->begin().key(), verdict.note);
      }
      return;
    }
    if (auto additional = s.find("additionalProperties"); additional != s.end() && additional->is_object()) {
      n.kind = Kind::Map;
      n.items = node(*additional, scope, context);
      return;
    }
    n.closed = s.value("additionalProperties", json(true)) == false;
  }

  const Node* referenced(const std::string& ref, const json& at) {
    if (!ref.starts_with(kDefinitionPrefix)) throw std::runtime_error("unsupported $ref " + ref);
    std::string name = ref.substr(kDefinitionPrefix.size());
    const json& def = schema_.at("definitions").at(name);
    if (auto st = definition_structs_.find(name); st != definition_structs_.end()) {
      auto& memo = definition_nodes_[name];
      if (!memo) memo = arena_.node(Node{.kind = Kind::Object, .object = st->second});
      return memo;
    }
    // A definition that is no struct is inlined, with the constraints written beside the $ref.
    if (!resolving_.insert(name).second) return arena_.node();  // recursive non-struct definition
    json merged = def;
    for (const auto& [key, value] : at.items())
      if (key != "$ref") merged[key] = value;
    const Node* n = node(merged, *root_, name);
    resolving_.erase(name);
    return n;
  }

  // readOnlyProperties: "/properties/Arn", "/properties/Endpoint/Address" -> attributes "Arn",
  // "Endpoint.Address"; the property itself becomes read-only in the struct holding it.
  std::vector<Attribute> read_only_attributes() {
    std::vector<Attribute> out;
    auto paths = schema_.find("readOnlyProperties");
    if (paths == schema_.end()) return out;
    for (const auto& p : *paths) {
      std::string path = p.get<std::string>();
      if (!path.starts_with("/properties/") || path.find('*') != std::string::npos) continue;
      std::string name = path.substr(std::string_view("/properties/").size());
      std::replace(name.begin(), name.end(), '/', '.');
      mark_read_only(name);
      out.push_back({attribute_name(name), name});
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    return out;
  }

  // createOnlyProperties and the like: "/properties/KeySchema", "/properties/Vpc/SubnetIds" ->
  // "KeySchema", "Vpc.SubnetIds" (a "*" segment, an array item, is dropped: a change below it
  // changes the array).
  std::vector<std::string> property_paths(const char* key) const {
    std::vector<std::string> out;
    auto paths = schema_.find(key);
    if (paths == schema_.end()) return out;
    for (const auto& p : *paths) {
      std::string path = p.get<std::string>();
      if (!path.starts_with("/properties/")) continue;
      std::string dotted;
      std::size_t start = std::string_view("/properties/").size();
      while (start <= path.size()) {
        auto slash = path.find('/', start);
        std::string segment = path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        if (segment != "*") dotted += (dotted.empty() ? "" : ".") + segment;
        if (slash == std::string::npos) break;
        start = slash + 1;
      }
      out.push_back(dotted);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  // Structs some field leads to, from the resource down (unused definitions, and structs of
  // properties found read-only, are dropped).
  std::set<const StructDef*> reachable() const {
    std::set<const StructDef*> seen{root_};
    std::vector<const StructDef*> todo{root_};
    auto visit = [&](auto&& self, const Node* n) -> void {
      if (!n) return;
      if (n->object && seen.insert(n->object).second) todo.push_back(n->object);
      self(self, n->items);
    };
    while (!todo.empty()) {
      const StructDef* st = todo.back();
      todo.pop_back();
      for (const auto& m : st->members)
        if (m.is_field()) visit(visit, m.node);
    }
    return seen;
  }

  static void prune(StructDef& st, const std::set<const StructDef*>& keep) {
    std::erase_if(st.nested, [&](const StructDef* n) { return !keep.count(n); });
    for (StructDef* n : st.nested) prune(*n, keep);
  }

  void mark_read_only(const std::string& dotted) {
    StructDef* st = root_;
    std::size_t start = 0;
    while (st) {
      auto dot = dotted.find('.', start);
      std::string segment = dotted.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
      auto m = std::find_if(st->members.begin(), st->members.end(), [&](const Member& x) { return x.schema_name == segment; });
      if (m == st->members.end()) return;
      if (dot == std::string::npos) {
        m->read_only = true;
        m->node = nullptr;
        return;
      }
      st = m->node ? m->node->object : nullptr;
      start = dot + 1;
    }
  }

  const json& schema_;
  Arena& arena_;
  StructDef* root_ = nullptr;
  std::map<std::string, StructDef*> definition_structs_;
  std::map<std::string, const Node*> definition_nodes_;
  std::set<std::string> resolving_;
};

}  // namespace

Resource read_cfn_resource(const nlohmann::json& schema, Arena& arena) { return CfnReader(schema, arena).read(); }

}  // namespace drdb::codegen
