#include "templates.hpp"

#include <stdexcept>
#include <string_view>

#include "files.hpp"

namespace drdb::codegen {
namespace {

std::string indented(std::string_view value, std::string_view indent) {
  std::string out;
  while (!value.empty()) {
    auto newline = value.find('\n');
    auto line = value.substr(0, newline);
    if (!line.empty()) out.append(indent).append(line);
    out += '\n';
    if (newline == std::string_view::npos) break;
    value.remove_prefix(newline + 1);
  }
  return out;
}

}  // namespace

Template Template::load(const std::filesystem::path& file) { return Template(file.filename().string(), read_file(file)); }

std::string Template::render(const Values& values) const {
  std::string out;
  std::string_view rest = text_;
  auto lookup = [&](std::string_view key) -> const std::string& {
    auto it = values.find(key);
    if (it == values.end()) throw std::runtime_error(name_ + ": no value for {{" + std::string(key) + "}}");
    return it->second;
  };
  while (!rest.empty()) {
    auto newline = rest.find('\n');
    auto line = rest.substr(0, newline == std::string_view::npos ? rest.size() : newline + 1);
    rest.remove_prefix(line.size());
    auto body = line.substr(0, line.find_last_not_of("\r\n") + 1);
    auto first = body.find_first_not_of(" \t");
    auto inner = first == std::string_view::npos ? std::string_view() : body.substr(first);
    if (inner.starts_with("{{") && inner.ends_with("}}") && inner.find("{{", 2) == std::string_view::npos) {
      out += indented(lookup(inner.substr(2, inner.size() - 4)), body.substr(0, first));
      continue;
    }
    for (std::size_t open; (open = line.find("{{")) != std::string_view::npos;) {
      auto close = line.find("}}", open);
      if (close == std::string_view::npos) throw std::runtime_error(name_ + ": unclosed {{");
      out.append(line.substr(0, open)).append(lookup(line.substr(open + 2, close - open - 2)));
      line.remove_prefix(close + 2);
    }
    out.append(line);
  }
  return out;
}

}  // namespace drdb::codegen
