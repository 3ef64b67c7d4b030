#include "aws/emr/checks.hpp"

#include <regex>

namespace drdb::aws::emr::detail {

bool is_instance_type(std::string_view s) {
  static const std::regex pattern("[a-z][a-z0-9-]*\\.[a-z0-9-]+");
  return std::regex_match(s.begin(), s.end(), pattern);
}

bool is_price(std::string_view s) {
  static const std::regex pattern("[0-9]+(\\.[0-9]+)?");
  if (!std::regex_match(s.begin(), s.end(), pattern)) return false;
  return s.find_first_of("123456789") != std::string_view::npos;  // not zero
}

bool is_literal_non_s3(const Str& s) { return s.is_literal() && !s.value().as_string().starts_with("s3://"); }

std::string literal_text(const Str& s) { return s.is_literal() ? s.value().as_string() : std::string(); }

bool is_blank(const Str& s) { return s.is_literal() && s.value().as_string().empty(); }

Str secrets_manager_dynamic_reference(const Str& secret_arn, const std::string& json_key) {
  std::string suffix = ":SecretString";
  if (!json_key.empty()) suffix += ":" + json_key;
  return Str("{{resolve:secretsmanager:") + secret_arn + (suffix + "}}");
}

}  // namespace drdb::aws::emr::detail
