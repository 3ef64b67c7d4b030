#include "aws/events/key_access.hpp"

#include <algorithm>

#include "drdb/aws/kms/key.hpp"

namespace drdb::aws::events {

namespace {

bool allows(const iam::Statement& s, const iam::Principal& principal, const std::string& action) {
  if (s.effect != iam::Effect::Allow) return false;
  if (std::find(s.principals.begin(), s.principals.end(), principal) == s.principals.end()) return false;
  return std::any_of(s.actions.begin(), s.actions.end(), [&](const std::string& a) { return a == action || a == "kms:*"; });
}

}  // namespace

void check_service_key_access(const kms::Key& key, const std::string& service_principal, const std::string& path,
                              const std::string& what, Diagnostics& out) {
  const auto principal = iam::Principal::service(service_principal);
  const auto statements = key.policy().statements();
  for (const std::string action : {"kms:Decrypt", "kms:GenerateDataKey"}) {
    const bool allowed =
        std::any_of(statements.begin(), statements.end(), [&](const iam::Statement& s) { return allows(s, principal, action); });
    if (allowed) continue;
    out.error(path, what,
              "add to the key: key.add_to_policy({.actions = {\"kms:Decrypt\", \"kms:GenerateDataKey\"}, .resources = "
              "{Str(\"*\")}, .principals = {iam::Principal::service(\"" + service_principal + "\")}})");
    return;
  }
}

}  // namespace drdb::aws::events
