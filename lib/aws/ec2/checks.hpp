// Small validation helpers shared by the ec2 constructs.
#pragma once

#include <string>
#include <string_view>

#include "drdb/core/construct.hpp"
#include "drdb/core/diagnostics.hpp"
#include "drdb/core/typed.hpp"

namespace drdb::aws::ec2::detail {

// "<what> is not set" at the construct, when a required link is missing.
inline void require(const void* link, const Construct& c, std::string_view what, std::string_view fix, Diagnostics& out) {
  if (link == nullptr) out.error(c.path(), std::string(what) + " is not set", std::string(fix));
}

// Letters and digits only: the text becomes part of construct ids and logical ids.
bool is_alphanumeric(std::string_view text);

// A literal id of an existing AWS object ("vpc-0a1b...", "subnet-..."): `prefix` then hex digits.
// Expressions (parameters, imports) are accepted as they are.
void check_aws_id(const Str& id, std::string_view prefix, const std::string& path, std::string_view what,
                  Diagnostics& out);

}  // namespace drdb::aws::ec2::detail
