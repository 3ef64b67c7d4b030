// Lambda functions: rendering to both targets, the derived execution role, the log group, code
// sources, VPC placement, dead-letter targets, permissions, and every validation error.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "unit/aws/iam/rendered.hpp"

using namespace drdb;
using namespace drdb::aws::lambda;
using drdb::test::contains;
using nlohmann::json;

namespace {

Function& python_fn(Construct& scope, std::string id, Function::Props props = {}) {
  if (!props.runtime) props.runtime = Runtime::Python313;
  if (props.handler.empty()) props.handler = "index.handler";
  if (props.code.kind() == Code::Kind::None) props.code = Code::from_inline("def handler(event, context):\n    return event\n");
  return scope.add<Function>(std::move(id), std::move(props));
}

json role_statements(const test::Rendered& r, const std::string& role_id) {
  return r.props(role_id)["Policies"][0]["PolicyDocument"]["Statement"];
}

}  // namespace

TEST_CASE("a function renders with its role, a log group with a finite retention, and no broad logging policy") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& fn = python_fn(s, "Relauncher", {.function_name = "relauncher", .memory_size = 256, .timeout = 60,
                                         .environment = {{"TABLE_NAME", "runs"}}});
  s.add<Output>("FnArn", {.value = fn.function_arn().value()});
  const auto r = test::render(app);
  const auto role_id = logical_id(fn.role());
  const auto group_id = logical_id(fn.log_group());
  const auto& p = r.props("Relauncher");
  CHECK(p["Runtime"] == "python3.13");
  CHECK(p["Handler"] == "index.handler");
  CHECK(p["FunctionName"] == "relauncher");
  CHECK(p["MemorySize"] == 256);
  CHECK(p["Timeout"] == 60);
  CHECK(p["Architectures"] == json({"x86_64"}));
  CHECK(p["Code"]["ZipFile"] == "def handler(event, context):\n    return event\n");
  CHECK(p["Role"] == json::parse(R"({"Fn::GetAtt": [")" + role_id + R"(", "Arn"]})"));
  CHECK(p["Environment"] == json::parse(R"({"Variables": {"TABLE_NAME": "runs"}})"));
  CHECK(p["LoggingConfig"] == json::parse(R"({"LogFormat": "Text", "LogGroup": {"Ref": ")" + group_id + R"("}})"));
  CHECK_FALSE(r.cfn["Resources"]["Relauncher"].contains("DependsOn"));  // the role ARN orders it
  CHECK(r.props(group_id) == json::parse(R"({"LogGroupName": "/aws/lambda/relauncher", "RetentionInDays": 365})"));
  CHECK(r.cfn["Resources"][group_id]["DeletionPolicy"] == "Retain");
  CHECK(r.props(role_id)["AssumeRolePolicyDocument"]["Statement"][0]["Principal"] == json::parse(R"({"Service": "lambda.amazonaws.com"})"));
  CHECK_FALSE(r.props(role_id).contains("ManagedPolicyArns"));
  const auto statements = role_statements(r, role_id);
  REQUIRE(statements.size() == 1);
  CHECK(statements[0]["Action"] == json({"logs:CreateLogStream", "logs:PutLogEvents"}));
  CHECK(statements[0]["Resource"]["Fn::Join"][1].back() == ":*");
  CHECK(r.cfn["Outputs"]["FnArn"]["Value"] == json::parse(R"({"Fn::GetAtt": ["Relauncher", "Arn"]})"));
  CHECK_FALSE(r.cfn.contains("Parameters"));  // inline code needs no asset bucket

  // Terraform: the inline source is packaged as index.py beside the module.
  const auto& body = r.body("aws_lambda_function", "Relauncher");
  CHECK(body["function_name"] == "relauncher");
  CHECK(body["runtime"] == "python3.13");
  CHECK(body["memory_size"] == 256);
  CHECK(body["environment"] == json::parse(R"([{"variables": {"TABLE_NAME": "runs"}}])"));
  const auto inline_asset = fn.assets(Target::Terraform).at(0);
  CHECK(body["filename"] == "../../" + inline_asset->relative_path());
  CHECK(body["source_code_hash"] == inline_asset->sha256_base64());
  CHECK(body["logging_config"][0]["log_group"] == "${aws_cloudwatch_log_group." + group_id + ".name}");
  CHECK(r.body("aws_cloudwatch_log_group", group_id)["retention_in_days"] == 365);
  CHECK(fn.assets(Target::CloudFormation).empty());
}

TEST_CASE("without a name, CloudFormation generates one and Terraform derives a stable one") {
  App app;
  auto& s = app.add<Stack>("Pipeline");
  auto& fn = python_fn(s, "Handler");
  const auto r = test::render(app, "Pipeline");
  CHECK_FALSE(r.props("Handler").contains("FunctionName"));
  CHECK_FALSE(r.props(logical_id(fn.log_group())).contains("LogGroupName"));
  CHECK(r.body("aws_lambda_function", "Handler")["function_name"] == "Pipeline-Handler");
  auto& deep = s.add<Construct>(std::string(40, 'A')).add<Construct>(std::string(40, 'B'));
  auto& long_fn = python_fn(deep, "Fn");
  const auto r2 = test::render(app, "Pipeline");
  const std::string name = r2.body("aws_lambda_function", logical_id(long_fn))["function_name"];
  CHECK(name.size() == 64);
}

TEST_CASE("code from S3 and from a local asset; the asset bucket is one stack parameter") {
  const auto dir = std::filesystem::temp_directory_path() / "drdb-lambda-code-test";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "app.py") << "def handler(e, c):\n    return 1\n";
  App app;
  auto& s = app.add<Stack>("S");
  python_fn(s, "FromS3", {.handler = "app.handler", .code = Code::from_s3("code-bucket", "fn.zip", Str("v1"))});
  auto& a = python_fn(s, "A", {.handler = "app.handler", .code = Code::from_asset(dir)});
  python_fn(s, "B", {.handler = "app.handler", .code = Code::from_asset(dir)});
  const auto r = test::render(app);
  CHECK(r.props("FromS3")["Code"] == json::parse(R"({"S3Bucket": "code-bucket", "S3Key": "fn.zip", "S3ObjectVersion": "v1"})"));
  CHECK(r.body("aws_lambda_function", "FromS3")["s3_bucket"] == "code-bucket");
  const auto& asset = a.props().code.asset();
  CHECK(r.props("A")["Code"] == json({{"S3Bucket", {{"Ref", "AssetsBucket"}}}, {"S3Key", asset->relative_path()}}));
  CHECK(r.cfn["Parameters"]["AssetsBucket"]["Type"] == "String");
  CHECK(r.cfn["Parameters"].size() == 1);
  CHECK(r.body("aws_lambda_function", "B")["filename"] == "../../" + asset->relative_path());
  CHECK(r.body("aws_lambda_function", "B")["source_code_hash"] == asset->sha256_base64());
  std::filesystem::remove_all(dir);
}

TEST_CASE("VPC placement, dead-letter queue, reserved concurrency, log key and grants derive the role's statements") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& vpc = s.add<aws::ec2::Vpc>("Network", {.cidr = "10.20.0.0/16", .max_azs = 2,
                                               .subnet_groups = {{.name = "Data", .type = aws::ec2::SubnetType::Isolated, .mask = 24}},
                                               .nat_gateways = aws::ec2::NatGateways::None});
  auto& sg = s.add<aws::ec2::SecurityGroup>("FnSg", {.description = "function", .vpc = &vpc});
  auto& key = s.add<aws::kms::Key>("LogKey");
  aws::logs::allow_log_encryption(key);
  auto& fn = python_fn(s, "Fn", {.vpc = VpcPlacement{.vpc = &vpc, .subnets = aws::ec2::SubnetType::Isolated, .security_groups = {&sg}},
                                 .reserved_concurrency = 5,
                                 .dead_letter = DeadLetterTarget::sqs_queue("arn:aws:sqs:eu-west-1:123456789012:dlq"),
                                 .log_key = &key});
  auto& caller = test::ec2_role(s, "Caller");
  fn.grant_invoke(caller);
  const auto r = test::render(app);
  const auto& p = r.props("Fn");
  CHECK(p["VpcConfig"]["SubnetIds"].size() == 2);
  CHECK(p["VpcConfig"]["SecurityGroupIds"] == json::parse(R"([{"Fn::GetAtt": ["FnSg", "GroupId"]}])"));
  CHECK(p["ReservedConcurrentExecutions"] == 5);
  CHECK(p["DeadLetterConfig"]["TargetArn"] == "arn:aws:sqs:eu-west-1:123456789012:dlq");
  CHECK(r.props(logical_id(fn.log_group()))["KmsKeyId"] == json::parse(R"({"Fn::GetAtt": ["LogKey", "Arn"]})"));
  const auto statements = role_statements(r, logical_id(fn.role()));
  std::vector<json> actions;
  for (const auto& st : statements) actions.push_back(st["Action"]);
  CHECK(std::find(actions.begin(), actions.end(), json("sqs:SendMessage")) != actions.end());
  CHECK(std::find(actions.begin(), actions.end(), json({"ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets"})) != actions.end());
  CHECK(std::find(actions.begin(), actions.end(),
                  json({"ec2:AssignPrivateIpAddresses", "ec2:DeleteNetworkInterface", "ec2:UnassignPrivateIpAddresses"})) != actions.end());
  for (const auto& st : statements) {
    CHECK_FALSE(contains(st["Action"].dump(), "*\""));  // no wildcard action
    if (st["Action"] == "ec2:CreateNetworkInterface") CHECK(st["Resource"].size() == 4);  // interfaces, 2 subnets, 1 group
  }
  CHECK(role_statements(r, "Caller")[0] == json::parse(R"({"Action": "lambda:InvokeFunction", "Effect": "Allow", "Resource": {"Fn::GetAtt": ["Fn", "Arn"]}})"));
  const auto& body = r.body("aws_lambda_function", "Fn");
  CHECK(body["vpc_config"][0]["security_group_ids"] == json({"${aws_security_group.FnSg.id}"}));
  CHECK(body["dead_letter_config"][0]["target_arn"] == "arn:aws:sqs:eu-west-1:123456789012:dlq");
  CHECK(body["reserved_concurrent_executions"] == 5);
}

TEST_CASE("a given role is used as is and receives the function's statements") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& role = s.add<aws::iam::Role>("Shared", {.assumed_by = {aws::iam::Principal::service("lambda.amazonaws.com")}});
  auto& fn = python_fn(s, "Fn", {.role = &role});
  CHECK(&fn.role() == &role);
  CHECK(fn.find_child("ServiceRole") == nullptr);
  const auto r = test::render(app);
  CHECK(role_statements(r, "Shared")[0]["Action"] == json({"logs:CreateLogStream", "logs:PutLogEvents"}));
}

TEST_CASE("allow_invocation creates a scoped Permission in both targets") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& fn = python_fn(s, "Fn");
  auto& bucket = s.add<aws::s3::Bucket>("Data");
  auto& perm = fn.allow_invocation("S3Invoke", "s3.amazonaws.com", bucket.arn(), pseudo::account_id());
  const auto r = test::render(app);
  CHECK(r.props(logical_id(perm)) == json::parse(R"({"Action": "lambda:InvokeFunction",
    "FunctionName": {"Fn::GetAtt": ["Fn", "Arn"]}, "Principal": "s3.amazonaws.com",
    "SourceAccount": {"Ref": "AWS::AccountId"}, "SourceArn": {"Fn::GetAtt": ["Data", "Arn"]}})"));
  const auto& body = r.body("aws_lambda_permission", logical_id(perm));
  CHECK(body["principal"] == "s3.amazonaws.com");
  CHECK(body["statement_id"] == "S3Invoke");
  CHECK(body["source_arn"] == "${aws_s3_bucket.Data.arn}");
}

TEST_CASE("runtimes: identifiers, deprecation, successors") {
  CHECK(to_string(Runtime::Python313) == "python3.13");
  CHECK(to_string(Runtime::Nodejs22x) == "nodejs22.x");
  CHECK(to_string(Runtime::ProvidedAl2023) == "provided.al2023");
  CHECK(runtime_from_string("java21") == Runtime::Java21);
  CHECK_FALSE(runtime_from_string("python2.7").has_value());
  CHECK(is_deprecated(Runtime::Python39));
  CHECK(is_deprecated(Runtime::Nodejs18x));
  CHECK_FALSE(is_deprecated(Runtime::Python313));
  CHECK(successor(Runtime::Python39) == Runtime::Python313);
  CHECK_FALSE(is_deprecated(successor(Runtime::Go1x)));
  CHECK(supports_inline_code(Runtime::Nodejs22x));
  CHECK_FALSE(supports_inline_code(Runtime::Java21));
  // Every enumerator is in the table: its identifier reads back to it.
  for (int i = 0; i <= static_cast<int>(Runtime::ProvidedAl2); ++i) {
    const auto rt = static_cast<Runtime>(i);
    CHECK(runtime_from_string(to_string(rt)) == rt);
  }
}

TEST_CASE("invalid functions: every problem named with the path and a fix") {
  App app;
  auto& s = app.add<Stack>("S");
  s.add<Function>("Empty", {});
  python_fn(s, "Sizes", {.function_name = "bad name!", .memory_size = 64, .timeout = 901, .reserved_concurrency = -1});
  python_fn(s, "Env", {.environment = {{"AWS_REGION", "x"}, {"1BAD", "x"}, {"A", "x"}, {"DB_PASSWORD", "hunter2"},
                                       {"BIG", std::string(5000, 'x')}}});
  python_fn(s, "TooLarge", {.code = Code::from_inline(std::string(4097, 'x'))});
  python_fn(s, "InlineJava", {.runtime = Runtime::Java21, .handler = "app.Handler::handle"});
  python_fn(s, "Missing", {.handler = "app.handler", .code = Code::from_asset("/nonexistent/drdb/code")});
  python_fn(s, "Old", {.runtime = Runtime::Python39});
  python_fn(s, "Spaces", {.handler = "index handler"});
  python_fn(s, "Dlq", {.dead_letter = DeadLetterTarget::sns_topic("arn:aws:sqs:eu-west-1:123456789012:q")});
  auto& vpc = s.add<aws::ec2::Vpc>("Network", {.cidr = "10.20.0.0/16", .max_azs = 2});
  python_fn(s, "NoGroups", {.vpc = VpcPlacement{.vpc = &vpc, .subnets = aws::ec2::SubnetType::Public}});
  const auto text = test::diagnostics_of(app);
  CHECK(contains(text, "[App/S/Empty] the function has no runtime — set .runtime, e.g. Runtime::Python313"));
  CHECK(contains(text, "[App/S/Empty] the function has no handler"));
  CHECK(contains(text, "[App/S/Empty] the function has no code — set .code = Code::from_asset(path)"));
  CHECK(contains(text, "[App/S/Sizes] function name \"bad name!\" is not valid"));
  CHECK(contains(text, "[App/S/Sizes] memory_size 64 is out of range — use 128-10240 MB"));
  CHECK(contains(text, "[App/S/Sizes] timeout 901 is out of range — use 1-900 seconds"));
  CHECK(contains(text, "[App/S/Sizes] reserved_concurrency -1 is negative"));
  CHECK(contains(text, "[App/S/Env] environment variable \"AWS_REGION\" is reserved by the Lambda runtime"));
  CHECK(contains(text, "[App/S/Env] environment variable name \"1BAD\" is not valid"));
  CHECK(contains(text, "[App/S/Env] environment variable name \"A\" is not valid"));
  CHECK(contains(text, "[App/S/Env] environment variables take 5039 bytes; Lambda allows 4096 in all"));
  CHECK(contains(text, "[App/S/TooLarge] the inline source is 4097 characters; CloudFormation accepts at most 4096 — package it with Code::from_asset(path) instead"));
  CHECK(contains(text, "[App/S/InlineJava] inline source needs a Node.js or Python runtime, not java21"));
  CHECK(contains(text, "[App/S/InlineJava] inline source is written to the file index; handler \"app.Handler::handle\" names another module"));
  CHECK(contains(text, "[App/S/Missing] the code asset cannot be packaged: /nonexistent/drdb/code does not exist"));
  CHECK(!contains(text, "DB_PASSWORD"));  // a finding of the rule pack (LAMBDA.1), not of the model
  CHECK(!contains(text, "App/S/Old"));     // likewise LAMBDA.3
  CHECK(contains(text, "[App/S/Spaces] handler \"index handler\" is not valid"));
  CHECK(contains(text, "[App/S/Dlq] dead-letter target \"arn:aws:sqs:eu-west-1:123456789012:q\" is not an SNS topic ARN"));
  CHECK(contains(text, "[App/S/NoGroups] vpc placement has no security group"));
  CHECK(contains(text, "[App/S/NoGroups] a function in public subnets gets no public address"));
  CHECK_THROWS_AS(synthesize(app), ValidationError);
}

TEST_CASE("a service permission without a source is refused") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& fn = python_fn(s, "Fn");
  fn.add<Permission>("Open", {.function = &fn, .principal = "events.amazonaws.com"});
  CHECK(contains(test::diagnostics_of(app), "[App/S/Fn/Open] any resource of service events.amazonaws.com in any account could invoke the function — give the calling resource's ARN as source_arn"));
}
