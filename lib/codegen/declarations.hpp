// Header text: the declaration of a resource struct with its nested structs.
#pragma once

#include <string>

#include "model.hpp"
#include "templates.hpp"

namespace drdb::codegen {

// Renders `r` through struct.hpp.in: nested structs first (ordered so that every struct held by
// value is complete before it is used, forward-declared where only a list refers to it early),
// then the fields, then `attr`.
std::string declare_resource(const Resource& r, const Template& struct_template);

}  // namespace drdb::codegen
