// iam.Role in specs, and the policy documents other kinds use.
#include "drdb/aws/iam/role.hpp"
#include "spec/iam_codecs.hpp"
#include "spec/kind.hpp"
#include "spec/kind_names.hpp"

namespace drdb::spec {

using namespace aws::iam;

bool Codec<Principal>::read(const YAML::Node& n, Principal& v, Context& c) {
  if (n.IsMap() && n.size() == 1) {
    const auto entry = *n.begin();
    const std::string key = entry.first.Scalar();
    Str id = "";
    if ((key == "service" || key == "aws" || key == "federated") && detail::read_str(entry.second, id, c)) {
      if (key == "service") v = Principal{Principal::Kind::Service, id};
      else if (key == "aws") v = Principal::aws(id);
      else v = Principal::federated(id);
      return true;
    }
    if (key == "service" || key == "aws" || key == "federated") return false;
  }
  if (n.IsScalar() && n.Scalar() == "account_root") {
    v = Principal::account_root();
    return true;
  }
  c.error(n, "expected a principal", "write {service: ec2.amazonaws.com}, {aws: <ARN>}, {federated: <id>} or account_root");
  return false;
}

Schema Codec<Principal>::schema() {
  Schema one = Schema::array();
  for (const char* key : {"service", "aws", "federated"})
    one.push_back({{"type", "object"}, {"additionalProperties", false}, {"required", {key}},
                   {"properties", {{key, detail::str_schema()}}}});
  one.push_back({{"const", "account_root"}});
  return {{"oneOf", one}};
}

template <>
struct EnumNames<Effect> {
  static constexpr std::pair<std::string_view, Effect> values[] = {{"allow", Effect::Allow}, {"deny", Effect::Deny}};
};

template <>
struct Fields<Statement> {
  static constexpr std::string_view name = "statement";
  static const FieldList<Statement>& get() {
    using S = Statement;
    static const FieldList<S> list{
        field("sid", &S::sid, "letters and digits"),
        field("effect", &S::effect, "allow (default) or deny"),
        field("actions", &S::actions, "e.g. s3:GetObject"),
        field("not_actions", &S::not_actions, ""),
        field("resources", &S::resources, "ARNs"),
        field("not_resources", &S::not_resources, ""),
        field("principals", &S::principals, "resource and trust policies only"),
        field("conditions", &S::conditions, "operator → key → values"),
        field("allow_wildcard_actions", &S::allow_wildcard_actions, "a deliberate choice to allow * in actions")};
    return list;
  }
};

bool Codec<PolicyDocument>::read(const YAML::Node& n, PolicyDocument& v, Context& c) {
  std::vector<Statement> statements;
  if (!Codec<std::vector<Statement>>::read(n, statements, c)) return false;
  for (auto& s : statements) v.add(std::move(s));
  return true;
}

Schema Codec<PolicyDocument>::schema() { return Codec<std::vector<Statement>>::schema(); }

template <>
struct Fields<Role::Props> {
  static constexpr std::string_view name = "iam.Role";
  static const FieldList<Role::Props>& get() {
    using P = Role::Props;
    static const FieldList<P> list{
        field("assumed_by", &P::assumed_by, "the trusted principals", required),
        field("description", &P::description, ""),
        field("path", &P::path, ""),
        field("role_name", &P::role_name, "empty: generated (recommended)"),
        field("managed_policy_arns", &P::managed_policy_arns, "AWS-managed or existing policies"),
        field("inline_policies", &P::inline_policies, "name → statements"),
        field("permissions_boundary", &P::permissions_boundary, "a managed policy ARN"),
        field("max_session_duration", &P::max_session_duration, "seconds, 3600-43200"),
        field("trust_conditions", &P::trust_conditions, "conditions on the trust statements")};
    return list;
  }
};

namespace {

struct RoleActions {
  std::vector<Statement> statements;
  bool instance_profile = false;
};

}  // namespace

template <>
struct Fields<RoleActions> {
  static constexpr std::string_view name = "iam.Role";
  static const FieldList<RoleActions>& get() {
    static const FieldList<RoleActions> list{
        field("statements", &RoleActions::statements, "added to the role's default policy"),
        field("instance_profile", &RoleActions::instance_profile, "create the role's EC2 instance profile")};
    return list;
  }
};

std::vector<Kind> iam_kinds() {
  return {make_kind<Role, RoleActions>("an IAM role; other kinds' grants add least-privilege statements to it",
                                       {{"arn", [](const Role& r) { return r.arn(); }},
                                        {"role_name", [](const Role& r) { return r.role_name(); }}},
                                       [](Role& role, const RoleActions& a) {
                                         for (const auto& s : a.statements) role.add_to_policy(s);
                                         if (a.instance_profile) role.instance_profile();
                                       })};
}

}  // namespace drdb::spec
