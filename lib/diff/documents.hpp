// Reading output files as documents: what kind each file is, and its content as JSON (YAML
// templates included, their short-form tags read back as the long form: `!Ref X` is {"Ref": "X"}).
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace drdb::diff::detail {

enum class Kind { CfnJson, CfnYaml, Terraform, Other };

Kind kind_of(std::string_view file);
// Throws Error(Io) naming the file when it does not parse.
nlohmann::json parse(std::string_view file, const std::string& content, Kind kind);

}  // namespace drdb::diff::detail
