// Writing lib/l1/replacement.cpp: the update tables behind drdb/l1/replacement.hpp.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "emit.hpp"
#include "types_list.hpp"

namespace drdb::codegen {

// `cfn_updates`: schemas/cfn-updates.json; `tf_aliases`: schemas/tf-aliases.json. A Terraform type
// on several lines of types.txt takes the CloudFormation type of its first line.
void emit_replacement(const Target& cfn, const Target& tf, const std::vector<TypeEntry>& types,
                      const nlohmann::json& cfn_updates, const nlohmann::json& tf_aliases, const Template& t,
                      OutputTree& out);

}  // namespace drdb::codegen
