// IAM rules over identity policies (roles' inline policies, customer-managed policies) and trust.
// Resource policies (bucket and key policies) name principals and follow other rules.
#include <array>
#include <cctype>
#include <string_view>

#include "drdb/aws/iam/managed_policy.hpp"
#include "drdb/aws/iam/role.hpp"
#include "drdb/core/stack.hpp"
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

// EMR actions that change a cluster or run code on it, all on the cluster resource type (Service
// Authorization Reference), whose condition keys include elasticmapreduce:ResourceTag and aws:ResourceTag.
constexpr std::array cluster_mutating_actions = {
    "elasticmapreduce:AddInstanceFleet",          "elasticmapreduce:AddInstanceGroups",
    "elasticmapreduce:AddJobFlowSteps",           "elasticmapreduce:AddTags",
    "elasticmapreduce:CancelSteps",               "elasticmapreduce:ModifyCluster",
    "elasticmapreduce:ModifyInstanceFleet",       "elasticmapreduce:ModifyInstanceGroups",
    "elasticmapreduce:PutAutoScalingPolicy",      "elasticmapreduce:PutAutoTerminationPolicy",
    "elasticmapreduce:PutManagedScalingPolicy",   "elasticmapreduce:RemoveAutoScalingPolicy",
    "elasticmapreduce:RemoveAutoTerminationPolicy", "elasticmapreduce:RemoveManagedScalingPolicy",
    "elasticmapreduce:RemoveTags",                "elasticmapreduce:SetKeepJobFlowAliveWhenNoSteps",
    "elasticmapreduce:SetTerminationProtection",  "elasticmapreduce:SetVisibleToAllUsers",
    "elasticmapreduce:TerminateJobFlows",
};

// IAM matches actions case-insensitively, with '*' and '?' wildcards.
bool action_matches(std::string_view pattern, std::string_view action) {
  if (pattern.empty()) return action.empty();
  if (pattern.front() == '*') return action_matches(pattern.substr(1), action) || (!action.empty() && action_matches(pattern, action.substr(1)));
  if (action.empty()) return false;
  const bool same = pattern.front() == '?' || std::tolower(static_cast<unsigned char>(pattern.front())) ==
                                                  std::tolower(static_cast<unsigned char>(action.front()));
  return same && action_matches(pattern.substr(1), action.substr(1));
}

std::vector<std::string> cluster_mutating(const Statement& s) {
  std::vector<std::string> found;
  for (std::string_view action : cluster_mutating_actions)
    for (const auto& granted : s.actions)
      if (action_matches(granted, action)) {
        found.emplace_back(action);
        break;
      }
  return found;
}

// "*", or an ARN whose resource part is "cluster/*" (the account's clusters in a region, or in all).
bool every_cluster(const Str& resource) {
  if (resource == Str("*") || resource == pseudo::arn("elasticmapreduce", "cluster/*")) return true;
  return resource.is_literal() && resource.value().as_string().ends_with(":cluster/*");
}

bool resource_tag_condition(const Statement& s) {
  for (const auto& [op, keys] : s.conditions) {
    if (op.starts_with("ForAnyValue:") || op.ends_with("IfExists") || op.starts_with("StringNot")) continue;
    for (const auto& [key, values] : keys)
      if ((key.starts_with("elasticmapreduce:ResourceTag/") || key.starts_with("aws:ResourceTag/")) && !values.empty()) return true;
  }
  return false;
}

void untagged_clusters(const Construct& c, Context& ctx) {
  each_allow(documents_of(c), [&](const std::string& where, const Statement& s) {
    bool everywhere = false;
    for (const auto& r : s.resources) everywhere = everywhere || every_cluster(r);
    if (!everywhere || resource_tag_condition(s)) return;
    auto actions = cluster_mutating(s);
    if (!actions.empty())
      ctx.fire(c, where + " allows " + joined(actions) + " on every EMR cluster of the account, with no resource-tag condition");
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

  const RuleInfo untagged{
      .id = "IAM.4", .level = Level::Error,
      .rationale = "EMR actions on cluster/* reach every cluster of the account: adding a step to another team's "
                   "cluster runs code as that cluster's instance role",
      .fix = "let drdb derive the statement (cluster.grant_launch, EnsureClusterRunStep, ClusterLifecycle, and "
             "tasks::on_clusters_of(model, call) for a task of your graph: they require the tag drdb:stack that every "
             "cluster of a model carries), or add to the statement's conditions (spec key conditions) "
             "{StringEquals: {elasticmapreduce:ResourceTag/drdb:stack: <the cluster model's stack>}}"};
  r.add<aws::iam::Role>(untagged, untagged_clusters);
  r.add<aws::iam::ManagedPolicy>(untagged, untagged_clusters);
}

}  // namespace drdb::rules
