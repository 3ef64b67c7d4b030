#include "diff/readable.hpp"

namespace drdb::diff::detail {

std::string readable(const nlohmann::json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_object() && v.size() == 1) {
    const auto first = v.begin();
    const std::string& key = first.key();
    const auto& arg = first.value();
    if (key == "Ref" && arg.is_string()) return "${" + arg.get<std::string>() + "}";
    if (key == "Fn::GetAtt" && arg.is_array() && arg.size() == 2 && arg[0].is_string() && arg[1].is_string())
      return "${" + arg[0].get<std::string>() + "." + arg[1].get<std::string>() + "}";
    if (key == "Fn::Sub" && arg.is_string()) return arg.get<std::string>();
    if (key == "Fn::ImportValue" && arg.is_string()) return "import(" + arg.get<std::string>() + ")";
    if (key == "Fn::Join" && arg.is_array() && arg.size() == 2 && arg[0].is_string() && arg[1].is_array()) {
      std::string out;
      for (const auto& part : arg[1]) {
        if (&part != &arg[1].front()) out += arg[0].get<std::string>();
        out += readable(part);
      }
      return out;
    }
  }
  return v.dump();
}

}  // namespace drdb::diff::detail
