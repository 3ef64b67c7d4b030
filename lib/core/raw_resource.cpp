#include "drdb/core/raw_resource.hpp"

#include "core/resource_visitor.hpp"

namespace drdb {

void RawResource::accept(ResourceVisitor& v) const { v.visit(*this); }

}  // namespace drdb
