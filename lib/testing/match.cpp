#include <drdb/testing/template.hpp>

#include <nlohmann/json.hpp>

namespace drdb::testing {

namespace {

// Special patterns are objects with one reserved key, which no AWS schema uses.
constexpr std::string_view absent_key = "$drdb:absent";
constexpr std::string_view array_with_key = "$drdb:arrayWith";
constexpr std::string_view any_key = "$drdb:any";

bool is_special(const Value& pattern, std::string_view key) {
  return pattern.is_object() && pattern.as_object().size() == 1 && pattern.as_object().begin()->first == key;
}

std::string show(const Value& v) {
  if (v.is_string()) return nlohmann::json(v.as_string()).dump();
  if (v.is_null()) return "null";
  if (v.is_bool()) return v.as_bool() ? "true" : "false";
  if (v.is_int()) return std::to_string(v.as_int());
  if (v.is_double()) return nlohmann::json(v.as_double()).dump();
  return std::string("a ") + std::string(v.kind_name());
}

bool same_scalar(const Value& a, const Value& b) {
  if (a.is_number() && b.is_number()) return a.as_double() == b.as_double();
  return a == b;
}

}  // namespace

Value absent() { return Value::object({{std::string(absent_key), true}}); }
Value array_with(List items) { return Value::object({{std::string(array_with_key), Value(std::move(items))}}); }
Value any_value() { return Value::object({{std::string(any_key), true}}); }

std::string mismatch(const Value& actual, const Value& pattern, const std::string& path) {
  const std::string here = path.empty() ? "(root)" : path;
  if (is_special(pattern, any_key)) return {};
  if (is_special(pattern, array_with_key)) {
    if (!actual.is_list()) return here + ": expected a list, got " + show(actual);
    for (const auto& wanted : pattern.as_object().begin()->second.as_list()) {
      bool found = false;
      for (const auto& item : actual.as_list()) found = found || mismatch(item, wanted, path).empty();
      if (!found) return here + ": no element matches " + show(wanted);
    }
    return {};
  }
  if (pattern.is_object()) {
    if (!actual.is_object()) return here + ": expected an object, got " + show(actual);
    for (const auto& [key, wanted] : pattern.as_object()) {
      const auto it = actual.as_object().find(key);
      const std::string below = path.empty() ? key : path + "." + key;
      if (is_special(wanted, absent_key)) {
        if (it != actual.as_object().end()) return below + ": expected absent, got " + show(it->second);
        continue;
      }
      if (it == actual.as_object().end()) return below + ": missing";
      if (auto why = mismatch(it->second, wanted, below); !why.empty()) return why;
    }
    return {};
  }
  if (pattern.is_list()) {
    if (!actual.is_list()) return here + ": expected a list, got " + show(actual);
    const auto& want = pattern.as_list();
    const auto& got = actual.as_list();
    if (want.size() != got.size())
      return here + ": expected " + std::to_string(want.size()) + " elements, got " + std::to_string(got.size());
    for (std::size_t i = 0; i < want.size(); ++i)
      if (auto why = mismatch(got[i], want[i], path + "[" + std::to_string(i) + "]"); !why.empty()) return why;
    return {};
  }
  if (!same_scalar(actual, pattern)) return here + ": expected " + show(pattern) + ", got " + show(actual);
  return {};
}

}  // namespace drdb::testing
