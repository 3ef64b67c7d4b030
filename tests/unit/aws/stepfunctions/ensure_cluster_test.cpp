// The ensure-cluster-and-run-a-step workflow: its graph, its run records, its failure path and the
// role it derives.
#include <doctest/doctest.h>

#include <drdb/testing/findings.hpp>

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
  aws::dynamodb::Table& runs =
      env.stack.add<aws::dynamodb::Table>("Runs", {.partition_key = {"Correlation_Id"}, .time_to_live_attribute = "TimeToExist"});
  EnsureClusterRunStep& flow = env.stack.add<EnsureClusterRunStep>(
      "Nightly", {.cluster = &cluster, .step = Step::spark("etl", {.application = "s3://code/etl.py"}), .run_log = &runs,
                  .data_product = "sales", .poll_seconds = 45});
};

json states_of(const EnsureClusterRunStep& flow) {
  Diagnostics d;
  return to_json(flow.state_machine().definition(d))["States"];
}

}  // namespace

TEST_CASE("the workflow validates cleanly, reads every page, then reuses, waits or creates") {
  Workflow w;
  CHECK(validate(w.env.app).format() == "");
  const auto s = states_of(w.flow);
  CHECK(s["ListClusters"]["Resource"] == "arn:${pseudo:2}:states:::aws-sdk:emr:listClusters");
  CHECK(s["ListClusters"]["Parameters"]["ClusterStates"] == json({"STARTING", "BOOTSTRAPPING", "RUNNING", "WAITING"}));
  CHECK(s["ListClusters"]["Next"] == "CollectClusters");
  CHECK(s["ListNextPage"]["Parameters"]["Marker.$"] == "$.page.Marker");
  CHECK(s["ListNextPage"]["Next"] == "CollectClusters");
  // Each page's clusters of the model's name are appended before anything is decided.
  CHECK(s["CollectClusters"]["QueryLanguage"] == "JSONata");
  CHECK(contains(s["CollectClusters"]["Output"].get<std::string>(), "$states.input.page.Clusters[Name = 'nightly']"));
  CHECK(s["MorePages"]["Choices"][0] == json({{"Variable", "$.page.Marker"}, {"IsPresent", true}, {"Next", "ListNextPage"}}));
  CHECK(s["MorePages"]["Default"] == "Reconcile");
  CHECK(s["Reconcile"]["QueryLanguage"] == "JSONata");
  CHECK(s["Reconcile"]["Next"] == "Decide");
  const auto& rules = s["Decide"]["Choices"];
  REQUIRE(rules.size() == 2);
  CHECK(rules[0] == json({{"Variable", "$.decision.action"}, {"StringEquals", "reuse"}, {"Next", "TerminateExtraClusters"}}));
  CHECK(rules[1] == json({{"Variable", "$.decision.action"}, {"StringEquals", "wait"}, {"Next", "RecordWait"}}));
  CHECK(s["Decide"]["Default"] == "CreateCluster");
  CHECK(s["RecordWait"]["Next"] == "WaitForCluster");
  CHECK(s["WaitForCluster"] == json({{"Type", "Wait"}, {"Seconds", 45}, {"Next", "ListClusters"}}));
  CHECK(s["TerminateExtraClusters"]["ItemsPath"] == "$.decision.terminate");
  CHECK(s["TerminateExtraClusters"]["ItemProcessor"]["States"]["TerminateExtraCluster"]["Resource"] ==
        "arn:${pseudo:2}:states:::elasticmapreduce:terminateCluster");
  CHECK(s["TerminateExtraClusters"]["Next"] == "RecordRunning");
  CHECK(s["CreateCluster"]["Resource"] == "arn:${pseudo:2}:states:::elasticmapreduce:createCluster.sync");
  CHECK(s["CreateCluster"]["Parameters"]["Name"] == "nightly");
  CHECK(s["CreateCluster"]["Next"] == "CreatedCluster");
  CHECK(s["RunStep"]["Resource"] == "arn:${pseudo:2}:states:::elasticmapreduce:addStep.sync");
  CHECK(s["RunStep"]["Parameters"]["ClusterId.$"] == "$.cluster.ClusterId");
}

TEST_CASE("each run is recorded: started, its decisions, running on its cluster, succeeded, or failed with the error") {
  Workflow w;
  const auto s = states_of(w.flow);
  const auto& item = s["RecordStarted"]["Parameters"]["Item"];
  CHECK(item == json::parse(R"({"Correlation_Id": {"S.$": "$.run.correlation_id"}, "DataProduct": {"S": "sales"},
    "Date": {"S.$": "$.run.date"}, "RunId": {"S.$": "$.run.run_id"}, "Status": {"S": "STARTED"},
    "CurrentStep": {"S": "EnsureCluster"}, "TimeToExist": {"N.$": "$.run.expires_at"}})"));
  CHECK(s["HasDate"]["Choices"][0] == json({{"Variable", "$.date"}, {"IsPresent", true}, {"Next", "InitFromInput"}}));
  CHECK(s["HasDate"]["Default"] == "InitFromStartTime");
  CHECK(s["InitFromStartTime"]["Parameters"] == json::parse(R"({"correlation_id.$": "$$.Execution.Name", "run_id.$": "$$.Execution.Id",
    "date.$": "$$.Execution.StartTime"})"));
  CHECK(s["InitFromInput"]["Parameters"]["date.$"] == "$.date");
  CHECK(s["InitFromInput"]["Next"] == "SetRecordExpiry");
  CHECK(s["InitFromStartTime"]["Next"] == "SetRecordExpiry");
  // Epoch seconds of the start plus 90 days, in JSONata: JSONPath has no arithmetic on timestamps.
  CHECK(s["SetRecordExpiry"] == json::parse(R"({"Type": "Pass", "QueryLanguage": "JSONata", "Next": "RecordStarted",
    "Output": "{% $merge([$states.input, {'run': $merge([$states.input.run, {'expires_at': $string($floor($toMillis($states.context.Execution.StartTime) / 1000) + 7776000)}])}]) %}"})"));
  const json event = json::parse(R"({"L": [{"M": {"Event": {"S.$": "$.decision.outcome"}, "At": {"S.$": "$$.State.EnteredTime"},
    "Clusters": {"L.$": "$.decision.clusters"}}}]})");
  const auto& running = s["RecordRunning"]["Parameters"];
  CHECK(running["UpdateExpression"] == "SET #a0 = :v0, #a1 = :v1, #a2 = :v2, #a3 = :v3, #a4 = :v4, "
                                       "#events = list_append(if_not_exists(#events, :no_events), :event)");
  CHECK(running["ExpressionAttributeNames"] == json({{"#a0", "Status"}, {"#a1", "CurrentStep"}, {"#a2", "ClusterId"}, {"#a3", "ClusterDecision"},
                                                     {"#a4", "TerminatedClusters"}, {"#events", "Events"}}));
  CHECK(running["ExpressionAttributeValues"][":v2"] == json({{"S.$", "$.cluster.ClusterId"}}));
  CHECK(running["ExpressionAttributeValues"][":v3"] == json({{"S.$", "$.decision.outcome"}}));
  CHECK(running["ExpressionAttributeValues"][":v4"] == json({{"L.$", "$.decision.terminated"}}));
  CHECK(running["ExpressionAttributeValues"][":event"] == event);
  const auto& wait = s["RecordWait"]["Parameters"];
  CHECK(wait["UpdateExpression"] == "SET #inc = if_not_exists(#inc, :zero) + :one, #events = list_append(if_not_exists(#events, :no_events), :event)");
  CHECK(wait["ExpressionAttributeNames"]["#inc"] == "Waits");
  CHECK(wait["ExpressionAttributeValues"][":event"] == event);
  CHECK(s["RecordSucceeded"]["Parameters"]["ExpressionAttributeValues"][":v0"] == json({{"S", "SUCCEEDED"}}));
  const auto& failed = s["RecordFailed"]["Parameters"];
  CHECK(failed["ExpressionAttributeNames"] == json({{"#a0", "Status"}, {"#a1", "Error"}, {"#a2", "ErrorCode"}}));
  CHECK(failed["ExpressionAttributeValues"] ==
        json::parse(R"({":v0": {"S": "FAILED"}, ":v1": {"S.$": "$.error.Cause"}, ":v2": {"S.$": "$.error.Error"}})"));
  CHECK(s["RecordFailed"]["Next"] == "Failed");
  for (const char* state : {"RecordStarted", "ListClusters", "ListNextPage", "TerminateExtraClusters", "RecordWait", "CreateCluster",
                            "RecordRunning", "RunStep", "RecordSucceeded"}) {
    CAPTURE(state);
    CHECK(s[state]["Catch"] == json::parse(R"([{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "RecordFailed"}])"));
  }
}

TEST_CASE("the step's arguments take the run's object, read at run time") {
  emr_test::Env env;
  auto& cluster = env.cluster(env.props());
  auto& runs = env.stack.add<aws::dynamodb::Table>("Runs", {.partition_key = {"Correlation_Id"}, .time_to_live_attribute = "TimeToExist"});
  auto& flow = env.stack.add<EnsureClusterRunStep>(
      "Ingest", {.cluster = &cluster,
                 .step = Step::spark("ingest", {.application = "s3://code/ingest.py",
                                                .args = {EnsureClusterRunStep::object_uri(), "--key=" + EnsureClusterRunStep::object_key(),
                                                         Str("s3://") + env.data.bucket_name() + "/out/"}}),
                 .run_log = &runs,
                 .data_product = "sales"});
  flow.run_on_upload(env.data, {"in/"});
  CHECK(validate(env.app).format() == "");
  const auto step = states_of(flow)["RunStep"]["Parameters"]["Step"]["HadoopJarStep"];
  CHECK_FALSE(step.contains("Args"));
  CHECK(step["Args.$"] ==
        "States.Array('spark-submit', '--deploy-mode', 'cluster', 's3://code/ingest.py', States.Format('s3://{}/{}', $.object.bucket, "
        "$.object.key), States.Format('--key={}', $.object.key), 's3://${App/S/Data.Name}/out/')");
}

TEST_CASE("the run's object is an error where no run gives it: scheduled runs, and resources") {
  emr_test::Env env;
  auto& cluster = env.cluster(env.props());
  auto& runs = env.stack.add<aws::dynamodb::Table>("Runs", {.partition_key = {"Correlation_Id"}, .time_to_live_attribute = "TimeToExist"});
  auto& flow = env.stack.add<EnsureClusterRunStep>(
      "Ingest", {.cluster = &cluster,
                 .step = Step::spark("ingest", {.application = "s3://code/ingest.py", .args = {EnsureClusterRunStep::object_key()}}),
                 .run_log = &runs,
                 .data_product = "sales"});
  flow.run_on_schedule(aws::events::Schedule::rate(1, aws::events::RateUnit::Hours));
  env.stack.add<Output>("Leak", {.value = EnsureClusterRunStep::object_key().value()});
  const auto text = diagnostics_of(env.app);
  CHECK(contains(text, "[App/S/Ingest] the step's arguments name the run's object, but scheduled runs have none"));
  CHECK(contains(text, "[App/S/Leak] reads a workflow run's input ($.object.key), which only a state machine's task knows"));
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

TEST_CASE("the workflow's EMR actions on cluster/* reach only clusters tagged as the model's; IAM.4 is silent") {
  Workflow w;
  const auto r = test::render(w.env.app);
  std::string scoped;
  for (const auto& st : cfn_role_statements(r.cfn, w.flow.state_machine())) {
    if (!contains(st["Resource"].dump(), "cluster/*")) continue;
    CHECK(st["Condition"] == json({{"StringEquals", {{"elasticmapreduce:ResourceTag/drdb:stack", "S"}}}}));
    scoped += st["Action"].dump();
  }
  // The launch's, the step's and the extra clusters' termination.
  for (const char* action : {"DescribeCluster", "TerminateJobFlows", "AddJobFlowSteps", "CancelSteps"}) CHECK(contains(scoped, action));
  CHECK_FALSE(testing::Findings::of(w.env.app).fires("IAM.4", w.flow.state_machine().role().path()));
}

TEST_CASE("IAM.4 fires on a state machine adding steps to a cluster found at run time with no model to scope it to") {
  emr_test::Env env;
  Graph g;
  g.task("Run", tasks::emr_add_step(tasks::ClusterId::from_path("$.ClusterId"), Step::spark("etl", {.application = "s3://code/etl.py"})));
  auto& machine = env.stack.add<StateMachine>("Loose", {.definition = std::move(g)});
  CHECK(testing::Findings::of(env.app).fires("IAM.4", machine.role().path()));

  auto& cluster = env.cluster(env.props());
  Graph scoped;
  scoped.task("Run", tasks::on_clusters_of(cluster, tasks::emr_add_step(tasks::ClusterId::from_path("$.ClusterId"),
                                                                        Step::spark("etl", {.application = "s3://code/etl.py"}))));
  auto& scoped_machine = env.stack.add<StateMachine>("Scoped", {.definition = std::move(scoped)});
  CHECK_FALSE(testing::Findings::of(env.app).fires("IAM.4", scoped_machine.role().path()));
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

TEST_CASE("records kept forever: no expiry state and no TTL attribute written") {
  emr_test::Env env;
  auto& cluster = env.cluster(env.props());
  auto& runs = env.stack.add<aws::dynamodb::Table>("Runs", {.partition_key = {"Correlation_Id"}});
  auto& flow = env.stack.add<EnsureClusterRunStep>("Keep", {.cluster = &cluster, .step = Step::spark("etl", {.application = "s3://c/etl.py"}),
                                                            .run_log = &runs, .data_product = "sales", .record_retention_days = std::nullopt});
  CHECK(validate(env.app).format() == "");
  const auto s = states_of(flow);
  CHECK_FALSE(s.contains("SetRecordExpiry"));
  CHECK(s["InitFromInput"]["Next"] == "RecordStarted");
  CHECK_FALSE(s["RecordStarted"]["Parameters"]["Item"].contains("TimeToExist"));
}

TEST_CASE("an expiry the table does not expire on is an error naming both attributes") {
  emr_test::Env env;
  auto& cluster = env.cluster(env.props());
  auto& runs = env.stack.add<aws::dynamodb::Table>("Runs", {.partition_key = {"Correlation_Id"}, .time_to_live_attribute = "ExpiresAt"});
  auto& plain = env.stack.add<aws::dynamodb::Table>("Plain", {.partition_key = {"Correlation_Id"}});
  const auto step = Step::spark("etl", {.application = "s3://c/etl.py"});
  env.stack.add<EnsureClusterRunStep>("A", {.cluster = &cluster, .step = step, .run_log = &runs, .data_product = "x"});
  env.stack.add<EnsureClusterRunStep>("B", {.cluster = &cluster, .step = step, .run_log = &plain, .data_product = "x", .record_retention_days = 0});
  const auto text = diagnostics_of(env.app);
  CHECK(contains(text, "[App/S/A] the workflow writes each record's expiry to TimeToExist, but the run-log table's TTL attribute is ExpiresAt"));
  CHECK(contains(text, "[App/S/B] the workflow writes each record's expiry to TimeToExist, but the run-log table's TTL attribute is not set"));
  CHECK(contains(text, "[App/S/B] record_retention_days must be positive"));
}

TEST_CASE("triggers: S3 uploads through EventBridge and a schedule start runs with their inputs") {
  Workflow w;
  w.flow.run_on_upload(w.env.data, {"sales/"});
  w.flow.run_on_schedule(aws::events::Schedule::cron({.hours = "2"}));
  CHECK(validate(w.env.app).format() == "");
  const auto r = test::render(w.env.app);
  const auto& upload = r.cfn["Resources"][logical_id(*w.flow.find_child("OnUpload"))]["Properties"];
  CHECK(upload["EventPattern"]["detail-type"] == json({"Object Created"}));
  CHECK(upload["EventPattern"]["detail"]["object"]["key"] == json::parse(R"([{"prefix": "sales/"}])"));
  CHECK(upload["Targets"][0]["InputTransformer"]["InputTemplate"] ==
        R"({"trigger": "upload", "object": {"bucket": <bucket>, "key": <key>}, "event_time": <time>})");
  CHECK(upload["Targets"][0]["Arn"] == json({{"Ref", logical_id(w.flow.state_machine().resource())}}));
  const auto& bucket = r.cfn["Resources"][logical_id(w.env.data)]["Properties"];
  CHECK(bucket["NotificationConfiguration"]["EventBridgeConfiguration"]["EventBridgeEnabled"] == true);
  const auto& nightly = r.cfn["Resources"][logical_id(*w.flow.find_child("OnSchedule"))]["Properties"];
  CHECK(nightly["ScheduleExpression"] == "cron(0 2 * * ? *)");
  CHECK(nightly["Targets"][0]["Input"] == R"({"trigger":"schedule"})");
}
