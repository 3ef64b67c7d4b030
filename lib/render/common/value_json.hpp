// A Value as a JSON tree; each target says how strings and expressions read in its syntax.
#pragma once

#include <nlohmann/json.hpp>

#include "drdb/core/value.hpp"

namespace drdb::render {

template <class OnString, class OnExpression>
nlohmann::json value_to_json(const Value& v, const OnString& on_string, const OnExpression& on_expression) {
  if (v.is_expression()) return on_expression(v);
  if (v.is_null()) return nullptr;
  if (v.is_bool()) return v.as_bool();
  if (v.is_int()) return v.as_int();
  if (v.is_double()) return v.as_double();
  if (v.is_string()) return on_string(v.as_string());
  if (v.is_list()) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& item : v.as_list()) out.push_back(value_to_json(item, on_string, on_expression));
    return out;
  }
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [key, member] : v.as_object()) out[key] = value_to_json(member, on_string, on_expression);
  return out;
}

}  // namespace drdb::render
