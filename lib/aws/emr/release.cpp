#include "drdb/aws/emr/release.hpp"

#include <charconv>

namespace drdb::aws::emr {

namespace {

// Reads a decimal number at the front of `s` and drops it; false if there is none.
bool take_number(std::string_view& s, int& out) {
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  if (ec != std::errc() || end == s.data()) return false;
  s.remove_prefix(static_cast<std::size_t>(end - s.data()));
  return true;
}

bool take(std::string_view& s, char c) {
  if (s.empty() || s.front() != c) return false;
  s.remove_prefix(1);
  return true;
}

}  // namespace

std::optional<Release> Release::parse(std::string_view label) {
  if (!label.starts_with("emr-")) return std::nullopt;
  label.remove_prefix(4);
  Release r;
  if (!take_number(label, r.x) || !take(label, '.') || !take_number(label, r.y) || !take(label, '.') ||
      !take_number(label, r.z) || !label.empty() || r.x < 4)
    return std::nullopt;
  return r;
}

std::string Release::label() const {
  return "emr-" + std::to_string(x) + "." + std::to_string(y) + "." + std::to_string(z);
}

}  // namespace drdb::aws::emr
