// Source text: to_value() and shape() of a resource struct and of its nested structs.
#pragma once

#include <string>

#include "model.hpp"
#include "shape_table.hpp"
#include "templates.hpp"

namespace drdb::codegen {

// Renders every struct of `r` through functions.cpp.in; their Shape data goes into `table`.
std::string define_resource(const Resource& r, ShapeTable& table, const Template& functions_template);

}  // namespace drdb::codegen
