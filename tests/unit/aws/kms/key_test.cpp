// KMS keys and aliases: secure defaults, the key policy, grants, and validation.
#include <doctest/doctest.h>

#include "unit/aws/iam/rendered.hpp"

using namespace drdb;
using drdb::aws::kms::Alias;
using drdb::aws::kms::Key;
using drdb::test::contains;
using nlohmann::json;

TEST_CASE("a key rotates, is retained, and trusts the account's IAM by default") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& key = s.add<Key>("DataKey", {.description = "data lake", .alias = "alias/data-lake"});
  REQUIRE(key.alias() != nullptr);
  s.add<Output>("KeyArn", {.value = key.key_arn().value()});
  s.add<Output>("KeyId", {.value = key.key_id().value()});
  const auto r = test::render(app);
  const auto& entry = r.cfn["Resources"]["DataKey"];
  CHECK(entry["Type"] == "AWS::KMS::Key");
  CHECK(entry["DeletionPolicy"] == "Retain");
  CHECK(entry["Properties"]["EnableKeyRotation"] == true);
  CHECK(entry["Properties"]["PendingWindowInDays"] == 30);
  CHECK(entry["Properties"]["Description"] == "data lake");
  CHECK(entry["Properties"]["KeyPolicy"] == json::parse(R"({"Version": "2012-10-17", "Statement": [{
    "Sid": "EnableIamUserPermissions", "Effect": "Allow", "Action": "kms:*", "Resource": "*",
    "Principal": {"AWS": {"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":iam::", {"Ref": "AWS::AccountId"}, ":root"]]}}}]})"));
  CHECK(r.cfn["Outputs"]["KeyArn"]["Value"] == json::parse(R"({"Fn::GetAtt": ["DataKey", "Arn"]})"));
  CHECK(r.cfn["Outputs"]["KeyId"]["Value"] == json::parse(R"({"Ref": "DataKey"})"));
  const auto alias_id = logical_id(*key.alias());
  CHECK(r.props(alias_id) == json::parse(R"({"AliasName": "alias/data-lake", "TargetKeyId": {"Ref": "DataKey"}})"));

  const auto& body = r.body("aws_kms_key", "DataKey");
  CHECK(body["enable_key_rotation"] == true);
  CHECK(body["deletion_window_in_days"] == 30);
  CHECK(body["lifecycle"]["prevent_destroy"] == true);
  CHECK(r.tf_document("aws_kms_key", "DataKey", "policy")["Statement"][0]["Principal"]["AWS"] ==
        "arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:root");
  CHECK(r.body("aws_kms_alias", alias_id) == json::parse(R"({"name": "alias/data-lake", "target_key_id": "${aws_kms_key.DataKey.key_id}"})"));
  CHECK(r.tf["output"]["KeyId"]["value"] == "${aws_kms_key.DataKey.key_id}");
}

TEST_CASE("key grants add least-privilege statements on the key to the role") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& key = s.add<Key>("Key");
  auto& reader = test::ec2_role(s, "Reader");
  auto& writer = test::ec2_role(s, "Writer");
  auto& both = test::ec2_role(s, "Both");
  key.grant_decrypt(reader);
  key.grant_encrypt(writer);
  key.grant_encrypt_decrypt(both);
  key.grant(both, {"kms:DescribeKey"});
  const auto r = test::render(app);
  auto statements = [&](const char* role) { return r.props(role)["Policies"][0]["PolicyDocument"]["Statement"]; };
  CHECK(statements("Reader") == json::parse(R"([{"Action": "kms:Decrypt", "Effect": "Allow", "Resource": {"Fn::GetAtt": ["Key", "Arn"]}}])"));
  CHECK(statements("Writer")[0]["Action"] == json({"kms:Encrypt", "kms:GenerateDataKey"}));
  CHECK(statements("Both")[0]["Action"] == json({"kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey"}));
}

TEST_CASE("statements added to the key policy; rotation period and pending window") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& role = test::ec2_role(s, "Admin");
  auto& key = s.add<Key>("Key", {.rotation_period_in_days = 180, .pending_window_in_days = 7});
  key.add_to_policy({.sid = "AllowAdmin", .actions = {"kms:DescribeKey"}, .resources = {Str("*")},
                     .principals = {aws::iam::Principal::aws(role.arn())}});
  key.set_removal_policy(RemovalPolicy::Destroy);
  const auto r = test::render(app);
  CHECK(r.props("Key")["RotationPeriodInDays"] == 180);
  CHECK(r.props("Key")["PendingWindowInDays"] == 7);
  CHECK(r.props("Key")["KeyPolicy"]["Statement"].size() == 2);
  CHECK_FALSE(r.cfn["Resources"]["Key"].contains("DeletionPolicy"));
  CHECK(r.body("aws_kms_key", "Key")["rotation_period_in_days"] == 180);
  CHECK(r.body("aws_kms_key", "Key")["deletion_window_in_days"] == 7);
  CHECK_FALSE(r.body("aws_kms_key", "Key").contains("lifecycle"));
}

TEST_CASE("aliases: alias/ prefix, allowed characters, not AWS's reserved prefix") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& key = s.add<Key>("Key", {.alias = "data-lake"});
  s.add<Alias>("Reserved", {.alias_name = "alias/aws/s3", .key = &key});
  s.add<Alias>("Spaces", {.alias_name = "alias/my key", .key = &key});
  s.add<Alias>("Keyless", {.alias_name = "alias/keyless"});
  const auto text = test::diagnostics_of(app);
  CHECK(contains(text, "[App/S/Key/Alias] alias name \"data-lake\" is not valid — use \"alias/\" followed by letters, digits, '/', '_' and '-' (at most 256 characters)"));
  CHECK(contains(text, "[App/S/Reserved] alias name \"alias/aws/s3\" is in the prefix reserved for AWS-managed keys"));
  CHECK(contains(text, "[App/S/Spaces] alias name \"alias/my key\" is not valid"));
  CHECK(contains(text, "[App/S/Keyless] the alias has no key"));
}

TEST_CASE("key settings out of range, and a key policy no one could administer") {
  App app;
  auto& s = app.add<Stack>("S");
  s.add<Key>("Window", {.pending_window_in_days = 3});
  s.add<Key>("Period", {.enable_key_rotation = false, .rotation_period_in_days = 30});
  s.add<Key>("Locked", {.trust_account = false});
  auto& admin = s.add<Key>("Administered", {.trust_account = false});
  admin.add_to_policy({.actions = {"kms:PutKeyPolicy", "kms:DescribeKey"}, .resources = {Str("*")},
                       .principals = {aws::iam::Principal::aws("arn:aws:iam::123456789012:role/admin")}});
  const auto d = validate(app);
  const auto text = d.format();
  CHECK(contains(text, "[App/S/Window] pending_window_in_days 3 is out of range — use 7-30 days"));
  CHECK(contains(text, "[App/S/Period] rotation_period_in_days is set but key rotation is off"));
  CHECK(contains(text, "[App/S/Period] rotation_period_in_days 30 is out of range — use 90-2560 days"));
  CHECK(contains(text, "[App/S/Locked] the key policy lets no one administer the key (KMS refuses such a policy)"));
  CHECK(contains(text, "[App/S/Administered] trust_account is off: IAM policies (grant_*) give no access to this key"));
  for (const auto& item : d.items())
    if (item.path == "App/S/Administered") CHECK(item.severity == Severity::Warning);
}
