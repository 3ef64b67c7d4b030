// Visiting every expression inside a Value tree.
#pragma once

#include <variant>

#include "drdb/core/value.hpp"

namespace drdb::render {

template <class F>
void for_each_expression(const Value& v, F&& f) {
  if (v.is_expression()) {
    const auto& e = v.as_expression();
    f(e);
    if (const auto* join = std::get_if<Join>(&e)) {
      for (const auto& part : join->parts) for_each_expression(part, f);
    } else if (const auto* json = std::get_if<JsonString>(&e)) {
      for_each_expression(*json->document, f);
    } else if (const auto* select = std::get_if<Select>(&e)) {
      for_each_expression(*select->list, f);
    }
  } else if (v.is_list()) {
    for (const auto& item : v.as_list()) for_each_expression(item, f);
  } else if (v.is_object()) {
    for (const auto& [key, member] : v.as_object()) for_each_expression(member, f);
  }
}

}  // namespace drdb::render
