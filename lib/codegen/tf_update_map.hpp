// Terraform update tables, derived from the CloudFormation ones: each Terraform attribute path is
// mapped to a property path of the Terraform type's CloudFormation type by name (snake_case against
// PascalCase, nested blocks too) or by a hand-written alias of schemas/tf-aliases.json, and takes
// that property's verdict. Inside a block whose counterpart behaves the same throughout, an
// attribute with no name of its own there takes that verdict too; other attributes with no
// counterpart are Unknown. tags, tags_all and timeouts update in place.
#pragma once

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "model.hpp"
#include "update_table.hpp"

namespace drdb::codegen {

struct TfUpdateMap {
  UpdateEntries entries;                     // pruned, like a CloudFormation table
  std::map<std::string, std::string> notes;  // path -> where its verdict comes from
  // Settable attribute paths (nested ones included) by where their verdict comes from.
  // by_rule: tags, tags_all, timeouts; inside: no name of its own, inside a block whose counterpart
  // behaves the same throughout.
  std::size_t by_name = 0, by_alias = 0, overridden = 0, by_rule = 0, inside = 0, unknown = 0;
};

// `aliases`: the entries of schemas/tf-aliases.json for this type ({} when it has none):
//   "<tf path>": {"cloudformation": "<property path>", "why": "..."}   the counterpart, and the
//                                                                     base for matching below it;
//   "<tf path>": {"update": "replace"|"may-replace"|"in-place"|"unknown", "why": "..."}
//                a verdict of its own, for everything below it too ("cloudformation" beside it
//                only says what it stands for);
//   "": {"cloudformation": "<property path>", "why": "..."}   the property the whole type stands
//                for, where names are matched (aws_s3_bucket_logging: LoggingConfiguration).
// Throws on an alias naming no settable attribute or no property.
TfUpdateMap map_tf_updates(const Resource& tf, const Resource& cfn, const UpdateEntries& cfn_table,
                           const nlohmann::json& aliases);

}  // namespace drdb::codegen
