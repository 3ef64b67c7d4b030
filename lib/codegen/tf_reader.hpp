// Terraform provider schema (`terraform providers schema -json`) -> model.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "model.hpp"

namespace drdb::codegen {

// The resource struct of one resource schema ({"version": n, "block": {...}}): settable attributes
// become fields, nested blocks and object-typed attributes nested structs, every attribute an
// entry of `attr`.
Resource read_tf_resource(const std::string& type_name, const nlohmann::json& schema, Arena& arena);

}  // namespace drdb::codegen
