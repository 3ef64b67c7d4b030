#include "aws/ec2/checks.hpp"

#include <algorithm>

namespace drdb::aws::ec2::detail {

namespace {
bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }
}  // namespace

bool is_alphanumeric(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  });
}

void check_aws_id(const Str& id, std::string_view prefix, const std::string& path, std::string_view what,
                  Diagnostics& out) {
  if (!id.is_literal()) return;
  const auto& text = id.value().as_string();
  const auto digits = std::string_view(text).substr(std::min(text.size(), prefix.size()));
  if (text.rfind(prefix, 0) != 0 || digits.size() < 8 || !std::all_of(digits.begin(), digits.end(), is_hex))
    out.error(path, std::string(what) + " \"" + text + "\" is not a " + std::string(prefix) + "... id",
              "use the id AWS shows, e.g. " + std::string(prefix) + "0123456789abcdef0");
}

}  // namespace drdb::aws::ec2::detail
