// Policy documents: canonical rendering (merge, sort, dedupe) and every validation rule.
#include <doctest/doctest.h>

#include "unit/aws/iam/rendered.hpp"

using namespace drdb;
using namespace drdb::aws::iam;
using drdb::test::contains;
using nlohmann::json;

namespace {

json rendered(const PolicyDocument& doc) {
  App app;
  auto& s = app.add<Stack>("S");
  auto& role = test::ec2_role(s, "R");
  for (const auto& st : doc.statements()) role.add_to_policy(st);
  return test::render(app).props("R")["Policies"][0]["PolicyDocument"];
}

std::string problems(const PolicyDocument& doc, PolicyKind kind = PolicyKind::Identity) {
  Diagnostics d;
  doc.validate("App/S/X", "policy P", d, kind);
  return d.format();
}

}  // namespace

TEST_CASE("statements with the same scope merge their actions, sorted and deduplicated") {
  PolicyDocument doc;
  doc.add({.actions = {"s3:PutObject", "s3:GetObject"}, .resources = {Str("arn:aws:s3:::b/*")}});
  doc.add({.actions = {"s3:GetObject", "s3:DeleteObject"}, .resources = {Str("arn:aws:s3:::b/*")}});
  doc.add({.actions = {"s3:ListBucket"}, .resources = {Str("arn:aws:s3:::b")}});
  const auto out = rendered(doc);
  CHECK(out["Version"] == "2012-10-17");
  CHECK(out["Statement"] == json::parse(R"([
    {"Action": ["s3:DeleteObject", "s3:GetObject", "s3:PutObject"], "Effect": "Allow", "Resource": "arn:aws:s3:::b/*"},
    {"Action": "s3:ListBucket", "Effect": "Allow", "Resource": "arn:aws:s3:::b"}])"));
}

TEST_CASE("resources are compared as sets, and the order of statements does not depend on the order of grants") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& data = s.add<aws::s3::Bucket>("Data");
  auto& logs = s.add<aws::s3::Bucket>("Logs");
  auto& one = test::ec2_role(s, "One");
  auto& two = test::ec2_role(s, "Two");
  data.grant_read(one);
  logs.grant_put(one);
  logs.grant_put(two);
  data.grant_read(two);
  two.add_to_policy({.actions = {"s3:GetObject"}, .resources = {data.arn_for_objects("*")}});  // already granted
  const auto r = test::render(app);
  CHECK(r.props("One")["Policies"] == r.props("Two")["Policies"]);
  const auto& statements = r.props("One")["Policies"][0]["PolicyDocument"]["Statement"];
  REQUIRE(statements.size() == 3);
  CHECK(statements[0]["Action"] == json({"s3:AbortMultipartUpload", "s3:PutObject"}));
  CHECK(statements[1]["Action"] == json({"s3:GetBucketLocation", "s3:ListBucket"}));
  CHECK(statements[2]["Action"] == "s3:GetObject");
}

TEST_CASE("statements with NotAction, other conditions, principals or sids stay apart") {
  PolicyDocument doc;
  doc.add({.effect = Effect::Deny, .not_actions = {"s3:GetObject"}, .resources = {Str("*")}});
  doc.add({.effect = Effect::Deny, .not_actions = {"s3:PutObject"}, .resources = {Str("*")}});
  doc.add({.actions = {"s3:GetObject"}, .resources = {Str("*")}, .conditions = {{"Bool", {{"aws:SecureTransport", {"true"}}}}}});
  doc.add({.actions = {"s3:PutObject"}, .resources = {Str("*")}});
  doc.add({.sid = "Named", .actions = {"s3:ListBucket"}, .resources = {Str("*")}});
  CHECK(doc.normalized().size() == 5);
  doc.add({.sid = "Named", .actions = {"s3:GetBucketLocation"}, .resources = {Str("*")}});  // same sid and scope: merges
  const auto merged = doc.normalized();
  CHECK(merged.size() == 5);
  CHECK(problems(doc).empty());
}

TEST_CASE("expressions sort by their meaning; partition-aware ARNs render per target") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& role = s.add<Role>("R", {.assumed_by = {Principal::service("ec2.amazonaws.com")},
                                 .managed_policy_arns = {aws_managed_policy("AmazonSSMManagedInstanceCore")}});
  role.add_to_policy({.actions = {"ssm:GetParameter"},
                      .resources = {"arn:" + Str(Pseudo::Partition) + ":ssm:" + Str(Pseudo::Region) + ":" +
                                        Str(Pseudo::AccountId) + ":parameter/app/*",
                                    Str("arn:aws:ssm:us-east-1:123456789012:parameter/fixed")}});
  const auto r = test::render(app);
  CHECK(r.props("R")["AssumeRolePolicyDocument"]["Statement"][0]["Principal"] == json({{"Service", "ec2.amazonaws.com"}}));
  CHECK(r.props("R")["ManagedPolicyArns"][0] ==
        json::parse(R"({"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":iam::aws:policy/AmazonSSMManagedInstanceCore"]]})"));
  const auto& resources = r.props("R")["Policies"][0]["PolicyDocument"]["Statement"][0]["Resource"];
  REQUIRE(resources.size() == 2);
  CHECK(resources[0].contains("Fn::Join"));  // "arn:${AWS::Partition}..." sorts before "arn:aws:..."
  CHECK(resources[1] == "arn:aws:ssm:us-east-1:123456789012:parameter/fixed");
  bool attached = false;
  for (const auto& [name, body] : r.tf["resource"]["aws_iam_role_policy_attachment"].items())
    attached = attached || body["policy_arn"] == "arn:${data.aws_partition.current.partition}:iam::aws:policy/AmazonSSMManagedInstanceCore";
  CHECK(attached);
  CHECK(r.tf["data"].contains("aws_partition"));
}

TEST_CASE("wildcard actions need an opt-in on their statement") {
  PolicyDocument doc;
  doc.add({.actions = {"*"}, .resources = {Str("*")}});
  doc.add({.actions = {"s3:*"}, .resources = {Str("*")}});
  doc.add({.actions = {"s3:Get*"}, .resources = {Str("*")}});
  doc.add({.not_actions = {"iam:*"}, .resources = {Str("*")}});
  const auto text = problems(doc);
  CHECK(contains(text, "[App/S/X] policy P statement 1 uses the wildcard action \"*\" — list the actions needed, or set allow_wildcard_actions = true"));
  CHECK(contains(text, "policy P statement 2 uses the wildcard action \"s3:*\""));
  CHECK(contains(text, "policy P statement 3 uses the wildcard action \"s3:Get*\""));
  CHECK(contains(text, "policy P statement 4 allows every action except its not_actions"));
  PolicyDocument opted;
  opted.add({.actions = {"s3:*"}, .resources = {Str("*")}, .allow_wildcard_actions = true});
  opted.add({.effect = Effect::Deny, .not_actions = {"s3:*"}, .resources = {Str("*")}});  // a deny narrows
  CHECK(problems(opted).empty());
}

TEST_CASE("malformed statements are reported with their position and a fix") {
  PolicyDocument doc;
  doc.add({.sid = "Not valid", .actions = {"GetObject", "s3:GetObject"}, .not_actions = {"s3:PutObject"},
           .resources = {Str("bucket/*")}, .not_resources = {Str("*")}});
  doc.add({.resources = {Str("*")}, .principals = {Principal::service("ec2.amazonaws.com")},
           .conditions = {{"StringEqualz", {{"aws:SourceAccount", {"1"}}}}, {"Bool", {{"aws:SecureTransport", {}}}}}});
  doc.add({.actions = {"s3:GetObject"}});
  const auto text = problems(doc);
  CHECK(contains(text, "statement 1 sid \"Not valid\" has characters other than letters and digits"));
  CHECK(contains(text, "statement 1 action \"GetObject\" is not of the form service:Action — e.g. s3:GetObject"));
  CHECK(contains(text, "statement 1 has both actions and not_actions"));
  CHECK(contains(text, "statement 1 has both resources and not_resources"));
  CHECK(contains(text, "statement 1 resource \"bucket/*\" is not an ARN"));
  CHECK(contains(text, "statement 2 has no actions"));
  CHECK(contains(text, "statement 2 names principals, which an identity policy does not have"));
  CHECK(contains(text, "statement 2 has the unknown condition operator \"StringEqualz\""));
  CHECK(contains(text, "statement 2 condition Bool aws:SecureTransport has no values"));
  CHECK(contains(text, "statement 3 has no resources"));
  CHECK(contains(problems(PolicyDocument{}), "[App/S/X] policy P has no statements"));
}

TEST_CASE("condition operators: set prefixes and IfExists are known") {
  PolicyDocument doc;
  doc.add({.actions = {"s3:GetObject"}, .resources = {Str("*")},
           .conditions = {{"ForAnyValue:StringLike", {{"aws:TagKeys", {"a*"}}}},
                          {"StringEqualsIfExists", {{"aws:RequestTag/team", {"data"}}}},
                          {"Null", {{"aws:TokenIssueTime", {"true"}}}}}});
  CHECK(problems(doc).empty());
}

TEST_CASE("resource and trust policies: principals required, resources where they belong") {
  PolicyDocument resource;
  resource.add({.actions = {"s3:GetObject"}, .resources = {Str("*")}});
  CHECK(contains(problems(resource, PolicyKind::Resource), "statement 1 has no principal"));
  PolicyDocument trust;
  trust.add({.actions = {"sts:AssumeRole"}, .resources = {Str("*")}, .principals = {Principal::aws("not-an-account")}});
  const auto text = problems(trust, PolicyKind::Trust);
  CHECK(contains(text, "statement 1 names resources, which a trust policy does not have"));
  CHECK(contains(text, "AWS principal \"not-an-account\" is neither an ARN nor an account id"));
  PolicyDocument ok;
  ok.add({.actions = {"sts:AssumeRole"}, .principals = {Principal::aws("123456789012"), Principal::account_root()}});
  CHECK(problems(ok, PolicyKind::Trust).empty());
}

TEST_CASE("service principals: a name, in its global form") {
  PolicyDocument doc;
  doc.add({.actions = {"sts:AssumeRole"}, .principals = {Principal::service("EC2 service")}});
  doc.add({.actions = {"sts:AssumeRole"}, .principals = {Principal::service("ec2.amazonaws.com.cn")}});
  Diagnostics d;
  doc.validate("App/S/X", "trust policy", d, PolicyKind::Trust);
  CHECK(d.error_count() == 1);
  CHECK(contains(d.format(), "service principal \"EC2 service\" is not a service name"));
  CHECK(contains(d.format(), "legacy China form of service principal \"ec2.amazonaws.com.cn\" — use \"ec2.amazonaws.com\""));
}

TEST_CASE("two different statements may not share a sid") {
  PolicyDocument doc;
  doc.add({.sid = "Read", .actions = {"s3:GetObject"}, .resources = {Str("arn:aws:s3:::a/*")}});
  doc.add({.sid = "Read", .actions = {"s3:GetObject"}, .resources = {Str("arn:aws:s3:::b/*")}});
  CHECK(contains(problems(doc), "policy P has two different statements with sid \"Read\" — give each statement its own sid"));
}
