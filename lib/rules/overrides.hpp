// Whether a raw property override undoes a secure default the construct rendered.
#pragma once

#include <string_view>

#include "drdb/core/resource.hpp"

namespace drdb::rules {

// A CloudFormation override deleting `property` (or part of it), or setting it to false.
inline bool turned_off_by_override(const Resource& r, std::string_view property) {
  for (const auto& o : r.overrides()) {
    const bool off = o.value.is_null() || (o.value.is_bool() && !o.value.as_bool());
    if (o.target == Target::CloudFormation && off && o.path.starts_with(property)) return true;
  }
  return false;
}

}  // namespace drdb::rules
