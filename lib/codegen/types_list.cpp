#include "types_list.hpp"

#include <cctype>
#include <fstream>
#include <stdexcept>
#include <string_view>

namespace drdb::codegen {
namespace {

std::string trim(std::string_view s) {
  auto space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return std::string(s);
}

std::vector<std::string> split_commas(std::string_view s) {
  std::vector<std::string> out;
  while (!s.empty()) {
    auto comma = s.find(',');
    if (auto item = trim(s.substr(0, comma)); !item.empty()) out.push_back(item);
    if (comma == std::string_view::npos) break;
    s.remove_prefix(comma + 1);
  }
  return out;
}

}  // namespace

std::vector<TypeEntry> read_types(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  std::vector<TypeEntry> out;
  std::string raw;
  for (int number = 1; std::getline(in, raw); ++number) {
    std::string line = trim(std::string_view(raw).substr(0, raw.find('#')));
    if (line.empty()) continue;
    auto where = file.string() + ":" + std::to_string(number) + ": ";
    auto eq = line.find('=');
    if (eq == std::string::npos) throw std::runtime_error(where + "expected `AWS::Service::Type = terraform_types`");
    TypeEntry e{trim(std::string_view(line).substr(0, eq)), {}, split_commas(std::string_view(line).substr(eq + 1))};
    auto first = e.cfn_type.find("::"), second = e.cfn_type.find("::", first + 2);
    if (first == std::string::npos || second == std::string::npos)
      throw std::runtime_error(where + "expected a type like AWS::Service::Type, got " + e.cfn_type);
    for (char c : e.cfn_type.substr(first + 2, second - first - 2))
      e.service += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.push_back(std::move(e));
  }
  return out;
}

std::string cfn_schema_file(const std::string& cfn_type) {
  std::string out;
  for (std::size_t i = 0; i < cfn_type.size(); ++i) {
    if (cfn_type.compare(i, 2, "::") == 0) {
      out += '_';
      ++i;
    } else {
      out += cfn_type[i];
    }
  }
  return out + ".json";
}

}  // namespace drdb::codegen
