// Grants of kinds whose grant methods take only a role (table.grant_read_data(role)). In a spec:
//   grants: [{role: <iam.Role id>, access: <name>}]
// Each kind names its methods once in GrantNames<C>; the loader calls the method named.
#pragma once

#include <string_view>
#include <utility>
#include <vector>

#include "drdb/aws/iam/role.hpp"
#include "spec/fields.hpp"
#include "spec/kind_names.hpp"

namespace drdb::spec {

template <class C>
using GrantMethod = void (C::*)(aws::iam::Role&) const;

// Specialize with `static constexpr std::pair<std::string_view, GrantMethod<C>> values[] = {{"read", &C::grant_read}, ...};`
template <class C>
struct GrantNames;

template <class C>
struct Codec<GrantMethod<C>> {
  static bool read(const YAML::Node& n, GrantMethod<C>& v, Context& c) {
    return detail::read_name(n, v, GrantNames<C>::values, c, "access");
  }
  static Schema schema() { return detail::names_schema(GrantNames<C>::values); }
};

template <class C>
struct RoleGrant {
  aws::iam::Role* role = nullptr;
  GrantMethod<C> access = nullptr;
};

template <class C>
struct Fields<RoleGrant<C>> {
  static constexpr std::string_view name = "grant";
  static const FieldList<RoleGrant<C>>& get() {
    static const FieldList<RoleGrant<C>> list{field("role", &RoleGrant<C>::role, "the iam.Role given access", required),
                                              field("access", &RoleGrant<C>::access, "what the role may do", required)};
    return list;
  }
};

// The actions of a kind whose only actions are its grants.
template <class C>
struct GrantActions {
  std::vector<RoleGrant<C>> grants;
};

template <class C>
struct Fields<GrantActions<C>> {
  static constexpr std::string_view name = KindName<C>::value;
  static const FieldList<GrantActions<C>>& get() {
    static const FieldList<GrantActions<C>> list{field("grants", &GrantActions<C>::grants, "least-privilege access for roles")};
    return list;
  }
};

template <class C>
void grant_all(const C& resource, const std::vector<RoleGrant<C>>& grants) {
  for (const auto& g : grants) (resource.*g.access)(*g.role);
}

// make_kind's `apply` for GrantActions.
template <class C>
void apply_grant_actions(C& resource, const GrantActions<C>& actions) {
  grant_all(resource, actions.grants);
}

}  // namespace drdb::spec
