// Testing a stack the way a user would: synthesize it in memory, assert on the CloudFormation
// template and the Terraform module, and on what the policy rules find. Built and run by ctest
// (examples.testing); doctest is this test's choice, drdb's testing headers do not need it.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <drdb/testing/findings.hpp>
#include <drdb/testing/template.hpp>

#include "storage_stack.hpp"

using drdb::List;
using drdb::Value;
using drdb::testing::absent;
using drdb::testing::array_with;
using drdb::testing::Findings;
using drdb::testing::Template;

TEST_CASE("the data bucket is versioned, logged and not public") {
  drdb::App app;
  storage::build(app);
  const auto t = Template::cloudformation(app, "Storage");
  CHECK(t.resource_count("AWS::S3::Bucket") == 2);
  CHECK(t.has_resource("AWS::S3::Bucket",
                       Value::object({{"VersioningConfiguration", Value::object({{"Status", "Enabled"}})},
                                      {"LoggingConfiguration", Value::object({{"LogFilePrefix", "data/"}})},
                                      {"BucketName", absent()}})));
  CHECK(t.has_output("DataBucket", Value::object({{"Ref", "Data"}})));

  const auto tf = Template::terraform(app, "Storage");
  CHECK(tf.resource_count("aws_s3_bucket_versioning") == 1);
}

TEST_CASE("the reader may read reports only") {
  drdb::App app;
  storage::build(app);
  const auto t = Template::cloudformation(app, "Storage");
  const auto statement = Value::object({{"Action", "s3:GetObject"}, {"Effect", "Allow"}});
  CHECK(t.has_resource("AWS::IAM::Role",
                       Value::object({{"Policies", array_with({Value::object(
                                                       {{"PolicyDocument",
                                                         Value::object({{"Statement", array_with({statement})}})}})})}})));
}

TEST_CASE("the policy rules pass, and would catch a bucket opened to the public") {
  drdb::App app;
  storage::build(app);
  CHECK(Findings::of(app).passes());
  CHECK(Findings::of(app).silent("S3.4"));

  drdb::App careless;
  auto& stack = storage::build(careless);
  auto& open = stack.add<drdb::aws::s3::Bucket>("Website", {.block_public_access = false});
  const auto findings = Findings::of(careless);
  CHECK(findings.fires("S3.2", "Storage/Website"));
  CHECK_FALSE(findings.passes());

  open.suppress("S3.2", "public website content, reviewed");
  open.suppress("S3.4", "public website content, reviewed");
  CHECK(Findings::of(careless).passes());
  CHECK(Findings::of(careless).suppressed("S3.2", "Website"));
}
