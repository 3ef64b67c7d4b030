// Every cluster of a model carries drdb:stack, and the EMR permissions on cluster/* require it.
#include <doctest/doctest.h>

#include "unit/aws/emr/emr_fixture.hpp"

using namespace emr_test;

namespace {

const json tag = {{"Key", "drdb:stack"}, {"Value", "S"}};
const json on_tagged = {{"StringEquals", {{"elasticmapreduce:ResourceTag/drdb:stack", "S"}}}};

json condition_of(const aws::iam::Statement& s) { return json::parse(to_json(s.to_value()).dump())["Condition"]; }

}  // namespace

TEST_CASE("the cluster resource and the RunJobFlow request carry drdb:stack = the model's stack") {
  Env env;
  auto& deployed = env.cluster(env.props());
  auto p = env.props();
  p.name = "on-demand";
  p.launch = Launch::ByWorkflows;
  auto& launched = env.cluster(std::move(p), "Launched");
  const auto out = render_all(env.app);
  CHECK(contains(cfn_resource(out.cfn, "AWS::EMR::Cluster")["Properties"]["Tags"].dump(), tag.dump()));
  CHECK(tf_resource(out.tf, "aws_emr_cluster")["tags"]["drdb:stack"] == "S");
  CHECK(contains(run_job_flow(launched)["Tags"].dump(), tag.dump()));
  CHECK(contains(run_job_flow(deployed)["Tags"].dump(), tag.dump()));
}

TEST_CASE("the tag is drdb's: a user tag of the same key does not change what the launch statements require") {
  Env env;
  auto p = env.props();
  p.launch = Launch::ByWorkflows;
  auto& cluster = env.cluster(std::move(p));
  cluster.tag("drdb:stack", "Other");
  CHECK(contains(run_job_flow(cluster)["Tags"].dump(), tag.dump()));
}

TEST_CASE("launching: RunJobFlow only with the tag in the request, DescribeCluster and TerminateJobFlows only on tagged clusters") {
  Env env;
  auto p = env.props();
  p.launch = Launch::ByWorkflows;
  const auto statements = env.cluster(std::move(p)).launch_statements();
  REQUIRE(statements.size() == 3);
  CHECK(condition_of(statements[0]) == json({{"StringEquals", {{"aws:RequestTag/drdb:stack", "S"}}}}));
  CHECK(statements[1].actions == std::vector<std::string>{"elasticmapreduce:DescribeCluster", "elasticmapreduce:TerminateJobFlows"});
  CHECK(condition_of(statements[1]) == on_tagged);
  CHECK(statements[2].conditions.empty());  // PassRole names the roles
}

TEST_CASE("the autoscaling role modifies instance groups of tagged clusters only") {
  Env env;
  auto p = env.props();
  std::get<InstanceGroups>(p.instances).core->autoscaling = AutoScalingPolicy::memory_based(2, 10);
  auto& cluster = env.cluster(std::move(p));
  REQUIRE(cluster.autoscaling_role() != nullptr);
  bool found = false;
  for (const auto& [name, document] : cluster.autoscaling_role()->policies())
    for (const auto& s : document.statements())
      if (s.actions.front().starts_with("elasticmapreduce:")) {
        found = true;
        CHECK(condition_of(s) == on_tagged);
      }
  CHECK(found);
}
