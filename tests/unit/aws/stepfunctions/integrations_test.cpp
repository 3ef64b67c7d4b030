// Service integrations: the resource each calls, its parameters, and exactly the IAM statements the
// state machine's role needs for it (no wildcard action anywhere).
#include <doctest/doctest.h>

#include "unit/aws/stepfunctions/sfn_fixture.hpp"

using namespace sfn_test;
using aws::emr::Step;
using aws::iam::Statement;

namespace {

std::string resource_of(const ServiceCall& c) { return text_of(c.resource); }
json parameters_of(const ServiceCall& c) {
  Diagnostics d;
  return to_json(c.parameters(d, "test"));
}
json statement_json(const Statement& s) { return to_json(s.to_value()); }

const std::string cluster_any = "arn:${pseudo:2}:elasticmapreduce:${pseudo:0}:${pseudo:1}:cluster/*";
std::string rule_arn(const std::string& rule) { return "arn:${pseudo:2}:events:${pseudo:0}:${pseudo:1}:rule/" + rule; }

}  // namespace

TEST_CASE("createCluster.sync: the cluster model's RunJobFlow parameters; RunJobFlow, PassRole on its roles, the managed rule") {
  emr_test::Env env;
  auto& cluster = env.cluster(env.props());
  const auto call = tasks::emr_create_cluster(cluster);
  CHECK(resource_of(call) == "arn:${pseudo:2}:states:::elasticmapreduce:createCluster.sync");
  CHECK(call.pattern == IntegrationPattern::RunJob);
  const auto params = parameters_of(call);
  CHECK(params == emr_test::run_job_flow(cluster));
  CHECK(params["Instances"]["KeepJobFlowAliveWhenNoSteps"] == true);
  REQUIRE(call.statements.size() == 4);
  CHECK(statement_json(call.statements[0]) == json::parse(R"({"Action": "elasticmapreduce:RunJobFlow", "Effect": "Allow", "Resource": "*",
                                                                "Condition": {"StringEquals": {"aws:RequestTag/drdb:stack": "S"}}})"));
  CHECK(statement_json(call.statements[1]) ==
        json({{"Action", {"elasticmapreduce:DescribeCluster", "elasticmapreduce:TerminateJobFlows"}}, {"Effect", "Allow"}, {"Resource", cluster_any},
              {"Condition", {{"StringEquals", {{"elasticmapreduce:ResourceTag/drdb:stack", "S"}}}}}}));
  CHECK(statement_json(call.statements[2])["Action"] == "iam:PassRole");
  CHECK(statement_json(call.statements[2])["Resource"] ==
        json({"${" + cluster.job_flow_role().path() + ".Arn}", "${" + cluster.service_role().path() + ".Arn}"}));
  CHECK(statement_json(call.statements[3]) ==
        json({{"Action", {"events:DescribeRule", "events:PutRule", "events:PutTargets"}}, {"Effect", "Allow"},
              {"Resource", rule_arn("StepFunctionsGetEventForEMRRunJobFlowRule")}}));

  const auto plain = tasks::emr_create_cluster(cluster, IntegrationPattern::RequestResponse);
  CHECK(resource_of(plain) == "arn:${pseudo:2}:states:::elasticmapreduce:createCluster");
  CHECK(plain.statements.size() == 3);  // no managed rule without .sync
}

TEST_CASE("createCluster refuses a model that would terminate without steps, or carries steps") {
  emr_test::Env env;
  auto p = env.props();
  p.keep_alive_when_no_steps = false;
  p.steps = {Step::spark("etl", {.application = "s3://code/etl.py"})};
  auto& cluster = env.cluster(std::move(p));
  Graph g;
  g.task("Create", tasks::emr_create_cluster(cluster));
  env.stack.add<StateMachine>("Workflow", {.definition = std::move(g)});
  const auto text = diagnostics_of(env.app);
  CHECK(contains(text, "[App/S/Workflow] createCluster needs a cluster that stays up without steps, but App/S/Etl has keep_alive_when_no_steps = false"));
  CHECK(contains(text, "createCluster does not accept steps, but App/S/Etl has 1 — add steps with tasks::emr_add_step instead"));
}

TEST_CASE("addStep: the Spark step, the cluster from the input or fixed, scoped statements") {
  const auto step = Step::spark("etl", {.application = "s3://code/etl.py", .args = {"--date", "2026-01-01"}});
  const auto sync = tasks::emr_add_step(tasks::ClusterId::from_path("$.cluster.ClusterId"), step);
  CHECK(resource_of(sync) == "arn:${pseudo:2}:states:::elasticmapreduce:addStep.sync");
  CHECK(parameters_of(sync) == json({{"ClusterId.$", "$.cluster.ClusterId"}, {"Step", to_json(step.api_value())}}));
  REQUIRE(sync.statements.size() == 2);
  CHECK(statement_json(sync.statements[0]) ==
        json({{"Action", {"elasticmapreduce:AddJobFlowSteps", "elasticmapreduce:CancelSteps", "elasticmapreduce:DescribeStep"}},
              {"Effect", "Allow"}, {"Resource", cluster_any}}));
  CHECK(statement_json(sync.statements[1])["Resource"] == rule_arn("StepFunctionsGetEventForEMRAddJobFlowStepsRule"));

  const auto fixed = tasks::emr_add_step("j-ABC123", step, IntegrationPattern::RequestResponse);
  CHECK(resource_of(fixed) == "arn:${pseudo:2}:states:::elasticmapreduce:addStep");
  CHECK(parameters_of(fixed)["ClusterId"] == "j-ABC123");
  REQUIRE(fixed.statements.size() == 1);
  CHECK(statement_json(fixed.statements[0]) ==
        json({{"Action", "elasticmapreduce:AddJobFlowSteps"}, {"Effect", "Allow"},
              {"Resource", "arn:${pseudo:2}:elasticmapreduce:${pseudo:0}:${pseudo:1}:cluster/j-ABC123"}}));
}

TEST_CASE("terminateCluster, termination protection, listClusters with paging, describeCluster") {
  const auto terminate = tasks::emr_terminate_cluster(tasks::ClusterId::from_path("$.ClusterId"));
  CHECK(resource_of(terminate) == "arn:${pseudo:2}:states:::elasticmapreduce:terminateCluster");
  CHECK(actions_of(terminate.statements) == std::vector<std::string>{"elasticmapreduce:TerminateJobFlows"});
  const auto terminate_sync = tasks::emr_terminate_cluster(tasks::ClusterId::from_path("$.ClusterId"), IntegrationPattern::RunJob);
  CHECK(resource_of(terminate_sync) == "arn:${pseudo:2}:states:::elasticmapreduce:terminateCluster.sync");
  CHECK(statement_json(terminate_sync.statements[1])["Resource"] == rule_arn("StepFunctionsGetEventForEMRTerminateJobFlowsRule"));

  const auto protect = tasks::emr_set_termination_protection(tasks::ClusterId::from_path("$.ClusterId"), false);
  CHECK(resource_of(protect) == "arn:${pseudo:2}:states:::elasticmapreduce:setClusterTerminationProtection");
  CHECK(parameters_of(protect) == json({{"ClusterId.$", "$.ClusterId"}, {"TerminationProtected", false}}));
  CHECK(actions_of(protect.statements) == std::vector<std::string>{"elasticmapreduce:SetTerminationProtection"});

  const auto list = tasks::emr_list_clusters({.states = {"WAITING"}, .marker_path = "$.page.Marker"});
  CHECK(resource_of(list) == "arn:${pseudo:2}:states:::aws-sdk:emr:listClusters");
  CHECK(parameters_of(list) == json({{"ClusterStates", {"WAITING"}}, {"Marker.$", "$.page.Marker"}}));
  CHECK(statement_json(list.statements[0]) == json::parse(R"({"Action": "elasticmapreduce:ListClusters", "Effect": "Allow", "Resource": "*"})"));

  const auto describe = tasks::emr_describe_cluster(tasks::ClusterId::from_path("$.ClusterId"));
  CHECK(resource_of(describe) == "arn:${pseudo:2}:states:::aws-sdk:emr:describeCluster");
  CHECK(statement_json(describe.statements[0]) ==
        json({{"Action", "elasticmapreduce:DescribeCluster"}, {"Effect", "Allow"}, {"Resource", cluster_any}}));
}

TEST_CASE("DynamoDB putItem, updateItem, getItem: one action each, on the one table") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& table = s.add<aws::dynamodb::Table>("Runs", {.partition_key = {"Correlation_Id", aws::dynamodb::AttributeType::String}});
  const auto put = tasks::dynamodb_put_item(table, {{"Correlation_Id", tasks::attr_s(Field::path("$.id"))}, {"Attempt", tasks::attr_n("1")}});
  CHECK(resource_of(put) == "arn:${pseudo:2}:states:::dynamodb:putItem");
  CHECK(parameters_of(put) == json::parse(R"({"TableName": "${App/S/Runs.Name}",
    "Item": {"Correlation_Id": {"S.$": "$.id"}, "Attempt": {"N": "1"}}})"));
  CHECK(statement_json(put.statements[0]) == json({{"Action", "dynamodb:PutItem"}, {"Effect", "Allow"}, {"Resource", "${App/S/Runs.Arn}"}}));

  const auto update = tasks::dynamodb_update_item(table, {.key = {{"Correlation_Id", tasks::attr_s(Field::path("$.id"))}},
                                                          .update_expression = "SET #s = :s",
                                                          .expression_attribute_names = {{"#s", "Status"}},
                                                          .expression_attribute_values = {{":s", tasks::attr_s("DONE")}}});
  CHECK(resource_of(update) == "arn:${pseudo:2}:states:::dynamodb:updateItem");
  CHECK(parameters_of(update)["ExpressionAttributeValues"] == json::parse(R"({":s": {"S": "DONE"}})"));
  CHECK(actions_of(update.statements) == std::vector<std::string>{"dynamodb:UpdateItem"});

  const auto get = tasks::dynamodb_get_item(tasks::TableRef("runs", "arn:aws:dynamodb:us-east-1:123456789012:table/runs"),
                                            {{"Correlation_Id", tasks::attr_s("x")}}, true);
  CHECK(parameters_of(get) == json::parse(R"({"TableName": "runs", "Key": {"Correlation_Id": {"S": "x"}}, "ConsistentRead": true})"));
  CHECK(statement_json(get.statements[0])["Resource"] == "arn:aws:dynamodb:us-east-1:123456789012:table/runs");
}

TEST_CASE("Lambda invoke and SNS publish: the function or topic, and only that") {
  const auto invoke = tasks::lambda_invoke(Str("arn:aws:lambda:us-east-1:123456789012:function:relaunch"));
  CHECK(resource_of(invoke) == "arn:${pseudo:2}:states:::lambda:invoke");
  CHECK(parameters_of(invoke) == json::parse(R"({"FunctionName": "arn:aws:lambda:us-east-1:123456789012:function:relaunch", "Payload.$": "$"})"));
  CHECK(statement_json(invoke.statements[0]) ==
        json({{"Action", "lambda:InvokeFunction"}, {"Effect", "Allow"}, {"Resource", "arn:aws:lambda:us-east-1:123456789012:function:relaunch"}}));
  const auto token = tasks::lambda_invoke(Str("arn:aws:lambda:us-east-1:123456789012:function:f"),
                                          {.payload = Payload{{"token", Field::path("$$.Task.Token")}},
                                           .pattern = IntegrationPattern::WaitForTaskToken});
  CHECK(resource_of(token) == "arn:${pseudo:2}:states:::lambda:invoke.waitForTaskToken");
  CHECK(parameters_of(token)["Payload"] == json({{"token.$", "$$.Task.Token"}}));

  const auto publish = tasks::sns_publish("arn:aws:sns:us-east-1:123456789012:runs", {.subject = "run failed"});
  CHECK(resource_of(publish) == "arn:${pseudo:2}:states:::sns:publish");
  CHECK(parameters_of(publish) == json::parse(R"({"TopicArn": "arn:aws:sns:us-east-1:123456789012:runs", "Message.$": "$", "Subject": "run failed"})"));
  CHECK(actions_of(publish.statements) == std::vector<std::string>{"sns:Publish"});
}
