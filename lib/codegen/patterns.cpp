#include "patterns.hpp"

#include <regex>
#include <string_view>

namespace drdb::codegen {
namespace {

bool matches_everything(std::string_view p) {
  return p == ".*" || p == "^.*" || p == "[\\s\\S]*" || p == "^[\\s\\S]*$";
}

// The letters ECMAScript gives a meaning after a backslash.
constexpr std::string_view kEcmaEscapeLetters = "bBcdDfnrsStuvwWx";

std::optional<char> foreign_escape(std::string_view p) {
  for (std::size_t i = 0; i + 1 < p.size(); ++i) {
    if (p[i] != '\\') continue;
    char c = p[++i];
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (letter && kEcmaEscapeLetters.find(c) == std::string_view::npos) return c;
  }
  return std::nullopt;
}

}  // namespace

PatternVerdict portable_pattern(const std::string& pattern) {
  if (matches_everything(pattern)) return {std::nullopt, "matches every string"};
  if (auto c = foreign_escape(pattern))
    return {std::nullopt, std::string("escape \\") + *c + " has no meaning in ECMAScript regular expressions"};
  try {
    std::regex compiled(pattern, std::regex::ECMAScript);
  } catch (const std::regex_error& e) {
    return {std::nullopt, std::string("std::regex cannot compile it: ") + e.what()};
  }
  return {pattern, {}};
}

}  // namespace drdb::codegen
