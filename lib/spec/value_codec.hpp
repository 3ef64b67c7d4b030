// Codec of free-form JSON values (a secret's template, an event pattern, a target's input).
#pragma once

#include <type_traits>

#include "drdb/core/value.hpp"
#include "spec/codec.hpp"

namespace drdb::spec {

// A JSON value: a plain scalar is a boolean or a number when it reads as one (quote it to keep a
// string), {ref: <id>, attribute: <name>} a reference, other mappings objects.
template <>
struct Codec<Value> {
  static bool read(const YAML::Node& n, Value& v, Context& c) {
    const bool reference = n.IsMap() && n.size() == 2 && n["ref"] && n["attribute"];
    if (n.IsMap() && !reference) return read_as<Object>(n, v, c);
    if (n.IsSequence()) return read_as<List>(n, v, c);
    bool b = false;
    long long i = 0;
    double d = 0;
    if (detail::plain_bool(n, b)) v = b;
    else if (detail::plain_int(n, i)) v = i;
    else if (detail::plain_double(n, d)) v = d;
    else return read_as<Str>(n, v, c);
    return true;
  }
  static Schema schema() { return {{"description", "any JSON value"}}; }

 private:
  template <class T>
  static bool read_as(const YAML::Node& n, Value& v, Context& c) {
    T item = blank<T>();
    if (!Codec<T>::read(n, item, c)) return false;
    if constexpr (std::is_same_v<T, Str>) v = item.value();
    else v = std::move(item);
    return true;
  }
};

}  // namespace drdb::spec
