#include "shape_table.hpp"

#include "cpp_text.hpp"

namespace drdb::codegen {
namespace {

std::string kind_name(Kind k) {
  switch (k) {
    case Kind::Any: return "Kind::Any";
    case Kind::String: return "Kind::String";
    case Kind::Integer: return "Kind::Integer";
    case Kind::Number: return "Kind::Number";
    case Kind::Boolean: return "Kind::Boolean";
    case Kind::Array: return "Kind::Array";
    case Kind::Object: return "Kind::Object";
    case Kind::Map: return "Kind::Map";
  }
  return "Kind::Any";
}

std::string any_of(const std::vector<Kind>& kinds) {
  std::string out;
  for (Kind k : kinds) out += (out.empty() ? "" : " | ") + ("kind_bit(" + kind_name(k) + ")");
  return out;
}

void field(std::string& out, const char* name, const std::string& value) {
  out += std::string(out.size() > 1 ? ", ." : ".") + name + " = " + value;
}

template <class T>
void field(std::string& out, const char* name, const std::optional<T>& value) {
  if (!value) return;
  if constexpr (std::is_floating_point_v<T>) {
    field(out, name, double_literal(*value));
  } else {
    field(out, name, std::to_string(*value));
  }
}

std::string comment_line(const std::string& text) {
  std::string out = "// ";
  for (char c : text) out += c == '\n' ? ' ' : c;
  return out + "\n";
}

}  // namespace

std::size_t ShapeTable::add(const StructDef& st) {
  if (auto it = struct_index_.find(&st); it != struct_index_.end()) return it->second;
  std::size_t index = shapes_.size();
  shapes_.emplace_back();
  struct_index_[&st] = index;
  std::vector<std::string> properties;
  for (const auto& m : st.members) {
    std::string p = "{";
    field(p, "name", string_literal(m.schema_name));
    if (m.node && !m.read_only) field(p, "shape", "&S[" + std::to_string(node(*m.node)) + "]");
    if (m.required) field(p, "required", "true");
    if (m.read_only) field(p, "read_only", "true");
    if (m.nullable) field(p, "nullable", "true");
    properties.push_back(p + "}");
  }
  std::string s = "{";
  field(s, "kind", "Kind::Object");
  if (st.closed) field(s, "closed", "true");
  if (!properties.empty())
    field(s, "properties", "{P + " + std::to_string(properties_.size()) + ", " + std::to_string(properties.size()) + "}");
  properties_.insert(properties_.end(), properties.begin(), properties.end());
  shapes_[index] = s + "},  // " + st.qualified() + "\n";
  return index;
}

std::size_t ShapeTable::node(const Node& n) {
  if (n.object) return add(*n.object);
  std::string s = "{";
  field(s, "kind", kind_name(n.kind));
  if (!n.any_of.empty()) field(s, "any_of", any_of(n.any_of));
  if (n.closed) field(s, "closed", "true");
  if (n.single_as_list) field(s, "single_as_list", "true");
  if (n.items) field(s, "items", "&S[" + std::to_string(node(*n.items)) + "]");
  if (n.key_pattern) field(s, "key_pattern", "&R[" + std::to_string(pattern(*n.key_pattern)) + "]");
  if (!n.enum_values.empty()) field(s, "enum_values", enum_span(n.enum_values));
  if (n.pattern) field(s, "pattern", "&R[" + std::to_string(pattern(*n.pattern)) + "]");
  field(s, "minimum", n.minimum);
  field(s, "maximum", n.maximum);
  field(s, "min_length", n.min_length > 0U ? n.min_length : std::nullopt);  // 0: the default
  field(s, "max_length", n.max_length);
  field(s, "min_items", n.min_items > 0U ? n.min_items : std::nullopt);
  field(s, "max_items", n.max_items);
  std::string entry = (n.pattern_note.empty() ? "" : comment_line(n.pattern_note)) + s + "},\n";
  auto [it, inserted] = leaf_index_.emplace(entry, shapes_.size());
  if (inserted) shapes_.push_back(entry);
  return it->second;
}

std::string ShapeTable::enum_span(const std::vector<std::string>& values) {
  auto [it, inserted] = enum_offset_.emplace(values, enum_values_.size());
  if (inserted) enum_values_.insert(enum_values_.end(), values.begin(), values.end());
  return "{E + " + std::to_string(it->second) + ", " + std::to_string(values.size()) + "}";
}

std::size_t ShapeTable::pattern(const std::string& source) {
  auto [it, inserted] = pattern_index_.emplace(source, patterns_.size());
  if (inserted) patterns_.push_back(source);
  return it->second;
}

std::string ShapeTable::render() const {
  std::string out;
  if (!enum_values_.empty()) {
    out += "constexpr std::string_view E[] = {\n";
    for (const auto& v : enum_values_) out += "    " + string_literal(v) + ",\n";
    out += "};\n\n";
  }
  if (!patterns_.empty()) {
    out += "constinit Pattern R[] = {\n";
    for (const auto& p : patterns_) out += "    Pattern(" + string_literal(p) + "),\n";
    out += "};\n\n";
  }
  if (!properties_.empty()) out += "extern const Property P[" + std::to_string(properties_.size()) + "];\n\n";
  out += "constinit const Shape S[" + std::to_string(shapes_.size()) + "] = {\n";
  for (std::size_t i = 0; i < shapes_.size(); ++i) {
    std::string_view entry = shapes_[i];
    while (entry.starts_with("//")) {  // notes stand above their entry
      auto end = entry.find('\n') + 1;
      out += "    " + std::string(entry.substr(0, end));
      entry.remove_prefix(end);
    }
    out += "    /* " + std::to_string(i) + " */ " + std::string(entry);
  }
  out += "};\n";
  if (!properties_.empty()) {
    out += "\nconstinit const Property P[" + std::to_string(properties_.size()) + "] = {\n";
    for (const auto& p : properties_) out += "    " + p + ",\n";
    out += "};\n";
  }
  return out;
}

}  // namespace drdb::codegen
