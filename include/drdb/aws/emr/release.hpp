// EMR release labels ("emr-7.1.0"): parsed once so every feature can say which releases have it.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace drdb::aws::emr {

// emr-x.y.z
struct Release {
  int x = 0;
  int y = 0;
  int z = 0;

  // nullopt unless `label` is exactly "emr-<x>.<y>.<z>" with x ≥ 4 (older clusters used AMI versions).
  static std::optional<Release> parse(std::string_view label);
  std::string label() const;
  friend auto operator<=>(const Release&, const Release&) = default;
};

}  // namespace drdb::aws::emr
