// Structs written in one mapping together with the fields of a struct they hold, e.g. a rule
// target: what it reaches and its aws::events::TargetOptions side by side, so the YAML stays flat:
//   targets: [{function: Relauncher, id: OnFailure, max_retry_attempts: 3}]
// Specialize FlatFields<S> with
//   name    — what S is called in messages ("target"),
//   get()   — S's own fields,
//   nested  — the member holding the other struct (which has Fields of its own),
//   choice  — keys of S of which exactly one must be given (an empty array: no such rule).
#pragma once

#include <array>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "spec/fields.hpp"

namespace drdb::spec {

template <class S>
struct FlatFields;

// Whether mapping `n` has exactly one of `keys` (always, when there are none); reported otherwise.
inline bool exactly_one(const YAML::Node& n, std::span<const std::string_view> keys, Context& c, std::string_view what) {
  if (keys.empty() || !n.IsMap()) return true;
  std::string list;
  int given = 0;
  for (auto key : keys) {
    list += (list.empty() ? "" : ", ") + std::string(key);
    if (n[std::string(key)]) ++given;
  }
  if (given == 1) return true;
  c.error(n, std::string(what) + (given == 0 ? " needs one of " : " takes only one of ") + list,
          given == 0 ? "add one of them" : "keep one of them");
  return false;
}

template <class S>
struct Codec<S, std::enable_if_t<requires { FlatFields<S>::nested; }>> {
  using Flat = FlatFields<S>;
  using Nested = std::remove_reference_t<decltype(std::declval<S&>().*Flat::nested)>;

  static bool read(const YAML::Node& n, S& v, Context& c) {
    bool ok = read_fields(n, v, Flat::get(), c, Flat::name, field_names(Fields<Nested>::get()));
    if (!n.IsMap()) return false;
    ok = read_nested(n, v, c) && ok;
    return exactly_one(n, Flat::choice, c, Flat::name) && ok;
  }

  static Schema schema() {
    Schema s = object_schema(Flat::get());
    const Schema nested = object_schema(Fields<Nested>::get());
    for (const auto& [name, property] : nested["properties"].items()) s["properties"][name] = property;
    if (nested.contains("required"))
      for (const auto& name : nested["required"]) s["required"].push_back(name);
    if (!Flat::choice.empty()) {
      Schema one = Schema::array();
      for (auto key : Flat::choice) one.push_back({{"required", {key}}});
      s["oneOf"] = one;
    }
    return s;
  }

 private:
  // The nested struct's keys; the others were S's own, or were reported as unknown by S's reading.
  static bool read_nested(const YAML::Node& n, S& v, Context& c) {
    const auto& nested = Fields<Nested>::get();
    std::vector<std::string> other_keys;
    for (const auto& entry : n)
      if (entry.first.IsScalar() && find_field(nested, entry.first.Scalar()) == nullptr) other_keys.push_back(entry.first.Scalar());
    const std::vector<std::string_view> others(other_keys.begin(), other_keys.end());
    return read_fields(n, v.*Flat::nested, nested, c, Flat::name, others);
  }
};

}  // namespace drdb::spec
