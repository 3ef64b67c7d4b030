// Secrets Manager secrets: generation (CloudFormation) and the empty secret (Terraform), names,
// rotation, grants, and validation.
#include <doctest/doctest.h>

#include <drdb/testing/template.hpp>

#include "unit/aws/iam/rendered.hpp"

using namespace drdb;
using namespace drdb::aws::secretsmanager;
using drdb::test::contains;
using nlohmann::json;

namespace {

GeneratedSecret hive_password() {
  return {.exclude_characters = "\"@/\\",
          .secret_string_template = {{"username", "hive"}},
          .generate_string_key = "password"};
}

}  // namespace

TEST_CASE("a generated password: CloudFormation generates it, Terraform creates the secret empty and warns") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& db = s.add<Construct>("Metastore");
  auto& secret = db.add<Secret>("Password", {.description = "Hive metastore", .generate = hive_password()});
  s.add<Output>("Arn", {.value = secret.secret_arn().value()});
  s.add<Output>("Name", {.value = secret.secret_name().value()});
  const auto r = test::render(app);
  const auto id = logical_id(secret);
  const auto& entry = r.cfn["Resources"][id];
  CHECK(entry["Type"] == "AWS::SecretsManager::Secret");
  CHECK(entry["DeletionPolicy"] == "Retain");
  CHECK(entry["Properties"] == json::parse(R"({"Description": "Hive metastore",
    "Name": {"Fn::Join": ["", [{"Ref": "AWS::StackName"}, "/Metastore/Password"]]},
    "GenerateSecretString": {"ExcludeCharacters": "\"@/\\", "ExcludeLowercase": false, "ExcludeNumbers": false,
      "ExcludePunctuation": false, "ExcludeUppercase": false, "GenerateStringKey": "password", "IncludeSpace": false,
      "PasswordLength": 32, "RequireEachIncludedType": true, "SecretStringTemplate": "{\"username\":\"hive\"}"}})"));
  CHECK(r.cfn["Outputs"]["Arn"]["Value"] == json{{"Ref", id}});

  const auto& body = r.body("aws_secretsmanager_secret", id);
  CHECK(body["name"] == "${\"S\"}/Metastore/Password");  // the stack name, as Terraform's renderer writes it
  CHECK(body["description"] == "Hive metastore");
  CHECK(body["lifecycle"]["prevent_destroy"] == true);
  CHECK_FALSE(r.tf["resource"].contains("aws_secretsmanager_secret_version"));  // no value in the module or state
  CHECK(r.tf["output"]["Arn"]["value"] == "${aws_secretsmanager_secret." + id + ".arn}");

  const auto tf = testing::Template::terraform(app, "S");
  REQUIRE(tf.warnings().items().size() == 1);
  CHECK(tf.warnings().items()[0].path == "App/S/Metastore/Password");
  CHECK(contains(tf.warnings().items()[0].message, "Terraform cannot generate the secret's password"));
  CHECK(contains(tf.warnings().items()[0].fix, "put-secret-value"));
}

TEST_CASE("an empty secret with a customer key and a name; grant_read") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& key = s.add<aws::kms::Key>("Key");
  auto& secret = s.add<Secret>("Token", {.secret_name = "drdb/api-token", .kms_key = &key});
  auto& plain = s.add<Secret>("Plain");
  auto& reader = test::ec2_role(s, "Reader");
  auto& plain_reader = test::ec2_role(s, "PlainReader");
  secret.grant_read(reader);
  plain.grant_read(plain_reader);
  const auto r = test::render(app);
  CHECK(r.props("Token") == json::parse(R"({"Name": "drdb/api-token", "KmsKeyId": {"Fn::GetAtt": ["Key", "Arn"]}})"));
  CHECK(r.body("aws_secretsmanager_secret", "Token")["kms_key_id"] == "${aws_kms_key.Key.arn}");
  CHECK(testing::Template::terraform(app, "S").warnings().empty());
  auto statements = [&](const char* role) { return r.props(role)["Policies"][0]["PolicyDocument"]["Statement"]; };
  CHECK(statements("Reader")[0] == json::parse(R"({"Action": "kms:Decrypt", "Effect": "Allow",
    "Resource": {"Fn::GetAtt": ["Key", "Arn"]},
    "Condition": {"StringEquals": {"kms:ViaService": {"Fn::Join": ["", ["secretsmanager.", {"Ref": "AWS::Region"}, ".", {"Ref": "AWS::URLSuffix"}]]}}}})"));
  CHECK(statements("Reader")[1] == json::parse(R"({"Action": ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"],
    "Effect": "Allow", "Resource": {"Ref": "Token"}})"));
  CHECK(statements("PlainReader").size() == 1);
}

TEST_CASE("rotation by a Lambda function, in both targets") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& secret = s.add<Secret>(
      "Password", {.generate = GeneratedSecret{},
                   .rotation = Rotation{.rotation_lambda_arn = "arn:aws:lambda:eu-west-1:123456789012:function:rotate",
                                        .automatically_after_days = 30,
                                        .duration = "3h"}});
  REQUIRE(secret.rotation() != nullptr);
  const auto id = logical_id(*secret.rotation());
  const auto r = test::render(app);
  CHECK(r.cfn["Resources"][id]["Type"] == "AWS::SecretsManager::RotationSchedule");
  CHECK(r.props(id) == json::parse(R"({"SecretId": {"Ref": "Password"},
    "RotationLambdaARN": "arn:aws:lambda:eu-west-1:123456789012:function:rotate",
    "RotationRules": {"AutomaticallyAfterDays": 30, "Duration": "3h"}, "RotateImmediatelyOnUpdate": true})"));
  CHECK(r.props("Password")["GenerateSecretString"]["PasswordLength"] == 32);
  const auto& body = r.body("aws_secretsmanager_secret_rotation", id);
  CHECK(body["secret_id"] == "${aws_secretsmanager_secret.Password.arn}");
  CHECK(body["rotation_rules"][0]["automatically_after_days"] == 30);
  CHECK(body["rotate_immediately"] == true);
}

TEST_CASE("secret validation names the secret and says how to fix each problem") {
  App app;
  auto& s = app.add<Stack>("S");
  s.add<Secret>("Bad", {.secret_name = "a b",
                        .generate = GeneratedSecret{.password_length = 0,
                                                    .exclude_punctuation = true,
                                                    .exclude_numbers = true,
                                                    .exclude_uppercase = true,
                                                    .exclude_lowercase = true,
                                                    .secret_string_template = {{"password", "x"}},
                                                    .generate_string_key = "password"}});
  s.add<Secret>("NoKey", {.secret_name = "db-abcdef", .generate = GeneratedSecret{.secret_string_template = {{"user", "hive"}}}});
  s.add<Secret>("KeyOnly", {.generate = GeneratedSecret{.generate_string_key = "password"}});
  s.add<Secret>("Rotated", {.rotation = Rotation{.rotation_lambda_arn = "rotate", .schedule_expression = "every day", .duration = "3 hours"}});
  s.add<Secret>("Both", {.rotation = Rotation{.rotation_lambda_arn = "arn:aws:lambda:eu-west-1:1:function:f",
                                               .automatically_after_days = 1001, .schedule_expression = "rate(10 days)"}});
  const auto text = test::diagnostics_of(app);
  CHECK(contains(text, "[App/S/Bad] secret name \"a b\" is not a valid Secrets Manager name — use 1-512 letters"));
  CHECK(contains(text, "[App/S/Bad] password_length 0 is out of range — use 1-4096 characters"));
  CHECK(contains(text, "[App/S/Bad] the generated password excludes every kind of character"));
  CHECK(contains(text, "[App/S/Bad] secret_string_template already has the key \"password\""));
  CHECK(contains(text, "[App/S/NoKey] secret name \"db-abcdef\" ends in a hyphen and six characters"));
  CHECK(contains(text, "[App/S/NoKey] secret_string_template is set but generate_string_key is not"));
  CHECK(contains(text, "[App/S/KeyOnly] generate_string_key is set without a secret_string_template"));
  CHECK(contains(text, "[App/S/Rotated/Rotation] rotation_lambda_arn \"rotate\" is not an ARN"));
  CHECK(contains(text, "[App/S/Rotated/Rotation] schedule_expression \"every day\" is not a rate() or cron() expression"));
  CHECK(contains(text, "[App/S/Rotated/Rotation] rotation duration \"3 hours\" is not a number of hours"));
  CHECK(contains(text, "[App/S/Both/Rotation] rotation sets both automatically_after_days and schedule_expression — set exactly one"));
  CHECK(contains(text, "[App/S/Both/Rotation] automatically_after_days 1001 is out of range — use 1-1000 days"));
}
