// A cluster launched by workflows: the stack deploys what the cluster needs, not the cluster.
#include <doctest/doctest.h>

#include "unit/aws/emr/emr_fixture.hpp"

using namespace emr_test;

TEST_CASE("launched by workflows: roles, profile and security groups deployed, no cluster resource") {
  Env env;
  auto p = env.props();
  p.name = "on-demand";
  p.launch = Launch::ByWorkflows;
  auto& cluster = env.cluster(std::move(p));
  CHECK(diagnostics_of(env.app) == "");
  CHECK_FALSE(cluster.launched_with_stack());
  const auto out = render_all(env.app);
  CHECK_FALSE(contains(out.text, "AWS::EMR::Cluster"));
  CHECK_FALSE(contains(out.text, "aws_emr_cluster"));
  CHECK(out.cfn["Resources"].contains(logical_id(cluster.service_role())));
  CHECK(out.cfn["Resources"].contains(logical_id(cluster.instance_profile())));
  CHECK(out.cfn["Resources"].contains(logical_id(cluster.primary_security_group())));
  const auto params = run_job_flow(cluster);
  CHECK(params["Name"] == "on-demand");
  CHECK(params["Instances"]["EmrManagedMasterSecurityGroup"] == "${App/S/Etl/PrimarySecurityGroup.GroupId}");
  const auto error = [&](auto&& f) {
    try {
      f();
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK(contains(error([&] { (void)cluster.cluster_id(); }), "App/S/Etl: the cluster is launched by workflows, so the stack has no cluster resource"));
  CHECK(contains(error([&] { (void)cluster.resource(); }), "set launch = Launch::WithStack"));
}

TEST_CASE("a program launching the model: RunJobFlow parameters as JSON text, and exactly the launch permissions") {
  Env env;
  auto p = env.props();
  p.name = "by-lambda";
  p.launch = Launch::ByWorkflows;
  auto& cluster = env.cluster(std::move(p));
  auto& role = env.stack.add<aws::iam::Role>("Launcher", {.assumed_by = {aws::iam::Principal::service("lambda.amazonaws.com")}});
  cluster.grant_launch(role);
  const auto text = expression_text(cluster.run_job_flow_json().value());
  CHECK(json::parse(text)["Name"] == "by-lambda");
  const auto statements = cluster.launch_statements();
  REQUIRE(statements.size() == 3);
  CHECK(statements[0].actions == std::vector<std::string>{"elasticmapreduce:RunJobFlow"});
  CHECK(statements[2].actions == std::vector<std::string>{"iam:PassRole"});
  CHECK(statements[2].resources.size() == 2);  // the service and job-flow roles, no autoscaling role
  CHECK(diagnostics_of(env.app) == "");
  const auto out = render_all(env.app);
  CHECK(contains(out.text, "elasticmapreduce:RunJobFlow"));
}

TEST_CASE("steps as JSON text: each step in EMR's API shape, in order, references kept") {
  Env env;
  const auto spark = Step::spark("etl", {.application = Str("s3://") + env.data.bucket_name() + "/etl.py"});
  const auto hive = Step::hive("load", "s3://code/load.q");
  const auto steps = json::parse(expression_text(steps_json({spark, hive}).value()));
  REQUIRE(steps.size() == 2);
  CHECK(steps[0] == to_json(spark.api_value()));
  CHECK(steps[1] == to_json(hive.api_value()));
  CHECK(contains(steps[0].dump(), "${App/S/Data.Name}"));
}
