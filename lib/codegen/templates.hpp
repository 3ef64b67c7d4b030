// Text templates (templates/codegen/*.in) with {{placeholder}} substitution.
#pragma once

#include <filesystem>
#include <map>
#include <string>

namespace drdb::codegen {

using Values = std::map<std::string, std::string, std::less<>>;

class Template {
 public:
  Template(std::string name, std::string text) : name_(std::move(name)), text_(std::move(text)) {}
  static Template load(const std::filesystem::path& file);

  // Replaces every {{key}} by values[key]. A placeholder standing alone on its line takes the
  // line's indentation for every line of its value, and the line disappears when the value is
  // empty; elsewhere the value is inserted as is. An unknown key is an error (std::runtime_error).
  std::string render(const Values& values) const;

 private:
  std::string name_;
  std::string text_;
};

}  // namespace drdb::codegen
