#include "declarations.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "cpp_text.hpp"

namespace drdb::codegen {
namespace {

// What a plain name means inside `scope`: C++ looks in the struct and then in each enclosing one
// for a member (or the struct's own name) spelled so.
const StructDef* plain_lookup(const std::string& name, const StructDef& scope) {
  for (const StructDef* s = &scope; s; s = s->parent) {
    if (s->name == name) return s;
    for (const StructDef* n : s->nested)
      if (n->name == name) return n;
    for (const auto& m : s->members)
      if (m.cpp_name == name) return nullptr;
  }
  return nullptr;
}

// The plain name where it finds the target ("Tag"), else the name from the namespace
// ("Cluster::Configuration").
std::string type_ref(const StructDef& target, const StructDef& scope) {
  return plain_lookup(target.name, scope) == &target ? target.name : target.qualified();
}

std::string cpp_type(const Node* n, const StructDef& scope) {
  if (!n) return "Value";
  switch (n->kind) {
    case Kind::String: return "Str";
    case Kind::Integer: return "Int";
    case Kind::Number: return "Num";
    case Kind::Boolean: return "Bool";
    case Kind::Array: return "ListOf<" + cpp_type(n->items, scope) + ">";
    case Kind::Map: return "MapOf<" + cpp_type(n->items, scope) + ">";
    case Kind::Object: return n->object ? type_ref(*n->object, scope) : "Value";
    case Kind::Any: return "Value";
  }
  return "Value";
}

// Structs a node refers to; `by_value` only those that must be complete where the field is
// declared (std::optional<T>, std::map<K, T>); not those behind a list (std::vector<T>).
void referenced(const Node* n, bool by_value, std::set<const StructDef*>& out) {
  if (!n) return;
  if (n->object) out.insert(n->object);
  if (n->kind == Kind::Map || (n->kind == Kind::Array && !by_value)) referenced(n->items, by_value, out);
}

void referenced_in_subtree(const StructDef& st, bool by_value, std::set<const StructDef*>& out) {
  for (const auto& m : st.members)
    if (m.is_field()) referenced(m.node, by_value, out);
  for (const StructDef* n : st.nested) referenced_in_subtree(*n, by_value, out);
}

bool in_subtree(const StructDef* candidate, const StructDef& root) {
  for (const StructDef* s = candidate; s; s = s->parent)
    if (s == &root) return true;
  return false;
}

bool refers_to(const StructDef& from, const StructDef& to, bool by_value) {
  std::set<const StructDef*> refs;
  referenced_in_subtree(from, by_value, refs);
  return std::any_of(refs.begin(), refs.end(), [&](const StructDef* r) { return in_subtree(r, to); });
}

// Depth-first: a struct comes after the siblings it holds by value.
void visit(const StructDef* st, const StructDef& scope, std::set<const StructDef*>& done,
           std::set<const StructDef*>& active, std::vector<const StructDef*>& order) {
  if (done.count(st)) return;
  if (!active.insert(st).second)
    throw std::runtime_error(scope.qualified() + "::" + st->name + " holds itself by value");
  for (const StructDef* other : scope.nested)
    if (other != st && refers_to(*st, *other, true)) visit(other, scope, done, active, order);
  active.erase(st);
  done.insert(st);
  order.push_back(st);
}

std::vector<const StructDef*> declaration_order(const StructDef& scope) {
  std::set<const StructDef*> done, active;
  std::vector<const StructDef*> order;
  for (const StructDef* st : scope.nested) visit(st, scope, done, active, order);
  return order;
}

std::string declare(const StructDef& st, const Resource* resource, const Template& tpl);

std::string nested_text(const StructDef& st, const Template& tpl) {
  auto order = declaration_order(st);
  std::string forward, bodies;
  for (std::size_t j = 0; j < order.size(); ++j) {
    bool early = false;
    for (std::size_t i = 0; i < j && !early; ++i) early = refers_to(*order[i], *order[j], false);
    if (early) forward += "struct " + order[j]->name + ";\n";
    bodies += declare(*order[j], nullptr, tpl) + "\n";
  }
  return forward.empty() ? bodies : forward + "\n" + bodies;
}

std::string fields_text(const StructDef& st) {
  std::string out;
  for (const auto& m : st.members) {
    if (!m.is_field()) continue;
    out += "std::optional<" + cpp_type(m.node, st) + "> " + m.cpp_name + ";";
    out += m.required && !m.nullable ? "  // required\n" : "\n";
  }
  return out;
}

std::string attr_text(const Resource& r) {
  if (r.attributes.empty()) return "struct attr {};";
  std::string out = "struct attr {\n";
  for (const auto& a : r.attributes)
    out += "  static constexpr std::string_view " + a.cpp_name + " = " + string_literal(a.name) + ";\n";
  return out + "};";
}

std::string declare(const StructDef& st, const Resource* resource, const Template& tpl) {
  return tpl.render({
      {"comment", st.comment},
      {"name", st.name},
      {"type_name", resource ? "static constexpr std::string_view type_name = " + string_literal(resource->type_name) + ";\n\n" : ""},
      {"nested", nested_text(st, tpl)},
      {"fields", fields_text(st)},
      {"attr", resource ? attr_text(*resource) : ""},
  });
}

}  // namespace

std::string declare_resource(const Resource& r, const Template& struct_template) {
  return declare(*r.root, &r, struct_template);
}

}  // namespace drdb::codegen
