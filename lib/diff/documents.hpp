// Reading output files as documents: what kind each file is, which stack it belongs to, and its
// content as JSON (YAML templates included, their short-form tags read back as the long form: `!Ref X`
// is {"Ref": "X"}, `!GetAtt A.B` is {"Fn::GetAtt": ["A", "B"]}).
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace drdb::diff::detail {

enum class Kind {
  CfnJson,    // cloudformation/<Stack>.template.json
  CfnYaml,    // cloudformation/<Stack>.template.yaml
  Terraform,  // *.tf.json
  Json,       // any other JSON file (manifest.json, assets.json): compared by path
  Other,      // anything else (asset zips): compared by content hash
};

Kind kind_of(std::string_view file);
bool is_template(Kind kind);
// The stack a template belongs to ("cloudformation/Drdb.template.json", "terraform/Drdb/main.tf.json"
// → "Drdb"); empty for the app's own files.
std::string stack_of(std::string_view file);
// Throws Error(Io) naming the file and what is wrong when it does not parse.
nlohmann::json parse(std::string_view file, const std::string& content, Kind kind);

}  // namespace drdb::diff::detail
