// Values written as a mapping with exactly one key, the key naming the form the value takes:
//   schedule: {cron: {hours: "6"}}        schedule: {expression: rate(1 hour)}
//   code: {asset: lambda/relauncher}      code: {s3: {bucket: artifacts, key: fn.zip}}
// A type lists its forms once in Forms<T>; the loader and the schema both follow the list.
//   template <> struct Forms<Schedule> {
//     static constexpr std::string_view name = "schedule";
//     static const FormList<Schedule>& get();  // {form<Schedule, Cron>("cron", "...", &Schedule::cron), ...}
//   };
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "spec/codec.hpp"

namespace drdb::spec {

template <class T>
struct Form {
  std::string_view key;
  std::string_view doc;
  std::function<bool(const YAML::Node&, T&, Context&)> read;
  std::function<Schema()> schema;
};

template <class T>
using FormList = std::vector<Form<T>>;

template <class T>
struct Forms;

// The form `key`: its value is read as a V, then made into a T by make(V) — or make(V, context),
// for forms that depend on the spec (paths relative to its file).
template <class T, class V, class Make>
Form<T> form(std::string_view key, std::string_view doc, Make make) {
  return {key, doc,
          [make](const YAML::Node& n, T& out, Context& c) {
            V value = blank<V>();
            if (!Codec<V>::read(n, value, c)) return false;
            if constexpr (std::is_invocable_v<Make, V&&, Context&>) out = make(std::move(value), c);
            else out = make(std::move(value));
            return true;
          },
          [] { return Codec<V>::schema(); }};
}

template <class T>
struct Codec<T, std::enable_if_t<requires { Forms<T>::get(); }>> {
  static bool read(const YAML::Node& n, T& v, Context& c) {
    const auto& forms = Forms<T>::get();
    if (!n.IsMap() || n.size() != 1) {
      c.error(n, std::string(Forms<T>::name) + " takes exactly one of " + keys_text(forms, ", "),
              "write " + keys_text(forms, " or ", "{", ": ...}"));
      return false;
    }
    const auto entry = *n.begin();
    if (!detail::scalar(entry.first, c, "a key")) return false;
    std::vector<std::string_view> keys;
    for (const auto& f : forms) {
      if (f.key == entry.first.Scalar()) return f.read(entry.second, v, c);
      keys.push_back(f.key);
    }
    c.unknown(entry.first, std::string(Forms<T>::name) + " key", keys);
    return false;
  }

  static Schema schema() {
    Schema one = Schema::array();
    for (const auto& f : Forms<T>::get()) {
      Schema s = f.schema();
      if (!f.doc.empty()) s["description"] = f.doc;
      one.push_back({{"type", "object"},
                     {"additionalProperties", false},
                     {"required", {f.key}},
                     {"properties", {{std::string(f.key), std::move(s)}}}});
    }
    return {{"oneOf", one}};
  }

 private:
  static std::string keys_text(const FormList<T>& forms, std::string_view separator, std::string_view before = "",
                               std::string_view after = "") {
    std::string out;
    for (const auto& f : forms)
      out += (out.empty() ? "" : std::string(separator)) + std::string(before) + std::string(f.key) + std::string(after);
    return out;
  }
};

}  // namespace drdb::spec
