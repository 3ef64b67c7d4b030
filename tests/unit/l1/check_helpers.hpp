// Test helpers: run drdb::l1::check and look at what it reports.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "drdb/core/diagnostics.hpp"
#include "drdb/core/value.hpp"
#include "drdb/l1/shape.hpp"

namespace drdb::l1::testing {

inline constexpr std::string_view kConstructPath = "App/Stack/Thing";

inline std::vector<Diagnostic> check_properties(const Value& value, const Shape& shape,
                                                std::string_view root = "Properties") {
  Diagnostics out;
  check(value, shape, kConstructPath, root, out);
  return out.items();
}

// The one diagnostic reported; fails the test when there is not exactly one.
inline Diagnostic only(const std::vector<Diagnostic>& found) {
  if (found.size() != 1) {
    std::string all;
    for (const auto& d : found) all += "\n  " + d.message + " | " + d.fix;
    throw std::runtime_error("expected one diagnostic, got " + std::to_string(found.size()) + all);
  }
  return found.front();
}

}  // namespace drdb::l1::testing
