// Reading YAML into typed C++ values, and describing each type as JSON Schema, from one
// definition per type — so the loader and schemas/drdb-spec.schema.json cannot disagree.
//   Codec<T>::read(node, value, context) → false after reporting what is wrong
//   Codec<T>::schema() → the JSON Schema of T
// Enumerations name their values in EnumNames<E>; structs list their fields in Fields<S>
// (fields.hpp); a pointer to a construct is read as the id of a resource of the stack, whose kind
// KindName<C> names.
#pragma once

#include <yaml-cpp/yaml.h>

#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "drdb/core/typed.hpp"
#include "spec/context.hpp"

namespace drdb::aws::iam {
class Role;
}

namespace drdb::spec {

using Schema = nlohmann::json;

template <class T, class Enable = void>
struct Codec;

// Specialize with `static constexpr std::pair<std::string_view, E> values[] = {{"public", E::Public}, ...};`
template <class E>
struct EnumNames;

// Specialize with `static constexpr std::string_view value = "s3.Bucket";`
template <class C>
struct KindName;

template <class C>
concept NamedKind = requires { KindName<C>::value; };

// A value to read into: T{}, except Str, which has no empty state of its own.
template <class T>
T blank() {
  if constexpr (std::is_same_v<T, Str>) return Str("");
  else return T{};
}

namespace detail {
// The plain text of a scalar node, or a report that one was expected.
bool scalar(const YAML::Node& node, Context& c, std::string_view expected);
// A plain (unquoted) scalar as a whole number, a number or true/false; false, unreported, otherwise.
bool plain_int(const YAML::Node& node, long long& out);
bool plain_double(const YAML::Node& node, double& out);
bool plain_bool(const YAML::Node& node, bool& out);
bool read_int(const YAML::Node& node, long long& out, Context& c);
bool read_double(const YAML::Node& node, double& out, Context& c);
bool read_bool(const YAML::Node& node, bool& out, Context& c);
// A literal string, {ref: Id, attribute: name}, or {join: [parts...]} of those.
bool read_str(const YAML::Node& node, Str& out, Context& c);
// A string value's schema is defined once (json_schema puts str_schema_definition() under $defs)
// and referred to everywhere: inlined, its forms would repeat at every string of every kind.
constexpr std::string_view str_schema_name = "string-value";
Schema str_schema();
// `attributes`: every attribute a kind offers to {ref, attribute} (an editor completes from them).
Schema str_schema_definition(const std::vector<std::string>& attributes);
// The resource `id` of the stack, reported when missing or declared later; null then.
Construct* resource(const YAML::Node& node, std::string_view expected_kind, Context& c);

// The value a scalar names among `values` ({name, value} pairs), or a report with the nearest name.
template <class Pairs, class T>
bool read_name(const YAML::Node& n, T& v, const Pairs& values, Context& c, std::string_view what) {
  if (!scalar(n, c, "a name")) return false;
  std::vector<std::string_view> names;
  for (const auto& [name, value] : values) {
    if (name == n.Scalar()) {
      v = value;
      return true;
    }
    names.push_back(name);
  }
  c.unknown(n, what, names);
  return false;
}

template <class Pairs>
Schema names_schema(const Pairs& values) {
  Schema names = Schema::array();
  for (const auto& [name, value] : values) names.push_back(name);
  return {{"enum", names}};
}
}  // namespace detail

template <>
struct Codec<std::string> {
  static bool read(const YAML::Node& n, std::string& v, Context& c) {
    if (!detail::scalar(n, c, "a string")) return false;
    v = n.Scalar();
    return true;
  }
  static Schema schema() { return {{"type", "string"}}; }
};

template <>
struct Codec<bool> {
  static bool read(const YAML::Node& n, bool& v, Context& c) { return detail::read_bool(n, v, c); }
  static Schema schema() { return {{"type", "boolean"}}; }
};

template <>
struct Codec<int> {
  static bool read(const YAML::Node& n, int& v, Context& c) {
    long long wide = 0;
    if (!detail::read_int(n, wide, c)) return false;
    if (wide < std::numeric_limits<int>::min() || wide > std::numeric_limits<int>::max()) {
      c.error(n, "the number " + n.Scalar() + " is too large", "use a value that fits 32 bits");
      return false;
    }
    v = static_cast<int>(wide);
    return true;
  }
  static Schema schema() { return {{"type", "integer"}}; }
};

// Sizes and counts: whole numbers from 0.
template <>
struct Codec<std::size_t> {
  static bool read(const YAML::Node& n, std::size_t& v, Context& c) {
    long long wide = 0;
    if (!detail::read_int(n, wide, c)) return false;
    if (wide < 0) {
      c.error(n, "the number " + n.Scalar() + " is negative", "use 0 or more");
      return false;
    }
    v = static_cast<std::size_t>(wide);
    return true;
  }
  static Schema schema() { return {{"type", "integer"}, {"minimum", 0}}; }
};

template <>
struct Codec<double> {
  static bool read(const YAML::Node& n, double& v, Context& c) { return detail::read_double(n, v, c); }
  static Schema schema() { return {{"type", "number"}}; }
};

template <>
struct Codec<Str> {
  static bool read(const YAML::Node& n, Str& v, Context& c) { return detail::read_str(n, v, c); }
  static Schema schema() { return detail::str_schema(); }
};

template <class T>
struct Codec<std::optional<T>> {
  static bool read(const YAML::Node& n, std::optional<T>& v, Context& c) {
    T item = blank<T>();
    if (!Codec<T>::read(n, item, c)) return false;
    v = std::move(item);
    return true;
  }
  static Schema schema() { return Codec<T>::schema(); }
};

template <class T>
struct Codec<std::vector<T>> {
  static bool read(const YAML::Node& n, std::vector<T>& v, Context& c) {
    if (!n.IsSequence()) {
      c.expected(n, "a list", "write the items as [a, b] or one \"- item\" per line");
      return false;
    }
    bool ok = true;
    v.clear();
    for (const auto& item : n) {
      T value = blank<T>();
      if (Codec<T>::read(item, value, c)) v.push_back(std::move(value));
      else ok = false;
    }
    return ok;
  }
  static Schema schema() { return {{"type", "array"}, {"items", Codec<T>::schema()}}; }
};

template <class T, class Less>
struct Codec<std::map<std::string, T, Less>> {
  static bool read(const YAML::Node& n, std::map<std::string, T, Less>& v, Context& c) {
    if (!n.IsMap()) {
      c.expected(n, "a mapping", "write it as {key: value} or one \"key: value\" per line");
      return false;
    }
    bool ok = true;
    for (const auto& entry : n) {
      if (!detail::scalar(entry.first, c, "a key")) {
        ok = false;
        continue;
      }
      T value = blank<T>();
      Context::KeyScope reading(c, entry.first.Scalar());
      if (!Codec<T>::read(entry.second, value, c)) ok = false;
      else if (!v.emplace(entry.first.Scalar(), std::move(value)).second) {
        c.error(entry.first, "\"" + entry.first.Scalar() + "\" is given twice", "keep one");
        ok = false;
      }
    }
    return ok;
  }
  static Schema schema() { return {{"type", "object"}, {"additionalProperties", Codec<T>::schema()}}; }
};

template <class E>
struct Codec<E, std::enable_if_t<std::is_enum_v<E>>> {
  static bool read(const YAML::Node& n, E& v, Context& c) { return detail::read_name(n, v, EnumNames<E>::values, c, "value"); }
  static Schema schema() { return detail::names_schema(EnumNames<E>::values); }
};

namespace detail {
// The role a resource acts with, for references where an iam.Role is expected: a lambda.Function's
// execution role, an emr.Cluster's job-flow role; null for other resources.
aws::iam::Role* acting_role(Construct& resource);
}  // namespace detail

// A resource of the stack by id, of kind C (or a kind derived from it). Where a role is expected, a
// function or cluster stands for the role it acts with (grants: [{role: Launcher, ...}]).
template <class P>
struct Codec<P, std::enable_if_t<std::is_pointer_v<P> && NamedKind<std::remove_cv_t<std::remove_pointer_t<P>>>>> {
  using C = std::remove_cv_t<std::remove_pointer_t<P>>;
  static bool read(const YAML::Node& n, P& v, Context& c) {
    Construct* found = detail::resource(n, KindName<C>::value, c);
    if (found == nullptr) return false;
    auto* typed = dynamic_cast<C*>(found);
    if constexpr (std::is_same_v<C, aws::iam::Role>)
      if (typed == nullptr) typed = detail::acting_role(*found);
    if (typed == nullptr) {
      c.error(n, "\"" + n.Scalar() + "\" is a " + c.kind_of(n.Scalar()) + ", not a " + std::string(KindName<C>::value),
              "refer to a " + std::string(KindName<C>::value));
      return false;
    }
    v = typed;
    return true;
  }
  static Schema schema() {
    return {{"type", "string"}, {"description", "the id of a " + std::string(KindName<C>::value) + " of this stack, or <stack>/<id> of another"}};
  }
};

}  // namespace drdb::spec
