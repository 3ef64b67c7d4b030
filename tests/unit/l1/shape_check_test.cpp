// drdb::l1::check against generated CloudFormation shapes: every rule, with its message and fix.
#include <doctest/doctest.h>

#include <string>

#include "check_helpers.hpp"
#include "drdb/l1/cfn/iam.hpp"
#include "drdb/l1/cfn/kms.hpp"
#include "drdb/l1/cfn/logs.hpp"
#include "drdb/l1/cfn/s3.hpp"

namespace {

using namespace drdb;
namespace cfn = drdb::l1::cfn;
using l1::testing::check_properties;
using l1::testing::kConstructPath;
using l1::testing::only;

Value bucket_with_versioning(Value status) {
  return Value::object({{"VersioningConfiguration", Value::object({{"Status", std::move(status)}})}});
}

TEST_CASE("check: a diagnostic names the construct, the property path and the fix") {
  auto d = only(check_properties(bucket_with_versioning("Enable"), cfn::s3::Bucket::shape()));
  CHECK(d.severity == Severity::Error);
  CHECK(d.path == kConstructPath);
  CHECK(d.message == "Properties.VersioningConfiguration.Status: \"Enable\" is not an allowed value");
  CHECK(d.fix == "did you mean Enabled? allowed: Enabled, Suspended");
}

TEST_CASE("check: missing required property") {
  cfn::s3::Bucket bucket{.versioning_configuration = cfn::s3::Bucket::VersioningConfiguration{}};
  auto d = only(check_properties(bucket.to_value(), cfn::s3::Bucket::shape()));
  CHECK(d.message == "Properties.VersioningConfiguration.Status: required property is missing");
  CHECK(d.fix == "set Status");
}

TEST_CASE("check: missing required property inside a list item") {
  Value tags = Value::list({Value::object({{"Key", "a"}, {"Value", "b"}}), Value::object({{"Key", "c"}})});
  auto d = only(check_properties(Value::object({{"Tags", tags}}), cfn::s3::Bucket::shape()));
  CHECK(d.message == "Properties.Tags[1].Value: required property is missing");
}

TEST_CASE("check: unknown property, with a suggestion when one is close") {
  auto d = only(check_properties(Value::object({{"BucketNme", "logs"}}), cfn::s3::Bucket::shape()));
  CHECK(d.message == "Properties.BucketNme: unknown property");
  CHECK(d.fix == "did you mean BucketName?");

  d = only(check_properties(Value::object({{"bucket_name", "logs"}}), cfn::s3::Bucket::shape()));
  CHECK(d.fix == "did you mean BucketName?");

  d = only(check_properties(Value::object({{"AliasName", "alias/a"}, {"TargetKeyId", "k"}, {"Zzzzzzzzzz", 1}}),
                            cfn::kms::Alias::shape()));
  CHECK(d.fix == "remove it; allowed: AliasName, TargetKeyId");
}

TEST_CASE("check: read-only properties cannot be set") {
  auto d = only(check_properties(Value::object({{"Arn", "arn:aws:s3:::x"}}), cfn::s3::Bucket::shape()));
  CHECK(d.message == "Properties.Arn: read-only property cannot be set");
}

TEST_CASE("check: wrong type") {
  auto d = only(check_properties(Value::object({{"AssumeRolePolicyDocument", Value::object({})}, {"MaxSessionDuration", "3600"}}),
                                 cfn::iam::Role::shape()));
  CHECK(d.message == "Properties.MaxSessionDuration: expected integer, got string");
  CHECK(d.fix == "give an integer");

  d = only(check_properties(Value::object({{"AssumeRolePolicyDocument", 5}}), cfn::iam::Role::shape()));
  CHECK(d.message == "Properties.AssumeRolePolicyDocument: expected string or object, got integer");

  d = only(check_properties(Value::object({{"AssumeRolePolicyDocument", "{}"}, {"Policies", Value::object({})}}),
                            cfn::iam::Role::shape()));
  CHECK(d.message == "Properties.Policies: expected array, got object");
}

TEST_CASE("check: enumerations of numbers") {
  auto shape = &cfn::logs::LogGroup::shape();
  CHECK(check_properties(Value::object({{"RetentionInDays", 14}}), *shape).empty());
  auto d = only(check_properties(Value::object({{"RetentionInDays", 2}}), *shape));
  CHECK(d.message == "Properties.RetentionInDays: 2 is not an allowed value");
  CHECK(d.fix.starts_with("allowed: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, ..."));
}

TEST_CASE("check: pattern") {
  const auto& shape = cfn::kms::Alias::shape();
  Value ok = Value::object({{"AliasName", "alias/etl"}, {"TargetKeyId", "k"}});
  CHECK(check_properties(ok, shape).empty());
  auto d = only(check_properties(Value::object({{"AliasName", "key/etl"}, {"TargetKeyId", "k"}}), shape));
  CHECK(d.message == "Properties.AliasName: \"key/etl\" does not match the pattern ^(alias/)[a-zA-Z0-9:/_-]+$");
  CHECK(d.fix == "use a value matching ^(alias/)[a-zA-Z0-9:/_-]+$");
}

TEST_CASE("check: integer range") {
  const auto& shape = cfn::iam::Role::shape();
  auto role = [](Value duration) {
    return Value::object({{"AssumeRolePolicyDocument", "{}"}, {"MaxSessionDuration", std::move(duration)}});
  };
  CHECK(check_properties(role(3600), shape).empty());
  CHECK(check_properties(role(43200), shape).empty());
  auto d = only(check_properties(role(60), shape));
  CHECK(d.message == "Properties.MaxSessionDuration: 60 is below the minimum 3600");
  CHECK(d.fix == "use 3600 to 43200");
  d = only(check_properties(role(43201), shape));
  CHECK(d.message == "Properties.MaxSessionDuration: 43201 is above the maximum 43200");
}

TEST_CASE("check: string length") {
  const auto& shape = cfn::iam::Role::shape();
  auto role = [](std::string name) { return Value::object({{"AssumeRolePolicyDocument", "{}"}, {"RoleName", std::move(name)}}); };
  CHECK(check_properties(role(std::string(64, 'r')), shape).empty());
  auto d = only(check_properties(role(std::string(65, 'r')), shape));
  CHECK(d.message == "Properties.RoleName: length 65 is above the maximum 64");
  CHECK(d.fix == "use 1 to 64 characters");
  auto found = check_properties(role(""), shape);  // the pattern wants one character too
  REQUIRE(found.size() == 2);
  CHECK(found[0].message == "Properties.RoleName: length 0 is below the minimum 1");
}

TEST_CASE("check: item counts") {
  const auto& shape = cfn::iam::InstanceProfile::shape();
  CHECK(check_properties(Value::object({{"Roles", Value::list({"r"})}}), shape).empty());
  auto d = only(check_properties(Value::object({{"Roles", Value::list({})}}), shape));
  CHECK(d.message == "Properties.Roles: 0 items, at least 1 allowed");
  CHECK(d.fix == "give 1 to 1 items");
  d = only(check_properties(Value::object({{"Roles", Value::list({"a", "b"})}}), shape));
  CHECK(d.message == "Properties.Roles: 2 items, at most 1 allowed");
}

TEST_CASE("check: every problem is reported, not just the first") {
  Value props = Value::object({{"AssumeRolePolicyDocument", "{}"},
                               {"MaxSessionDuration", 1},
                               {"RoleName", std::string(70, 'x')},
                               {"Pathh", "/"}});
  CHECK(check_properties(props, cfn::iam::Role::shape()).size() == 3);
}

TEST_CASE("check: expressions are accepted wherever a literal is checked") {
  const auto& shape = cfn::iam::Role::shape();
  Value props = Value::object({{"AssumeRolePolicyDocument", Value(Pseudo::Region)},
                               {"MaxSessionDuration", Value(Pseudo::AccountId)},
                               {"RoleName", Value(Join{"-", {Value(Pseudo::StackName), "role"}})},
                               {"Policies", Value(Pseudo::Region)}});
  CHECK(check_properties(props, shape).empty());

  // CloudFormation intrinsic functions written as raw objects, too.
  Value raw = Value::object({{"AssumeRolePolicyDocument", "{}"},
                             {"MaxSessionDuration", Value::object({{"Ref", "Duration"}})},
                             {"RoleName", Value::object({{"Fn::Sub", "${AWS::StackName}-role"}})}});
  CHECK(check_properties(raw, shape).empty());

  // A required property given as an expression is present.
  CHECK(check_properties(Value(Pseudo::Region), shape).empty());
}

TEST_CASE("check: null leaves a property unset") {
  const auto& shape = cfn::iam::Role::shape();
  CHECK(check_properties(Value::object({{"AssumeRolePolicyDocument", "{}"}, {"RoleName", nullptr}}), shape).empty());
  auto d = only(check_properties(Value::object({{"AssumeRolePolicyDocument", nullptr}}), shape));
  CHECK(d.message == "Properties.AssumeRolePolicyDocument: required property is null");
}

TEST_CASE("check: a property path given empty starts at the first key") {
  auto d = only(check_properties(bucket_with_versioning(1), cfn::s3::Bucket::shape(), ""));
  CHECK(d.message == "VersioningConfiguration.Status: expected string, got integer");
}

}  // namespace
