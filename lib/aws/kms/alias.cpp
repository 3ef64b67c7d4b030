#include "drdb/aws/kms/alias.hpp"

#include <regex>

#include "drdb/core/diagnostics.hpp"
#include "core/resource_visitor.hpp"

namespace drdb::aws::kms {

void Alias::validate(Diagnostics& out) const {
  const auto p = path();
  if (props_.key == nullptr) out.error(p, "the alias has no key", "set .key, or give the key Props::alias");
  const auto& name = props_.alias_name;
  static const std::regex valid("alias/[A-Za-z0-9/_-]+");
  if (!std::regex_match(name, valid) || name.size() > 256)
    out.error(p, "alias name \"" + name + "\" is not valid",
              "use \"alias/\" followed by letters, digits, '/', '_' and '-' (at most 256 characters)");
  else if (name.starts_with("alias/aws/"))
    out.error(p, "alias name \"" + name + "\" is in the prefix reserved for AWS-managed keys", "choose a name outside alias/aws/");
}

void Alias::accept(ResourceVisitor& v) const { v.visit(*this); }

}  // namespace drdb::aws::kms
