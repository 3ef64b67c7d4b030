#include "unit/rules/rules_fixture.hpp"

using namespace rules_test;
using aws::iam::Principal;
using aws::iam::Statement;

namespace {

aws::iam::Role& role(Env& env, const std::string& id, std::vector<Principal> trust = {Principal::service("ec2.amazonaws.com")}) {
  return env.stack.add<aws::iam::Role>(id, {.assumed_by = std::move(trust)});
}

}  // namespace

TEST_CASE("IAM.1 fires on wildcard actions a statement opted into, in roles and managed policies") {
  Env env;
  auto& data = env.stack.add<aws::s3::Bucket>("Data");
  auto& admin = role(env, "Admin");
  admin.add_to_policy({.actions = {"s3:*"}, .resources = {data.arn()}, .allow_wildcard_actions = true});
  fires_and_is_suppressible(env, admin, "IAM.1");

  auto& reader = role(env, "Reader");
  data.grant_read(reader);
  auto& policy = env.stack.add<aws::iam::ManagedPolicy>(
      "Broad", {.document = {Statement{.not_actions = {"iam:*"}, .resources = {data.arn()}, .allow_wildcard_actions = true}},
                .roles = {&reader}});
  const auto f = env.findings();
  CHECK_FALSE(f.fires("IAM.1", "Reader"));
  CHECK(f.fires("IAM.1", "Broad"));
  (void)policy;
}

TEST_CASE("IAM.2 fires on Resource * for actions that can be scoped, not for those that cannot") {
  Env env;
  auto& broad = role(env, "Broad");
  broad.add_to_policy({.actions = {"s3:GetObject", "ec2:DescribeInstances"}, .resources = {Str("*")}});
  fires_and_is_suppressible(env, broad, "IAM.2");
  CHECK(env.findings().report().suppressed.front().finding.message.find("s3:GetObject") != std::string::npos);
  CHECK(env.findings().report().suppressed.front().finding.message.find("ec2:Describe") == std::string::npos);

  auto& describe = role(env, "Describe");
  describe.add_to_policy({.actions = {"ec2:DescribeSubnets", "cloudwatch:DescribeAlarms", "sts:GetCallerIdentity"},
                          .resources = {Str("*")}});
  auto& deny = role(env, "Deny");
  deny.add_to_policy({.effect = aws::iam::Effect::Deny, .actions = {"s3:DeleteObject"}, .resources = {Str("*")}});
  const auto f = env.findings();
  CHECK_FALSE(f.fires("IAM.2", "Describe"));
  CHECK_FALSE(f.fires("IAM.2", "Deny"));
}

TEST_CASE("IAM.3 fires on a role trusting every AWS account") {
  Env env;
  auto& open = role(env, "Open", {Principal::aws("*")});
  fires_and_is_suppressible(env, open, "IAM.3");
  role(env, "Account", {Principal::account_root()});
  CHECK_FALSE(env.findings().fires("IAM.3", "Account"));
}

TEST_CASE("IAM.4 fires on EMR cluster-mutating actions on every cluster without a resource-tag condition") {
  Env env;
  const Str every_cluster = pseudo::arn("elasticmapreduce", "cluster/*");
  auto& steps = role(env, "Steps");
  steps.add_to_policy({.actions = {"elasticmapreduce:AddJobFlowSteps", "elasticmapreduce:DescribeStep"}, .resources = {every_cluster}});
  fires_and_is_suppressible(env, steps, "IAM.4");
  const auto message = env.findings().report().suppressed.front().finding.message;
  CHECK(message.find("elasticmapreduce:AddJobFlowSteps") != std::string::npos);
  CHECK(message.find("DescribeStep") == std::string::npos);  // reading is not mutating

  auto& wild = role(env, "Wild");
  wild.add_to_policy({.actions = {"elasticmapreduce:Terminate*"}, .resources = {Str("*")}, .allow_wildcard_actions = true});
  auto& literal = role(env, "Literal");
  literal.add_to_policy({.actions = {"elasticmapreduce:modifyinstancegroups"},
                         .resources = {Str("arn:aws:elasticmapreduce:us-east-1:111122223333:cluster/*")}});
  auto& negated = role(env, "Negated");
  negated.add_to_policy({.actions = {"elasticmapreduce:TerminateJobFlows"}, .resources = {every_cluster},
                         .conditions = {{"StringNotEquals", {{"elasticmapreduce:ResourceTag/team", {"other"}}}}}});
  auto& policy = env.stack.add<aws::iam::ManagedPolicy>(
      "Cancel", {.document = {Statement{.actions = {"elasticmapreduce:CancelSteps"}, .resources = {every_cluster}}}, .roles = {&steps}});
  const auto f = env.findings();
  CHECK(f.fires("IAM.4", "Wild"));
  CHECK(f.fires("IAM.4", "Literal"));
  CHECK(f.fires("IAM.4", "Negated"));
  CHECK(f.fires("IAM.4", "Cancel"));
  (void)policy;
}

TEST_CASE("IAM.4 is silent on tag-conditioned, single-cluster, read-only and derived EMR statements") {
  Env env;
  const Str every_cluster = pseudo::arn("elasticmapreduce", "cluster/*");
  auto& tagged = role(env, "Tagged");
  tagged.add_to_policy({.actions = {"elasticmapreduce:AddJobFlowSteps"}, .resources = {every_cluster},
                        .conditions = {{"StringEquals", {{"elasticmapreduce:ResourceTag/drdb:stack", {"S"}}}}}});
  tagged.add_to_policy({.actions = {"elasticmapreduce:TerminateJobFlows"}, .resources = {every_cluster},
                        .conditions = {{"StringEquals", {{"aws:ResourceTag/team", {"data"}}}}}});
  auto& one = role(env, "One");
  one.add_to_policy({.actions = {"elasticmapreduce:TerminateJobFlows"}, .resources = {pseudo::arn("elasticmapreduce", "cluster/j-1ABC")}});
  auto& reader = role(env, "Reader");
  reader.add_to_policy({.actions = {"elasticmapreduce:ListSteps", "elasticmapreduce:DescribeCluster"}, .resources = {every_cluster}});
  auto& denied = role(env, "Denied");
  denied.add_to_policy({.effect = aws::iam::Effect::Deny, .actions = {"elasticmapreduce:TerminateJobFlows"}, .resources = {every_cluster}});
  const auto f = env.findings();
  for (const char* id : {"Tagged", "One", "Reader", "Denied"}) CHECK_FALSE(f.fires("IAM.4", id));
}
