// The ensure-cluster-and-run-a-step workflow: its graph, its run records, its failure path and the
// role it derives.
#include <doctest/doctest.h>

#include "unit/aws/iam/rendered.hpp"
#include "unit/aws/stepfunctions/sfn_fixture.hpp"

using namespace sfn_test;
using aws::emr::Step;

namespace {

struct Workflow {
  emr_test::Env env;
  aws::emr::Cluster& cluster = [this]() -> aws::emr::Cluster& {
    auto p = env.props();
    p.name = "nightly";
    return env.cluster(std::move(p));
  }();
  aws::dynamodb::Table& runs = env.stack.add<aws::dynamodb::Table>("Runs", {.partition_key = {"Correlation_Id"}});
  EnsureClusterRunStep& flow = env.stack.add<EnsureClusterRunStep>(
      "Nightly", {.cluster = &cluster, .step = Step::spark("etl", {.application = "s3://code/etl.py"}), .run_log = &runs,
                  .data_product = "sales", .poll_seconds = 45});
};

json states_of(const EnsureClusterRunStep& flow) {
  Diagnostics d;
  return to_json(flow.state_machine().definition(d))["States"];
}

}  // namespace

TEST_CASE("the workflow validates cleanly and pages, reuses, waits or creates") {
  Workflow w;
  CHECK(validate(w.env.app).format() == "");
  const auto s = states_of(w.flow);
  CHECK(s["ListClusters"]["Resource"] == "arn:${pseudo:2}:states:::aws-sdk:emr:listClusters");
  CHECK(s["ListClusters"]["Parameters"]["ClusterStates"] == json({"STARTING", "BOOTSTRAPPING", "RUNNING", "WAITING"}));
  CHECK(s["ListNextPage"]["Parameters"]["Marker.$"] == "$.page.Marker");
  CHECK(s["FilterClusters"]["Parameters"]["named.$"] == "$.page.Clusters[?(@.Name == 'nightly')]");
  CHECK(s["SortClusters"]["Parameters"]["waiting.$"] == "$.found.clusters[?(@.State == 'WAITING')]");
  const auto& rules = s["Decide"]["Choices"];
  REQUIRE(rules.size() == 4);
  CHECK(rules[0]["Next"] == "UseWaitingCluster");
  CHECK(rules[1]["Next"] == "UseRunningCluster");
  CHECK(rules[2]["Next"] == "WaitForCluster");
  CHECK(rules[3] == json({{"Variable", "$.page.Marker"}, {"IsPresent", true}, {"Next", "ListNextPage"}}));
  CHECK(s["Decide"]["Default"] == "CreateCluster");
  CHECK(s["WaitForCluster"] == json({{"Type", "Wait"}, {"Seconds", 45}, {"Next", "ListClusters"}}));
  CHECK(s["UseWaitingCluster"]["Parameters"]["Extra.$"] == "$.found.waiting[1:]");
  CHECK(s["TerminateExtraClusters"]["ItemProcessor"]["States"]["TerminateExtraCluster"]["Resource"] ==
        "arn:${pseudo:2}:states:::elasticmapreduce:terminateCluster");
  CHECK(s["CreateCluster"]["Resource"] == "arn:${pseudo:2}:states:::elasticmapreduce:createCluster.sync");
  CHECK(s["CreateCluster"]["Parameters"]["Name"] == "nightly");
  CHECK(s["RunStep"]["Resource"] == "arn:${pseudo:2}:states:::elasticmapreduce:addStep.sync");
  CHECK(s["RunStep"]["Parameters"]["ClusterId.$"] == "$.cluster.ClusterId");
}

TEST_CASE("each run is recorded: started, running on its cluster, succeeded, or failed with the error") {
  Workflow w;
  const auto s = states_of(w.flow);
  const auto& item = s["RecordStarted"]["Parameters"]["Item"];
  CHECK(item == json::parse(R"({"Correlation_Id": {"S.$": "$.run.correlation_id"}, "DataProduct": {"S": "sales"},
    "Date": {"S.$": "$.run.date"}, "RunId": {"S.$": "$.run.run_id"}, "Status": {"S": "STARTED"},
    "CurrentStep": {"S": "EnsureCluster"}})"));
  CHECK(s["HasDate"]["Choices"][0] == json({{"Variable", "$.date"}, {"IsPresent", true}, {"Next", "InitFromInput"}}));
  CHECK(s["HasDate"]["Default"] == "InitFromStartTime");
  CHECK(s["InitFromStartTime"]["Parameters"] == json::parse(R"({"correlation_id.$": "$$.Execution.Name", "run_id.$": "$$.Execution.Id",
    "date.$": "$$.Execution.StartTime"})"));
  CHECK(s["InitFromInput"]["Parameters"]["date.$"] == "$.date");
  CHECK(s["InitFromInput"]["Next"] == "RecordStarted");
  const auto& running = s["RecordRunning"]["Parameters"];
  CHECK(running["UpdateExpression"] == "SET #status = :status, #a0 = :v0, #a1 = :v1");
  CHECK(running["ExpressionAttributeNames"] == json({{"#status", "Status"}, {"#a0", "CurrentStep"}, {"#a1", "ClusterId"}}));
  CHECK(running["ExpressionAttributeValues"][":v1"] == json({{"S.$", "$.cluster.ClusterId"}}));
  CHECK(s["RecordSucceeded"]["Parameters"]["ExpressionAttributeValues"][":status"] == json({{"S", "SUCCEEDED"}}));
  const auto& failed = s["RecordFailed"]["Parameters"];
  CHECK(failed["ExpressionAttributeValues"] == json::parse(R"({":status": {"S": "FAILED"}, ":v0": {"S.$": "$.error.Cause"}})"));
  CHECK(s["RecordFailed"]["Next"] == "Failed");
  for (const char* state : {"RecordStarted", "ListClusters", "ListNextPage", "TerminateExtraClusters", "CreateCluster", "RecordRunning",
                            "RunStep", "RecordSucceeded"}) {
    CAPTURE(state);
    CHECK(s[state]["Catch"] == json::parse(R"([{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "RecordFailed"}])"));
  }
}

TEST_CASE("the workflow's role: the EMR, DynamoDB and EventBridge calls it makes, PassRole on the cluster's roles, no wildcard action") {
  Workflow w;
  const auto r = test::render(w.env.app);
  const auto statements = cfn_role_statements(r.cfn, w.flow.state_machine());
  std::set<std::string> actions;
  for (const auto& st : statements)
    for (const auto& a : st["Action"].is_array() ? st["Action"] : json::array({st["Action"]})) actions.insert(a.get<std::string>());
  for (const char* needed : {"elasticmapreduce:ListClusters", "elasticmapreduce:RunJobFlow", "elasticmapreduce:DescribeCluster",
                             "elasticmapreduce:TerminateJobFlows", "elasticmapreduce:AddJobFlowSteps", "elasticmapreduce:DescribeStep",
                             "elasticmapreduce:CancelSteps", "iam:PassRole", "dynamodb:PutItem", "dynamodb:UpdateItem",
                             "events:PutRule", "events:PutTargets", "events:DescribeRule"})
    CHECK(actions.count(needed) == 1);
  for (const auto& a : actions) CHECK(a.find('*') == std::string::npos);
  CHECK_FALSE(actions.count("dynamodb:DeleteItem"));
}

TEST_CASE("a workflow without cluster, run log or data product says what is missing") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& runs = s.add<aws::dynamodb::Table>("Runs", {.partition_key = {"RunKey"}});
  auto& flow = s.add<EnsureClusterRunStep>("Broken", {.run_log = &runs, .poll_seconds = 0});
  const auto text = diagnostics_of(app);
  CHECK(contains(text, "[App/S/Broken] no cluster model — set cluster to the emr::Cluster"));
  CHECK(contains(text, "the run-log table's partition key is RunKey, not Correlation_Id"));
  CHECK(contains(text, "no data_product"));
  CHECK(contains(text, "the step has no name"));
  CHECK(contains(text, "poll_seconds must be positive"));
  CHECK_THROWS_AS(flow.state_machine(), Error);
}
