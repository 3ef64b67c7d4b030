// ObjectWriter: how generated to_value() bodies build their object, one call per field.
//
// Generated code has thousands of fields. Each compiles to one plain call: common field types go
// to out-of-line functions, other types (nested structs, lists of them) through one small
// renderer per type; lists are walked by out-of-line code. No Value is built, copied or destroyed
// inline in generated code, which keeps the generated sources quick to compile.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <type_traits>

#include "drdb/core/typed.hpp"

namespace drdb::l1 {

namespace detail {

using Renderer = Value (*)(const void* field);

template <class T>
struct ListItem {};
template <class T>
struct ListItem<ListOf<T>> {
  using type = T;
};

// A list: its expression when it is one, else its `count` items, `stride` bytes apart.
Value render_list(const Value* expression, const void* items, std::size_t count, std::size_t stride,
                  Renderer item);

template <class T>
Value render(const void* field) {
  const T& value = *static_cast<const T*>(field);
  if constexpr (requires { typename ListItem<T>::type; }) {
    using Item = typename ListItem<T>::type;
    return render_list(value.is_expression() ? &value.expression() : nullptr, value.items().data(),
                       value.items().size(), sizeof(Item), &render<Item>);
  } else if constexpr (requires { value.to_value(); }) {
    return value.to_value();
  } else {
    return ::drdb::to_value(value);
  }
}

}  // namespace detail

class ObjectWriter {
 public:
  // Omit: unset fields are left out. Null: they are written as null (Terraform's JSON syntax wants
  // every key of an object-typed attribute).
  enum class Unset { Omit, Null };

  explicit ObjectWriter(Unset unset = Unset::Omit);
  ~ObjectWriter();
  ObjectWriter(const ObjectWriter&) = delete;
  ObjectWriter& operator=(const ObjectWriter&) = delete;

  // Fields are best put in key order (generated code does): each insertion is then O(1).
  // Dispatching here rather than by overloads keeps overload resolution, costly with
  // std::optional's converting constructors, out of generated code.
  template <class T>
  void put(std::string_view key, const std::optional<T>& field) {
    if (!field) {
      put_unset(key);
    } else if constexpr (std::is_same_v<T, Str>) {
      put_str(key, *field);
    } else if constexpr (std::is_same_v<T, Int>) {
      put_int(key, *field);
    } else if constexpr (std::is_same_v<T, Num>) {
      put_num(key, *field);
    } else if constexpr (std::is_same_v<T, Bool>) {
      put_bool(key, *field);
    } else if constexpr (std::is_same_v<T, Value>) {
      put_copy(key, *field);
    } else if constexpr (std::is_same_v<T, MapOf<Str>>) {
      put_str_map(key, *field);
    } else {
      put_rendered(key, &*field, &detail::render<T>);
    }
  }

  // The object written so far (the writer is left empty).
  Value finish();

 private:
  void put_str(std::string_view key, const Str& field);
  void put_int(std::string_view key, const Int& field);
  void put_num(std::string_view key, const Num& field);
  void put_bool(std::string_view key, const Bool& field);
  void put_copy(std::string_view key, const Value& field);
  void put_str_map(std::string_view key, const MapOf<Str>& field);
  void put_rendered(std::string_view key, const void* field, detail::Renderer renderer);
  void put_unset(std::string_view key);
  void put_value(std::string_view key, Value&& value);

  Object out_;
  Unset unset_;
};

}  // namespace drdb::l1
