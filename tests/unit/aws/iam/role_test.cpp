// Roles, instance profiles and managed policies: what each target gets, and what is refused.
#include <doctest/doctest.h>

#include <set>

#include "unit/aws/iam/rendered.hpp"

using namespace drdb;
using namespace drdb::aws::iam;
using drdb::test::contains;
using nlohmann::json;

TEST_CASE("a trust policy has one statement per assume action, with the trust conditions") {
  App app;
  auto& s = app.add<Stack>("S");
  s.add<Role>("R", {.assumed_by = {Principal::service("elasticmapreduce.amazonaws.com"), Principal::aws("123456789012"),
                                   Principal::federated("arn:aws:iam::123456789012:saml-provider/corp")},
                    .trust_conditions = {{"StringEquals", {{"aws:SourceAccount", {Str(Pseudo::AccountId)}}}}}});
  const auto r = test::render(app);
  const auto& statements = r.props("R")["AssumeRolePolicyDocument"]["Statement"];
  REQUIRE(statements.size() == 2);
  CHECK(statements[0]["Action"] == "sts:AssumeRole");
  CHECK(statements[0]["Principal"] == json({{"AWS", "123456789012"}, {"Service", "elasticmapreduce.amazonaws.com"}}));
  CHECK(statements[0]["Condition"]["StringEquals"]["aws:SourceAccount"] == json({{"Ref", "AWS::AccountId"}}));
  CHECK(statements[1]["Action"] == "sts:AssumeRoleWithSAML");
  CHECK(statements[1]["Principal"] == json({{"Federated", "arn:aws:iam::123456789012:saml-provider/corp"}}));
  const auto trust = json::parse(r.body("aws_iam_role", "R")["assume_role_policy"].get<std::string>());
  CHECK(trust["Statement"][0]["Condition"]["StringEquals"]["aws:SourceAccount"] ==
        "${data.aws_caller_identity.current.account_id}");
}

TEST_CASE("role properties reach both targets") {
  App app;
  auto& s = app.add<Stack>("S");
  s.add<Role>("R", {.assumed_by = {Principal::service("ec2.amazonaws.com")},
                    .description = "instances",
                    .path = "/emr/",
                    .role_name = "emr-instances",
                    .permissions_boundary = Str("arn:aws:iam::123456789012:policy/boundary"),
                    .max_session_duration = 7200});
  const auto r = test::render(app);
  CHECK(r.props("R")["Path"] == "/emr/");
  CHECK(r.props("R")["RoleName"] == "emr-instances");
  CHECK(r.props("R")["PermissionsBoundary"] == "arn:aws:iam::123456789012:policy/boundary");
  CHECK(r.props("R")["MaxSessionDuration"] == 7200);
  CHECK(r.body("aws_iam_role", "R")["name"] == "emr-instances");
  CHECK(r.body("aws_iam_role", "R")["max_session_duration"] == 7200);
  CHECK(r.body("aws_iam_role", "R")["permissions_boundary"] == "arn:aws:iam::123456789012:policy/boundary");
}

TEST_CASE("role.instance_profile() creates one instance profile for the role") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& role = s.add<Role>("Instances", {.assumed_by = {Principal::service("ec2.amazonaws.com")}, .path = "/emr/"});
  auto& profile = role.instance_profile();
  CHECK(&role.instance_profile() == &profile);
  CHECK(role.find_instance_profile() == &profile);
  s.add<Output>("Profile", {.value = profile.arn().value()});
  const auto r = test::render(app);
  const auto id = logical_id(profile);
  CHECK(r.cfn["Resources"][id]["Type"] == "AWS::IAM::InstanceProfile");
  CHECK(r.props(id) == json::parse(R"({"Path": "/emr/", "Roles": [{"Ref": "Instances"}]})"));
  CHECK(r.cfn["Outputs"]["Profile"]["Value"] == json::parse(R"({"Fn::GetAtt": [")" + id + R"(", "Arn"]})"));
  CHECK(r.body("aws_iam_instance_profile", id) == json::parse(R"({"path": "/emr/", "role": "${aws_iam_role.Instances.name}"})"));
  CHECK(r.tf["output"]["Profile"]["value"] == "${aws_iam_instance_profile." + id + ".arn}");
}

TEST_CASE("an instance profile needs a role EC2 can assume") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& role = s.add<Role>("Lambda", {.assumed_by = {Principal::service("lambda.amazonaws.com")}});
  role.instance_profile();
  s.add<InstanceProfile>("Orphan", {.role = nullptr, .path = "emr", .instance_profile_name = "bad name"});
  const auto text = test::diagnostics_of(app);
  CHECK(contains(text, "[App/S/Lambda/InstanceProfile] role App/S/Lambda does not trust ec2.amazonaws.com, so instances cannot use it — add Principal::service(\"ec2.amazonaws.com\") to the role's assumed_by"));
  CHECK(contains(text, "[App/S/Orphan] the instance profile has no role"));
  CHECK(contains(text, "[App/S/Orphan] instance profile path \"emr\" must start and end with '/'"));
  CHECK(contains(text, "[App/S/Orphan] instance profile name \"bad name\" is not a valid IAM name"));
}

TEST_CASE("a managed policy is attached to its roles: Roles in CloudFormation, attachments in Terraform") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& a = test::ec2_role(s, "A");
  auto& b = test::ec2_role(s, "B");
  auto& policy = s.add<ManagedPolicy>("ReadConfig", {.document = {{.actions = {"ssm:GetParameter"},
                                                                    .resources = {Str("arn:aws:ssm:us-east-1:123456789012:parameter/app/*")}}},
                                                     .roles = {&a},
                                                     .description = "read the app's parameters"});
  policy.attach_to(b);
  policy.attach_to(b);  // once
  CHECK(a.attached_policies().size() == 1);
  CHECK(b.attached_policies().size() == 1);
  const auto r = test::render(app);
  CHECK(r.cfn["Resources"]["ReadConfig"]["Type"] == "AWS::IAM::ManagedPolicy");
  CHECK(r.props("ReadConfig")["Roles"] == json::parse(R"([{"Ref": "A"}, {"Ref": "B"}])"));
  CHECK(r.props("ReadConfig")["PolicyDocument"]["Statement"][0]["Action"] == "ssm:GetParameter");
  CHECK(r.props("ReadConfig")["Description"] == "read the app's parameters");
  CHECK(r.tf_document("aws_iam_policy", "ReadConfig", "policy")["Statement"][0]["Action"] == "ssm:GetParameter");
  const auto& attachments = r.tf["resource"]["aws_iam_role_policy_attachment"];
  REQUIRE(attachments.size() == 2);
  std::set<std::string> roles;
  for (const auto& [name, body] : attachments.items()) {
    CHECK(name.starts_with("ReadConfig_"));
    CHECK(body["policy_arn"] == "${aws_iam_policy.ReadConfig.arn}");
    roles.insert(body["role"].get<std::string>());
  }
  CHECK(roles == std::set<std::string>{"${aws_iam_role.A.name}", "${aws_iam_role.B.name}"});
}

TEST_CASE("managed policy quotas per role: a warning past 10, an error past 20") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& busy = test::ec2_role(s, "Busy");
  auto& full = test::ec2_role(s, "Full");
  for (int i = 0; i < 21; ++i) {
    auto& p = s.add<ManagedPolicy>("P" + std::to_string(i), {.document = {{.actions = {"s3:GetObject"}, .resources = {Str("*")}}}});
    if (i < 11) p.attach_to(busy);
    p.attach_to(full);
  }
  const auto d = validate(app);
  CHECK(contains(d.format(), "[App/S/Busy] 11 managed policies are attached; IAM's default quota is 10 per role"));
  CHECK(contains(d.format(), "[App/S/Full] 21 managed policies are attached; IAM allows at most 20 per role"));
  CHECK(d.error_count() == 1);
}

TEST_CASE("bad role settings are reported together") {
  App app;
  auto& s = app.add<Stack>("S");
  s.add<Role>("R", {.assumed_by = {Principal::any()},
                    .path = "emr",
                    .role_name = "has space",
                    .managed_policy_arns = {Str("AmazonS3ReadOnlyAccess")},
                    .inline_policies = {{"bad/name", PolicyDocument{{.actions = {"s3:GetObject"}, .resources = {Str("*")}}}},
                                        {"Empty", PolicyDocument{}}},
                    .permissions_boundary = Str("boundary"),
                    .max_session_duration = 60});
  s.add<Role>("Nobody", {});
  s.add<ManagedPolicy>("Unused", {.document = {}, .roles = {nullptr}});
  const auto text = test::diagnostics_of(app);
  CHECK(contains(text, "[App/S/R] the role trusts any principal (\"*\")"));
  CHECK(contains(text, "[App/S/R] role path \"emr\" must start and end with '/'"));
  CHECK(contains(text, "[App/S/R] role name \"has space\" is not a valid IAM name — use 1-64 letters, digits and +=,.@_-"));
  CHECK(contains(text, "[App/S/R] managed policy \"AmazonS3ReadOnlyAccess\" is not an ARN — use an ARN, e.g. aws_managed_policy(\"AmazonSSMManagedInstanceCore\")"));
  CHECK(contains(text, "[App/S/R] inline policy name \"bad/name\" is not a valid IAM name"));
  CHECK(contains(text, "[App/S/R] policy Empty has no statements"));
  CHECK(contains(text, "[App/S/R] permissions boundary \"boundary\" is not an ARN"));
  CHECK(contains(text, "[App/S/R] max_session_duration 60 is out of range — use 3600-43200 seconds"));
  CHECK(contains(text, "[App/S/Nobody] the role has no trusted principal"));
  CHECK(contains(text, "[App/S/Unused] managed policy has no statements"));
  CHECK(contains(text, "[App/S/Unused] a role to attach the policy to is null"));
}
