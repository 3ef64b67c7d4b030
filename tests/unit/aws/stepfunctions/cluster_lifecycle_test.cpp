// Scheduled start, stop and recycle of a cluster model's clusters.
#include <doctest/doctest.h>

#include "unit/aws/iam/rendered.hpp"
#include "unit/aws/stepfunctions/sfn_fixture.hpp"

using namespace sfn_test;
using aws::events::Schedule;

namespace {

struct Lifecycle {
  emr_test::Env env;
  aws::emr::Cluster& cluster;
  ClusterLifecycle& lifecycle;
  explicit Lifecycle(bool protect = false)
      : cluster([&]() -> aws::emr::Cluster& {
          auto p = env.props();
          p.name = "nightly";
          p.launch = aws::emr::Launch::ByWorkflows;
          p.termination_protection = protect;
          return env.cluster(std::move(p));
        }()),
        lifecycle(env.stack.add<ClusterLifecycle>("Schedule", {.cluster = &cluster,
                                                               .start = Schedule::cron({.hours = "6", .day_of_week = "MON-FRI"}),
                                                               .stop = Schedule::cron({.hours = "22", .day_of_week = "MON-FRI"}),
                                                               .recycle = Schedule::rate(7, aws::events::RateUnit::Days)})) {}
  json states() const {
    Diagnostics d;
    return to_json(lifecycle.state_machine().definition(d))["States"];
  }
};

}  // namespace

TEST_CASE("start launches unless a cluster is up; stop terminates what every page lists; recycle replaces what it stops") {
  Lifecycle l;
  CHECK(validate(l.env.app).format() == "");
  const auto s = l.states();
  const auto& action = s["Action"];
  CHECK(action["Choices"][0] == json::parse(R"({"Variable": "$.action", "StringEquals": "start", "Next": "ListClusters"})"));
  CHECK(action["Choices"][1]["Next"] == "ListClustersToStop");
  CHECK(action["Default"] == "UnknownAction");
  CHECK(s["ClustersToStop"]["QueryLanguage"] == "JSONata");
  CHECK(contains(s["ClustersToStop"]["Output"].get<std::string>(), "$states.input.page.Clusters[Name = 'nightly']"));
  CHECK(s["MoreClustersToStop"]["Choices"][0]["Next"] == "ListNextClustersToStop");
  CHECK(s["MoreClustersToStop"]["Default"] == "TerminateClusters");
  CHECK(s["TerminateClusters"]["ItemsPath"] == "$.found");
  CHECK(s["TerminateClusters"]["ItemProcessor"]["StartAt"] == "TerminateCluster");
  CHECK(s["TerminateClusters"]["Next"] == "StartAgain");
  // A recycle launches again only when its stop terminated a cluster.
  CHECK(s["StartAgain"]["Choices"][0] == json::parse(R"({"And": [{"Variable": "$.action", "StringEquals": "recycle"},
                                                                {"Variable": "$.found[0]", "IsPresent": true}],
                                                        "Next": "ListClusters"})"));
  CHECK(s["StartAgain"]["Default"] == "Stopped");
  CHECK(s["AnyRunning"]["Choices"][0]["Next"] == "AlreadyRunning");
  CHECK(s["AnyRunning"]["Choices"][1]["Next"] == "ListNextClusters");
  CHECK(s["AnyRunning"]["Default"] == "LaunchCluster");
  CHECK(s["LaunchCluster"]["Resource"] == "arn:${pseudo:2}:states:::elasticmapreduce:createCluster");
  CHECK(s["LaunchCluster"]["Parameters"]["Name"] == "nightly");
}

TEST_CASE("each schedule is a rule starting the machine with its action; the role has no wildcard action") {
  Lifecycle l;
  const auto r = test::render(l.env.app);
  std::vector<std::string> inputs;
  for (const char* id : {"StartSchedule", "StopSchedule", "RecycleSchedule"}) {
    const auto& rule = r.cfn["Resources"][logical_id(*l.lifecycle.find_child(id))]["Properties"];
    inputs.push_back(rule["Targets"][0]["Input"].get<std::string>());
  }
  CHECK(inputs == std::vector<std::string>{R"({"action":"start"})", R"({"action":"stop"})", R"({"action":"recycle"})"});
  std::set<std::string> actions;
  for (const auto& st : cfn_role_statements(r.cfn, l.lifecycle.state_machine()))
    for (const auto& a : st["Action"].is_array() ? st["Action"] : json::array({st["Action"]})) actions.insert(a.get<std::string>());
  CHECK(actions == std::set<std::string>{"elasticmapreduce:DescribeCluster", "elasticmapreduce:ListClusters", "elasticmapreduce:RunJobFlow",
                                         "elasticmapreduce:TerminateJobFlows",
                                         "iam:PassRole", "logs:CreateLogDelivery", "logs:DeleteLogDelivery", "logs:DescribeLogGroups",
                                         "logs:DescribeResourcePolicies", "logs:GetLogDelivery", "logs:ListLogDeliveries",
                                         "logs:PutResourcePolicy", "logs:UpdateLogDelivery"});
}

TEST_CASE("a protected model's clusters have their protection lifted before termination") {
  Lifecycle l(true);
  const auto processor = l.states()["TerminateClusters"]["ItemProcessor"];
  CHECK(processor["StartAt"] == "LiftTerminationProtection");
  CHECK(processor["States"]["LiftTerminationProtection"]["Next"] == "TerminateCluster");
  CHECK(processor["States"]["LiftTerminationProtection"]["Parameters"]["TerminationProtected"] == false);
}

TEST_CASE("termination and its protection reach only clusters tagged as the model's") {
  Lifecycle l(true);
  std::string scoped;
  for (const auto& st : cfn_role_statements(test::render(l.env.app).cfn, l.lifecycle.state_machine())) {
    if (st["Resource"] == "*") {
      CHECK_FALSE(contains(st["Action"].dump(), "TerminateJobFlows"));
      continue;
    }
    if (!contains(st["Resource"].dump(), "cluster/*")) continue;
    CHECK(st["Condition"] == json({{"StringEquals", {{"elasticmapreduce:ResourceTag/drdb:stack", "S"}}}}));
    scoped += st["Action"].dump();
  }
  for (const char* action : {"SetTerminationProtection", "TerminateJobFlows", "DescribeCluster"}) CHECK(contains(scoped, action));
}

TEST_CASE("a lifecycle without a cluster or a schedule says what is missing") {
  emr_test::Env env;
  auto& cluster = env.cluster(env.props());
  env.stack.add<ClusterLifecycle>("NoSchedule", {.cluster = &cluster});
  auto& none = env.stack.add<ClusterLifecycle>("NoCluster", {});
  env.stack.add<ClusterLifecycle>("StackCluster", {.cluster = &cluster, .recycle = Schedule::rate(1, aws::events::RateUnit::Days)});
  const auto text = diagnostics_of(env.app);
  CHECK(contains(text, "[App/S/NoSchedule] no schedule — set start, stop or recycle"));
  CHECK(contains(text, "warning: [App/S/StackCluster] the schedules terminate the cluster the stack itself launches"));
  CHECK(contains(text, "[App/S/NoCluster] no cluster model"));
  CHECK_THROWS_AS(none.state_machine(), Error);
}

TEST_CASE("schedules are checked: two actions on one expression, and an invalid expression, are errors") {
  emr_test::Env env;
  auto p = env.props();
  p.launch = aws::emr::Launch::ByWorkflows;
  auto& cluster = env.cluster(std::move(p));
  env.stack.add<ClusterLifecycle>("Same", {.cluster = &cluster,
                                           .start = Schedule::cron({.hours = "6", .day_of_week = "MON-FRI"}),
                                           .stop = Schedule::cron({.hours = "6", .day_of_week = "MON-FRI"})});
  env.stack.add<ClusterLifecycle>("Bad", {.cluster = &cluster, .stop = Schedule::cron({.hours = "25", .day_of_week = "MON-FRI"})});
  const auto text = diagnostics_of(env.app);
  CHECK(contains(text, "[App/S/Same] start and stop share the schedule cron(0 6 ? * MON-FRI *), so two executions race on the same "
                       "clusters — give each action its own time"));
  CHECK(contains(text, "[App/S/Bad/StopSchedule]"));
  CHECK(contains(text, "hours"));
}
