// The state machine resource in both targets: the definition as JSON text with deploy-time values,
// the role with the statements derived from the graph, logging, tracing and grants.
#include <doctest/doctest.h>

#include "unit/aws/iam/rendered.hpp"
#include "unit/aws/stepfunctions/sfn_fixture.hpp"

using namespace sfn_test;

namespace {

// A run log table, a function, and a graph using both.
struct Pipeline {
  App app;
  Stack& s = app.add<Stack>("S", {.region = "us-east-1"});
  aws::dynamodb::Table& table = s.add<aws::dynamodb::Table>("Runs", {.partition_key = {"Correlation_Id"}});

  StateMachine& machine(StateMachine::Props props = {}) {
    Graph g;
    auto& record = g.task("Record", tasks::dynamodb_put_item(table, {{"Correlation_Id", tasks::attr_s(Field::path("$$.Execution.Name"))}}),
                          {.result_path = ReferencePath::discard()});
    record.next(g.succeed("Done"));
    props.definition = std::move(g);
    return s.add<StateMachine>("Workflow", std::move(props));
  }
};

}  // namespace

TEST_CASE("CloudFormation: DefinitionString with Fn::Sub, the role's ARN, STANDARD, ERROR logs to a created log group") {
  Pipeline p;
  auto& m = p.machine({.comment = "records a run", .timeout_seconds = 3600});
  const auto r = test::render(p.app);
  const auto id = logical_id(m.resource());
  const auto& resource = r.cfn["Resources"][id];
  CHECK(resource["Type"] == "AWS::StepFunctions::StateMachine");
  const auto& props = resource["Properties"];
  CHECK(props["StateMachineType"] == "STANDARD");
  CHECK(props["RoleArn"] == json({{"Fn::GetAtt", {logical_id(m.role()), "Arn"}}}));
  CHECK_FALSE(props.contains("Definition"));
  const auto definition = cfn_definition(resource);
  CHECK(definition["Comment"] == "records a run");
  CHECK(definition["TimeoutSeconds"] == 3600);
  CHECK(definition["StartAt"] == "Record");
  CHECK(definition["States"]["Record"]["Resource"] == "arn:${AWS::Partition}:states:::dynamodb:putItem");
  CHECK(definition["States"]["Record"]["Parameters"]["TableName"] == "${Runs}");
  CHECK(definition["States"]["Record"]["Parameters"]["Item"]["Correlation_Id"]["S.$"] == "$$.Execution.Name");
  CHECK(definition["States"]["Record"]["ResultPath"].is_null());
  // Only direct references: Fn::Sub needs no variable map (which the local mock mishandles with "$$").
  CHECK(props["DefinitionString"]["Fn::Sub"].is_string());

  REQUIRE(m.log_group() != nullptr);
  const auto log_group = logical_id(*m.log_group());
  CHECK(r.cfn["Resources"][log_group]["Type"] == "AWS::Logs::LogGroup");
  CHECK(props["LoggingConfiguration"]["Level"] == "ERROR");
  CHECK(props["LoggingConfiguration"]["IncludeExecutionData"] == false);
  CHECK(props["LoggingConfiguration"]["Destinations"][0]["CloudWatchLogsLogGroup"]["LogGroupArn"] ==
        json({{"Fn::Join", {"", {"arn:", {{"Ref", "AWS::Partition"}}, ":logs:", {{"Ref", "AWS::Region"}}, ":", {{"Ref", "AWS::AccountId"}},
                                 ":log-group:", {{"Ref", log_group}}, ":*"}}}}));
  CHECK_FALSE(props.contains("TracingConfiguration"));
}

TEST_CASE("the role: trusted by Step Functions of this account, exactly the graph's statements plus log delivery") {
  Pipeline p;
  auto& m = p.machine();
  const auto r = test::render(p.app);
  const auto& role = r.cfn["Resources"][logical_id(m.role())]["Properties"];
  CHECK(role["AssumeRolePolicyDocument"]["Statement"][0]["Principal"] == json({{"Service", "states.amazonaws.com"}}));
  CHECK(role["AssumeRolePolicyDocument"]["Statement"][0]["Condition"] ==
        json::parse(R"({"StringEquals": {"aws:SourceAccount": {"Ref": "AWS::AccountId"}}})"));
  const auto statements = cfn_role_statements(r.cfn, m);
  REQUIRE(statements.size() == 2);
  CHECK(statements[0] == json::parse(R"({"Action": "dynamodb:PutItem", "Effect": "Allow", "Resource": {"Fn::GetAtt": ["Runs", "Arn"]}})"));
  CHECK(statements[1]["Action"] == json({"logs:CreateLogDelivery", "logs:DeleteLogDelivery", "logs:DescribeLogGroups",
                                         "logs:DescribeResourcePolicies", "logs:GetLogDelivery", "logs:ListLogDeliveries",
                                         "logs:PutResourcePolicy", "logs:UpdateLogDelivery"}));
  for (const auto& s : statements)
    for (const auto& action : s["Action"].is_array() ? s["Action"] : json::array({s["Action"]}))
      CHECK(action.get<std::string>().find('*') == std::string::npos);
}

TEST_CASE("Terraform: the definition as JSON text with interpolations; the machine waits for the role's policy") {
  Pipeline p;
  auto& m = p.machine({.logging = Logging{.level = LogLevel::All, .include_execution_data = true}, .tracing = true});
  const auto r = test::render(p.app);
  const auto id = logical_id(m.resource());
  const auto& body = r.body("aws_sfn_state_machine", id);
  const auto definition = json::parse(body["definition"].get<std::string>());
  CHECK(definition["States"]["Record"]["Resource"] == "arn:${data.aws_partition.current.partition}:states:::dynamodb:putItem");
  CHECK(definition["States"]["Record"]["Parameters"]["TableName"] == "${aws_dynamodb_table.Runs.name}");
  CHECK(body["role_arn"] == "${aws_iam_role." + logical_id(m.role()) + ".arn}");
  CHECK(body["type"] == "STANDARD");
  CHECK(body["logging_configuration"][0]["level"] == "ALL");
  CHECK(body["logging_configuration"][0]["include_execution_data"] == true);
  CHECK(body["logging_configuration"][0]["log_destination"].get<std::string>().ends_with(":log-group:${aws_cloudwatch_log_group." +
                                                                                        logical_id(*m.log_group()) + ".name}:*"));
  CHECK(body["tracing_configuration"][0]["enabled"] == true);
  REQUIRE(body.contains("depends_on"));
  CHECK(body["depends_on"].size() == 1);
  CHECK(body["depends_on"][0].get<std::string>().starts_with("aws_iam_role_policy."));
  const auto policy = json::parse(r.tf["resource"]["aws_iam_role_policy"].begin().value()["policy"].get<std::string>());
  // PutItem on the table; log delivery and X-Ray merged into one statement on "*" (same resource).
  REQUIRE(policy["Statement"].size() == 2);
  const auto& unscoped = policy["Statement"][1];
  CHECK(unscoped["Resource"] == "*");
  CHECK(unscoped["Action"].size() == 12);
  CHECK(unscoped["Action"].back() == "xray:PutTraceSegments");
}

TEST_CASE("a given role and log group, no logging, EXPRESS, a name; grant_start_execution") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& role = s.add<aws::iam::Role>("Runner", {.assumed_by = {aws::iam::Principal::service("states.amazonaws.com")}});
  auto& logs = s.add<aws::logs::LogGroup>("Logs");
  auto& caller = test::ec2_role(s, "Caller");
  Graph g;
  g.task("Notify", tasks::sns_publish("arn:aws:sns:us-east-1:123456789012:runs"));
  auto& m = s.add<StateMachine>("Express", {.definition = std::move(g),
                                            .type = StateMachineType::Express,
                                            .state_machine_name = "notify-runs",
                                            .role = &role,
                                            .logging = Logging{.destination = &logs}});
  m.grant_start_execution(caller);
  Graph quiet;
  quiet.pass("Nothing");
  s.add<StateMachine>("Quiet", {.definition = std::move(quiet), .logging = std::nullopt});
  CHECK(&m.role() == &role);
  CHECK(m.log_group() == &logs);
  const auto r = test::render(app);
  const auto& props = r.props(logical_id(m.resource()));
  CHECK(props["StateMachineType"] == "EXPRESS");
  CHECK(props["StateMachineName"] == "notify-runs");
  CHECK(props["RoleArn"] == json({{"Fn::GetAtt", {"Runner", "Arn"}}}));
  const auto& runner = r.props("Runner")["Policies"][0]["PolicyDocument"]["Statement"];
  REQUIRE(runner.size() == 2);  // log delivery to the given group, and the graph's one call
  CHECK(runner[1] == json({{"Action", "sns:Publish"}, {"Effect", "Allow"}, {"Resource", "arn:aws:sns:us-east-1:123456789012:runs"}}));
  CHECK(r.props("Caller")["Policies"][0]["PolicyDocument"]["Statement"][0] ==
        json({{"Action", "states:StartExecution"}, {"Effect", "Allow"}, {"Resource", {{"Ref", logical_id(m.resource())}}}}));
  // Without logging: no log group, no LoggingConfiguration, no log delivery statements.
  int log_groups = 0;
  for (const auto& [id, resource] : r.cfn["Resources"].items()) log_groups += resource["Type"] == "AWS::Logs::LogGroup";
  CHECK(log_groups == 1);
  const auto& quiet_machine = dynamic_cast<const StateMachine&>(*s.find_child("Quiet"));
  CHECK_FALSE(r.props(logical_id(quiet_machine.resource())).contains("LoggingConfiguration"));
  CHECK_FALSE(r.props(logical_id(quiet_machine.role())).contains("Policies"));
}

TEST_CASE("rendering is deterministic") {
  Pipeline a;
  a.machine();
  Pipeline b;
  b.machine();
  const auto da = synthesize(a.app);
  const auto db = synthesize(b.app);
  REQUIRE(da.size() == db.size());
  for (std::size_t i = 0; i < da.size(); ++i) CHECK(da[i].content == db[i].content);
}
