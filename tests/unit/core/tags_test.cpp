// Tag resolution in the model: every scope's tags, the nearest tag or removal winning; the same
// result in every target.
#include <doctest/doctest.h>

#include <drdb/drdb.hpp>
#include <drdb/testing/template.hpp>

using namespace drdb;
using drdb::testing::Template;
using Tags = std::map<std::string, std::string, std::less<>>;

TEST_CASE("effective tags: app, stack and constructs, the nearest scope wins") {
  App app;
  app.tag("owner", "platform");
  auto& stack = app.add<Stack>("S");
  stack.tag("env", "dev");
  stack.tag("owner", "data");
  auto& group = stack.add<Construct>("Group");
  group.tag("team", "etl");
  auto& bucket = group.add<aws::s3::Bucket>("Bucket");
  bucket.tag("env", "test");
  CHECK(effective_tags(app) == Tags{{"owner", "platform"}});
  CHECK(effective_tags(stack) == Tags{{"env", "dev"}, {"owner", "data"}});
  CHECK(effective_tags(bucket) == Tags{{"env", "test"}, {"owner", "data"}, {"team", "etl"}});
}

TEST_CASE("removing a tag keeps an inherited one off a subtree; a nearer scope may set it again") {
  App app;
  auto& stack = app.add<Stack>("S");
  stack.tag("env", "dev");
  stack.tag("cost-center", "42");
  auto& group = stack.add<Construct>("Group");
  group.remove_tag("cost-center");
  auto& inner = group.add<Construct>("Inner");
  auto& again = inner.add<Construct>("Again");
  again.tag("cost-center", "7");
  CHECK(effective_tags(group) == Tags{{"env", "dev"}});
  CHECK(effective_tags(inner) == Tags{{"env", "dev"}});
  CHECK(effective_tags(again) == Tags{{"cost-center", "7"}, {"env", "dev"}});

  // On one construct, the later call wins.
  auto& c = stack.add<Construct>("C");
  c.tag("env", "prod");
  c.remove_tag("env");
  CHECK(effective_tags(c) == Tags{{"cost-center", "42"}});
  c.tag("env", "prod");
  CHECK(effective_tags(c) == Tags{{"cost-center", "42"}, {"env", "prod"}});
  CHECK(c.removed_tags().empty());
}

TEST_CASE("a removed tag is absent from both targets") {
  App app;
  auto& stack = app.add<Stack>("S", {.region = "us-east-1"});
  stack.tag("env", "dev");
  stack.tag("legacy", "yes");
  auto& bucket = stack.add<aws::s3::Bucket>("Data");
  bucket.remove_tag("legacy");
  const auto cfn = Template::cloudformation(app, "S");
  CHECK(cfn.properties("AWS::S3::Bucket", "Data").as_object().at("Tags") ==
        Value(List{Value::object({{"Key", "env"}, {"Value", "dev"}})}));
  const auto tf = Template::terraform(app, "S");
  const auto& tags = tf.properties("aws_s3_bucket", "Data").as_object().at("tags").as_object();
  CHECK(tags.at("env") == Value("dev"));
  CHECK(tags.count("legacy") == 0);
}
