#include <doctest/doctest.h>

#include <drdb/drdb.hpp>

using namespace drdb;

namespace {

// What synthesis says deploying the one stack of `app` must acknowledge.
std::vector<std::string> capabilities(const App& app) {
  const auto synthesis = synthesize_app(app, {.formats = {Format::CloudFormationJson}});
  REQUIRE(synthesis.stacks.size() == 1);
  return synthesis.stacks.front().capabilities;
}

const aws::iam::Principal ec2 = aws::iam::Principal::service("ec2.amazonaws.com");

}  // namespace

TEST_CASE("a stack without IAM resources needs no capability") {
  App app;
  app.add<Stack>("S").add<aws::sqs::Queue>("Jobs");
  CHECK(capabilities(app).empty());
}

TEST_CASE("IAM resources with generated names need CAPABILITY_IAM") {
  App app;
  app.add<Stack>("S").add<aws::iam::Role>("Worker", {.assumed_by = {ec2}});
  CHECK(capabilities(app) == std::vector<std::string>{"CAPABILITY_IAM"});
}

TEST_CASE("an IAM resource with a custom name needs CAPABILITY_NAMED_IAM, which implies CAPABILITY_IAM") {
  App app;
  auto& s = app.add<Stack>("S");
  s.add<aws::iam::Role>("Worker", {.assumed_by = {ec2}});
  s.add<aws::iam::Role>("Named", {.assumed_by = {ec2}, .role_name = "etl-worker"});
  CHECK(capabilities(app) == std::vector<std::string>{"CAPABILITY_NAMED_IAM"});
}

TEST_CASE("without CloudFormation output there is nothing to acknowledge") {
  App app;
  app.add<Stack>("S").add<aws::iam::Role>("Worker", {.assumed_by = {ec2}});
  const auto synthesis = synthesize_app(app, {.formats = {Format::Terraform}});
  CHECK(synthesis.stacks.front().capabilities.empty());
}
