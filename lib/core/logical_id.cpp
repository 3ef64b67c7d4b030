#include "drdb/core/logical_id.hpp"

#include <cctype>

#include "core/md5.hpp"
#include "drdb/core/construct.hpp"
#include "drdb/core/stack.hpp"

namespace drdb {

namespace {

constexpr std::string_view hidden_id = "Default";             // dropped entirely
constexpr std::string_view hidden_from_human_id = "Resource";  // kept in the hash only
constexpr std::size_t max_id_length = 255;
constexpr std::size_t hash_length = 8;
constexpr std::size_t max_human_length = 240;

std::string alphanumerics(std::string_view s) {
  std::string out;
  for (char c : s)
    if (std::isalnum(static_cast<unsigned char>(c)) != 0) out.push_back(c);
  return out;
}

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> parts;
  while (!path.empty()) {
    const auto slash = path.find('/');
    const auto part = path.substr(0, slash);
    if (!part.empty()) parts.push_back(part);
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return parts;
}

}  // namespace

std::string make_logical_id(const std::vector<std::string_view>& path_below_stack) {
  std::vector<std::string_view> components;
  for (auto c : path_below_stack)
    if (c != hidden_id) components.push_back(c);
  if (components.empty()) return {};
  if (components.size() == 1) {
    auto candidate = alphanumerics(components.front());
    if (candidate.size() <= max_id_length) return candidate;
  }
  std::string joined;
  for (std::size_t i = 0; i < components.size(); ++i) {
    if (i > 0) joined += '/';
    joined += components[i];
  }
  std::string hash = detail::md5_hex(joined).substr(0, hash_length);
  for (auto& ch : hash) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));

  std::string human;
  std::string_view previous;
  for (auto c : components) {
    if (c == previous) continue;  // "Bucket/Bucket" reads as "Bucket"
    previous = c;
    if (c == hidden_from_human_id) continue;
    human += alphanumerics(c);
  }
  if (human.size() > max_human_length) human.resize(max_human_length);
  return human + hash;
}

std::string logical_id(const Construct& c) {
  if (!c.logical_id_override().empty()) return c.logical_id_override();
  // Components from the construct up to the nearest ancestor that was renamed (or the stack).
  std::vector<std::string_view> reversed;
  std::vector<std::string_view> prefix;
  for (const Construct* node = &c; node != nullptr && node->scope() != nullptr; node = node->scope()) {
    if (dynamic_cast<const Stack*>(node) != nullptr) break;
    if (!node->renamed_from().empty()) {
      prefix = split_path(node->renamed_from());
      break;
    }
    reversed.push_back(node->id());
  }
  prefix.insert(prefix.end(), reversed.rbegin(), reversed.rend());
  return make_logical_id(prefix);
}

}  // namespace drdb
