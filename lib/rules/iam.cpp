// IAM rules over identity policies (roles' inline policies, customer-managed policies) and trust.
// Resource policies (bucket and key policies) name principals and follow other rules.
#include <array>

#include "drdb/aws/iam/managed_policy.hpp"
#include "drdb/aws/iam/role.hpp"
#include "rules/packs.hpp"

namespace drdb::rules {
namespace {

using aws::iam::Effect;
using aws::iam::PolicyDocument;
using aws::iam::Principal;
using aws::iam::Statement;

// Actions that have no resource-level permissions, so their statements must say "Resource": "*"
// (AWS Service Authorization Reference: no resource type listed for the action). Patterns end in '*'.
constexpr std::array unscoped_actions = {
    "autoscaling:Describe*",
    "cloudwatch:DescribeAlarms",
    "cloudwatch:GetMetricData",
    "cloudwatch:ListMetrics",
    "cloudwatch:PutMetricData",
    "ec2:Describe*",
    "ecr:GetAuthorizationToken",
    "elasticmapreduce:ListClusters",
    "elasticmapreduce:RunJobFlow",
    "kms:CreateKey",
    "kms:ListAliases",
    "kms:ListKeys",
    "logs:CreateLogDelivery",
    "logs:DeleteLogDelivery",
    "logs:DescribeLogGroups",
    "logs:DescribeResourcePolicies",
    "logs:GetLogDelivery",
    "logs:ListLogDeliveries",
    "logs:PutResourcePolicy",
    "logs:UpdateLogDelivery",
    "s3:ListAllMyBuckets",
    "secretsmanager:GetRandomPassword",
    "secretsmanager:ListSecrets",
    "sts:GetCallerIdentity",
    "xray:GetSamplingRules",
    "xray:GetSamplingTargets",
    "xray:PutTelemetryRecords",
    "xray:PutTraceSegments",
};

bool unscoped(const std::string& action) {
  for (std::string_view pattern : unscoped_actions) {
    if (pattern.ends_with('*') ? action.starts_with(pattern.substr(0, pattern.size() - 1)) : action == pattern)
      return true;
  }
  return false;
}

bool is_wildcard(const std::string& action) { return action.find_first_of("*?") != std::string::npos; }

bool any_resource(const Statement& s) {
  for (const auto& r : s.resources)
    if (r == Str("*")) return true;
  return false;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

// Each Allow statement of each document, with "policy <name> statement <n>" naming it.
template <class F>
void each_allow(const std::map<std::string, PolicyDocument>& documents, F&& f) {
  for (const auto& [name, document] : documents) {
    std::size_t n = 0;
    for (const auto& s : document.statements()) {
      ++n;
      if (s.effect == Effect::Allow) f("policy " + name + " statement " + std::to_string(n), s);
    }
  }
}

std::map<std::string, PolicyDocument> documents_of(const Construct& c) {
  if (const auto* role = dynamic_cast<const aws::iam::Role*>(&c)) return role->policies();
  if (const auto* policy = dynamic_cast<const aws::iam::ManagedPolicy*>(&c)) return {{"Document", policy->props().document}};
  return {};
}

void wildcard_actions(const Construct& c, Context& ctx) {
  each_allow(documents_of(c), [&](const std::string& where, const Statement& s) {
    std::vector<std::string> wild;
    for (const auto& a : s.actions)
      if (is_wildcard(a)) wild.push_back(a);
    if (!wild.empty()) ctx.fire(c, where + " allows the wildcard action(s) " + joined(wild));
    if (!s.not_actions.empty()) ctx.fire(c, where + " allows every action except " + joined(s.not_actions));
  });
}

void unscoped_resources(const Construct& c, Context& ctx) {
  each_allow(documents_of(c), [&](const std::string& where, const Statement& s) {
    if (!any_resource(s)) return;
    std::vector<std::string> scopable;
    for (const auto& a : s.actions)
      if (!unscoped(a)) scopable.push_back(a);
    if (!scopable.empty())
      ctx.fire(c, where + " allows " + joined(scopable) + " on every resource (\"*\")",
               "name the ARNs the actions apply to (e.g. bucket.arn_for_objects(\"prefix/*\"), or a grant_* helper)");
  });
}

}  // namespace

void register_iam_rules(Registry& r) {
  const RuleInfo wildcard{.id = "IAM.1", .level = Level::Error,
                          .rationale = "wildcard actions grant today's and every future action of a service",
                          .fix = "list the actions the role needs (the grants of buckets, tables, queues... derive them)"};
  r.add<aws::iam::Role>(wildcard, wildcard_actions);
  r.add<aws::iam::ManagedPolicy>(wildcard, wildcard_actions);

  const RuleInfo any_resource{.id = "IAM.2", .level = Level::Error,
                              .rationale = "\"Resource\": \"*\" on actions that support resource scoping grants them on "
                                           "every resource of the account",
                              .fix = "name the ARNs the actions apply to"};
  r.add<aws::iam::Role>(any_resource, unscoped_resources);
  r.add<aws::iam::ManagedPolicy>(any_resource, unscoped_resources);

  r.add<aws::iam::Role>({.id = "IAM.3", .level = Level::Error,
                         .rationale = "a role trusting \"*\" can be assumed by any AWS account",
                         .fix = "trust the service or the account root that needs the role"},
                        [](const aws::iam::Role& role, Context& c) {
                          // Principal::any() is refused by Role::validate itself; an AWS principal "*" is the
                          // same trust written as an account.
                          for (const auto& p : role.props().assumed_by)
                            if (p.kind == Principal::Kind::Aws && p.id == Str("*"))
                              c.fire(role, "the role trusts every AWS account (Principal::aws(\"*\"))");
                        });
}

}  // namespace drdb::rules
