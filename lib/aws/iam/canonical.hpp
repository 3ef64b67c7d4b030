// A total, construction-order-independent text for any Value, used to sort and merge policy parts.
// Expressions read as what they mean, not where they were made: an attribute reference is
// "${<construct path>.<attribute>}", a pseudo parameter "${AWS::Region}", a join its parts' text.
#pragma once

#include <string>

#include "drdb/core/value.hpp"

namespace drdb::aws::iam::detail {

std::string canonical_text(const Value& v);

}  // namespace drdb::aws::iam::detail
