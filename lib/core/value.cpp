#include "drdb/core/value.hpp"

#include <type_traits>

namespace drdb {

bool Value::has_expression() const {
  if (is_expression()) return true;
  if (is_list()) {
    for (const auto& item : as_list())
      if (item.has_expression()) return true;
  } else if (is_object()) {
    for (const auto& [key, member] : as_object())
      if (member.has_expression()) return true;
  }
  return false;
}

std::string_view Value::kind_name() const {
  switch (v_.index()) {
    case 0: return "null";
    case 1: return "boolean";
    case 2: return "integer";
    case 3: return "number";
    case 4: return "string";
    case 5: return "list";
    case 6: return "object";
    default: return "expression";
  }
}

bool operator==(const Value& a, const Value& b) {
  if (a.v_.index() != b.v_.index()) return false;
  if (a.is_expression()) return a.as_expression() == b.as_expression();
  return a.v_ == b.v_;
}

namespace {
bool same_document(const std::shared_ptr<const Value>& a, const std::shared_ptr<const Value>& b) {
  if (!a || !b) return a == b;
  return *a == *b;
}
}  // namespace

bool operator==(const Expression& a, const Expression& b) {
  if (a.index() != b.index()) return false;
  return std::visit(
      [&](const auto& x) -> bool {
        using T = std::decay_t<decltype(x)>;
        const auto& y = std::get<T>(b);
        if constexpr (std::is_same_v<T, AttrRef>) return x.target == y.target && x.attribute == y.attribute;
        if constexpr (std::is_same_v<T, ParamRef>) return x.parameter == y.parameter;
        if constexpr (std::is_same_v<T, Pseudo>) return x == y;
        if constexpr (std::is_same_v<T, Join>) return x.separator == y.separator && x.parts == y.parts;
        if constexpr (std::is_same_v<T, JsonString>) return same_document(x.document, y.document);
        if constexpr (std::is_same_v<T, ImportValue>) return x.export_name == y.export_name;
        if constexpr (std::is_same_v<T, Select>) return x.index == y.index && same_document(x.list, y.list);
      },
      a);
}

Value concat(List parts) {
  List flat;
  for (auto& part : parts) {
    if (part.is_expression()) {
      const auto* join = std::get_if<Join>(&part.as_expression());
      if (join != nullptr && join->separator.empty()) {
        for (const auto& inner : join->parts) flat.push_back(inner);
        continue;
      }
    }
    flat.push_back(std::move(part));
  }
  List merged;
  for (auto& part : flat) {
    if (part.is_string() && part.as_string().empty()) continue;
    if (part.is_string() && !merged.empty() && merged.back().is_string()) {
      merged.back() = Value(merged.back().as_string() + part.as_string());
      continue;
    }
    merged.push_back(std::move(part));
  }
  if (merged.empty()) return Value(std::string());
  if (merged.size() == 1 && merged.front().is_string()) return merged.front();
  return Value(Join{"", std::move(merged)});
}

Value json_string(Value document) { return Value(JsonString{std::make_shared<const Value>(std::move(document))}); }

}  // namespace drdb
