#include <doctest/doctest.h>

#include <drdb/drdb.hpp>
#include <drdb/testing/template.hpp>

using namespace drdb;
using testing::absent;
using testing::any_value;
using testing::array_with;
using testing::Template;

namespace {

App& platform(App& app) {
  auto& s = app.add<Stack>("S");
  s.tag("team", "data");
  auto& bucket = s.add<aws::s3::Bucket>("Data", {.versioned = true});
  s.add<Output>("BucketName", {.value = bucket.bucket_name().value()});
  return app;
}

}  // namespace

TEST_CASE("partial patterns match resources of a CloudFormation template") {
  App app;
  const auto t = Template::cloudformation(platform(app), "S");
  CHECK(t.resource_count("AWS::S3::Bucket") == 1);
  CHECK(t.resource_count("AWS::S3::BucketPolicy") == 1);
  CHECK(t.has_resource("AWS::S3::Bucket", Value::object({{"VersioningConfiguration", Value::object({{"Status", "Enabled"}})}})));
  CHECK(t.has_resource("AWS::S3::Bucket", Value::object({{"Tags", array_with({Value::object({{"Key", "team"}, {"Value", "data"}})})},
                                                          {"BucketName", absent()},
                                                          {"BucketEncryption", any_value()}})));
  CHECK(t.has_output("BucketName", Value::object({{"Ref", "Data"}})));

  const auto miss = t.has_resource("AWS::S3::Bucket", Value::object({{"VersioningConfiguration", Value::object({{"Status", "Suspended"}})}}));
  CHECK_FALSE(miss);
  CHECK(miss.why().find("VersioningConfiguration.Status: expected \"Suspended\", got \"Enabled\"") != std::string::npos);
  CHECK_FALSE(t.has_resource("AWS::SQS::Queue", Value::object({})));
}

TEST_CASE("the same assertions work on the Terraform module") {
  App app;
  const auto t = Template::terraform(platform(app), "S");
  CHECK(t.resource_count("aws_s3_bucket") == 1);
  CHECK(t.all_resources("aws_s3_bucket_public_access_block",
                        Value::object({{"block_public_acls", true}, {"restrict_public_buckets", true}})));
  CHECK(t.has_resource("aws_s3_bucket_versioning",
                       Value::object({{"versioning_configuration", Value::list({Value::object({{"status", "Enabled"}})})}})));
  CHECK(t.has_output("BucketName", "${aws_s3_bucket.Data.bucket}"));
}

TEST_CASE("an invalid model throws like synth does") {
  App app;
  app.add<Stack>("S").add<aws::ec2::Vpc>("Network", {.cidr = "bad"});
  CHECK_THROWS_AS(Template::cloudformation(app, "S"), ValidationError);
}
