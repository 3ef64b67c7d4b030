// CloudFormation registry schema (JSON Schema draft-07 dialect) -> model.
#pragma once

#include <nlohmann/json.hpp>

#include "model.hpp"

namespace drdb::codegen {

// The resource struct of one registry schema ("typeName", "properties", "definitions"...):
// struct-like definitions become nested structs of the resource, inline objects nested structs of
// the struct holding them, read-only properties attributes.
Resource read_cfn_resource(const nlohmann::json& schema, Arena& arena);

}  // namespace drdb::codegen
