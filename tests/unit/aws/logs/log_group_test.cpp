// CloudWatch Logs log groups: retention, KMS key (and the key policy it needs), write grants.
#include <doctest/doctest.h>

#include "unit/aws/iam/rendered.hpp"

using namespace drdb;
using drdb::aws::logs::LogGroup;
using drdb::aws::logs::Retention;
using drdb::test::contains;
using nlohmann::json;

TEST_CASE("a log group keeps logs one year by default and is retained") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& group = s.add<LogGroup>("Logs", {.log_group_name = Str("/drdb/pipeline")});
  auto& role = test::ec2_role(s, "Writer");
  group.grant_write(role);
  s.add<Output>("Arn", {.value = group.log_group_arn().value()});
  const auto r = test::render(app);
  CHECK(r.props("Logs") == json::parse(R"({"LogGroupName": "/drdb/pipeline", "RetentionInDays": 365})"));
  CHECK(r.cfn["Resources"]["Logs"]["DeletionPolicy"] == "Retain");
  CHECK(r.props("Writer")["Policies"][0]["PolicyDocument"]["Statement"][0] == json::parse(R"({
    "Action": ["logs:CreateLogStream", "logs:PutLogEvents"], "Effect": "Allow",
    "Resource": {"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":logs:", {"Ref": "AWS::Region"}, ":",
                 {"Ref": "AWS::AccountId"}, ":log-group:", {"Ref": "Logs"}, ":*"]]}})"));
  CHECK(r.body("aws_cloudwatch_log_group", "Logs")["name"] == "/drdb/pipeline");
  CHECK(r.body("aws_cloudwatch_log_group", "Logs")["retention_in_days"] == 365);
  CHECK(r.body("aws_cloudwatch_log_group", "Logs")["lifecycle"]["prevent_destroy"] == true);
  CHECK(r.body("aws_cloudwatch_log_group", "Logs")["skip_destroy"] == true);  // kept by a destroy too
  CHECK(test::diagnostics_of(app) == "");
}

TEST_CASE("retention values, infinite retention as a warning, destroy on removal") {
  CHECK(aws::logs::days(Retention::OneDay) == 1);
  CHECK(aws::logs::days(Retention::ThirteenMonths) == 400);
  CHECK(aws::logs::days(Retention::TenYears) == 3653);
  App app;
  auto& s = app.add<Stack>("S");
  s.add<LogGroup>("Forever", {.retention = Retention::Infinite, .removal_policy = RemovalPolicy::Destroy});
  const auto r = test::render(app);
  CHECK_FALSE(r.cfn["Resources"]["Forever"].value("Properties", json::object()).contains("RetentionInDays"));
  CHECK_FALSE(r.cfn["Resources"]["Forever"].contains("DeletionPolicy"));
  CHECK(r.body("aws_cloudwatch_log_group", "Forever")["retention_in_days"] == 0);
  CHECK(contains(test::diagnostics_of(app), "warning: [App/S/Forever] logs are kept forever (Retention::Infinite)"));
}

TEST_CASE("a KMS-encrypted group needs the key policy statement for CloudWatch Logs") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& key = s.add<aws::kms::Key>("Key");
  auto& other = s.add<aws::kms::Key>("Other");
  s.add<LogGroup>("Good", {.kms_key = &key});
  s.add<LogGroup>("Bad", {.log_group_name = Str("bad name"), .kms_key = &other});
  aws::logs::allow_log_encryption(key);
  aws::logs::allow_log_encryption(key);  // once
  const auto text = test::diagnostics_of(app);
  CHECK(contains(text, "[App/S/Bad] the key App/S/Other does not let CloudWatch Logs use it; creating the log group would fail — call aws::logs::allow_log_encryption(key) once for that key"));
  CHECK(contains(text, "[App/S/Bad] log group name \"bad name\" contains ' '"));
  CHECK_FALSE(contains(text, "App/S/Good"));
  App ok;
  auto& s2 = ok.add<Stack>("S");
  auto& k2 = s2.add<aws::kms::Key>("Key");
  aws::logs::allow_log_encryption(k2);
  s2.add<LogGroup>("Good", {.kms_key = &k2});
  const auto r = test::render(ok);
  CHECK(r.props("Good")["KmsKeyId"] == json::parse(R"({"Fn::GetAtt": ["Key", "Arn"]})"));
  const auto statements = r.props("Key")["KeyPolicy"]["Statement"];
  REQUIRE(statements.size() == 2);
  json logs;
  for (const auto& st : statements)
    if (st.contains("Sid") && st["Sid"] == "AllowCloudWatchLogsEncryption") logs = st;
  CHECK(logs["Principal"]["Service"]["Fn::Join"][1][0] == "logs.");
  CHECK(logs["Condition"]["ArnLike"].contains("kms:EncryptionContext:aws:logs:arn"));
  CHECK(r.body("aws_cloudwatch_log_group", "Good")["kms_key_id"] == "${aws_kms_key.Key.arn}");
}
