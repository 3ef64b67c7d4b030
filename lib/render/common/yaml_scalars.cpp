#include "render/common/yaml_scalars.hpp"

#include <array>
#include <cctype>

namespace drdb::render {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

constexpr std::array<std::string_view, 24> special_words = {
    "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True",
    "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF", "null", "Null"};

// Anything that starts like a number, date or time in YAML 1.1 / 1.2 (digits, sign, dot) and is
// made only of number-ish characters is quoted: cheaper and safer than a full resolver.
bool looks_numeric(std::string_view s) {
  std::size_t i = 0;
  if (s[0] == '+' || s[0] == '-') i = 1;
  if (i == s.size()) return false;
  if (!is_digit(s[i]) && s[i] != '.') return false;
  for (char c : s.substr(i))
    if (!(is_digit(c) || c == '.' || c == '_' || c == ':' || c == '-' || c == '+' || c == 'e' || c == 'E' ||
          c == 'x' || c == 'X' || c == 'o' || c == 'b' || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') ||
          c == 'T' || c == 't' || c == 'Z' || c == ' '))
      return false;
  return true;
}

}  // namespace

bool needs_quotes_in_yaml(std::string_view s) {
  if (s.empty()) return true;
  for (auto w : special_words)
    if (s == w) return true;
  if (s == "NULL" || s == "~" || s == ".inf" || s == ".Inf" || s == ".INF" || s == "-.inf" || s == ".nan" ||
      s == ".NaN" || s == ".NAN" || s == "<<" || s == "=")
    return true;
  if (looks_numeric(s)) return true;
  // Leading/trailing spaces and indicator characters are handled by the emitter itself.
  return false;
}

}  // namespace drdb::render
