#include "naming.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>

namespace drdb::codegen {
namespace {

// C++ keywords, macros a header may see, the generated members of every struct and the local of
// to_value(), and the drdb names the generated code uses unqualified.
constexpr std::string_view kReserved[] = {
    "alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand", "bitor", "bool", "break",
    "case", "catch", "char", "char8_t", "char16_t", "char32_t", "class", "compl", "concept",
    "const", "consteval", "constexpr", "constinit", "const_cast", "continue", "co_await",
    "co_return", "co_yield", "decltype", "default", "delete", "do", "double", "dynamic_cast",
    "else", "enum", "explicit", "export", "extern", "false", "float", "for", "friend", "goto", "if",
    "inline", "int", "long", "mutable", "namespace", "new", "noexcept", "not", "not_eq", "nullptr",
    "operator", "or", "or_eq", "private", "protected", "public", "register", "reinterpret_cast",
    "requires", "return", "short", "signed", "sizeof", "static", "static_assert", "static_cast",
    "struct", "switch", "template", "this", "thread_local", "throw", "true", "try", "typedef",
    "typeid", "typename", "union", "unsigned", "using", "virtual", "void", "volatile", "wchar_t",
    "while", "xor", "xor_eq", "final", "override", "import", "module",
    // macros
    "assert", "errno", "linux", "unix", "major", "minor", "NULL", "EOF", "stdin", "stdout",
    "stderr", "TRUE", "FALSE",
    // generated members and helpers
    "type_name", "attr", "to_value", "shape", "out",
    // drdb names used unqualified in generated code
    "Value", "Object", "List", "Str", "Int", "Num", "Bool", "ListOf", "MapOf", "Shape", "Kind",
    "Pattern", "Property", "ObjectWriter", "std", "drdb",
    // the Shape tables of generated sources
    "S", "P", "E", "R"};

bool is_reserved(std::string_view name) {
  return std::find(std::begin(kReserved), std::end(kReserved), name) != std::end(kReserved);
}

// Letters, digits and '_' only; never starting with a digit.
std::string sanitize(std::string s) {
  for (char& c : s)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  if (s.empty() || std::isdigit(static_cast<unsigned char>(s.front()))) return '_' + s;
  return s;
}

bool taken_in(const StructDef& scope, std::string_view name) {
  for (const StructDef* s = &scope; s; s = s->parent)
    if (s->name == name) return true;
  for (const auto& m : scope.members)
    if (m.cpp_name == name) return true;
  for (const StructDef* n : scope.nested)
    if (n->name == name) return true;
  return false;
}

std::string unique_in(const StructDef& scope, std::string name) {
  while (is_reserved(name) || taken_in(scope, name)) name += '_';
  return name;
}

std::string unreserved(std::string name) {
  while (is_reserved(name)) name += '_';
  return name;
}

}  // namespace

std::string snake_case(std::string_view in) {
  std::string out;
  auto upper = [&](std::size_t i) { return i < in.size() && std::isupper(static_cast<unsigned char>(in[i])); };
  auto lower = [&](std::size_t i) { return i < in.size() && std::islower(static_cast<unsigned char>(in[i])); };
  auto digit = [&](std::size_t i) { return i < in.size() && std::isdigit(static_cast<unsigned char>(in[i])); };
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (upper(i) && i > 0 && out.back() != '_' &&
        (lower(i - 1) || digit(i - 1) || (upper(i - 1) && lower(i + 1))))
      out += '_';
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(in[i])));
  }
  return sanitize(std::move(out));
}

std::string pascal_case(std::string_view in) {
  std::string out;
  bool start = true;
  for (char c : in) {
    if (!std::isalnum(static_cast<unsigned char>(c))) {
      start = true;
      continue;
    }
    out += start ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    start = false;
  }
  return sanitize(std::move(out));
}

std::string field_name(const StructDef& scope, std::string_view schema_name) {
  return unique_in(scope, snake_case(schema_name));
}

std::string struct_name(const StructDef& scope, std::string_view schema_name) {
  return unique_in(scope, pascal_case(schema_name));
}

std::string top_level_name(std::string_view schema_name) {
  return unreserved(sanitize(std::string(schema_name)));
}

std::string attribute_name(std::string_view attribute) {
  return unreserved(sanitize(std::string(attribute)));
}

}  // namespace drdb::codegen
