// What CloudFormation or EC2 would refuse at deploy time, refused at synth: a stack description
// over CloudFormation's limit, a parameter default its own constraints reject (without echoing a
// NoEcho default), a security group name EC2 reserves.
#include <doctest/doctest.h>

#include "unit/aws/iam/rendered.hpp"

using namespace drdb;
using drdb::test::contains;

TEST_CASE("a stack description over 1,024 characters is an error") {
  App app;
  app.add<Stack>("Fits", {.description = std::string(1024, 'd')});
  app.add<Stack>("TooLong", {.description = std::string(1025, 'd')});
  const auto text = test::diagnostics_of(app);
  CHECK(!contains(text, "[App/Fits] the stack description"));
  CHECK(contains(text, "[App/TooLong] the stack description is 1025 characters; CloudFormation takes at most 1,024"));
}

TEST_CASE("a parameter default its own constraints refuse is an error") {
  App app;
  auto& s = app.add<Stack>("S");
  s.add<Parameter>("Fine", {.default_value = Value("dev"), .allowed_values = {"dev", "prod"}, .allowed_pattern = "[a-z]+",
                            .min_length = 3, .max_length = 4});
  s.add<Parameter>("NotAllowed", {.default_value = Value("qa"), .allowed_values = {"dev", "prod"}});
  s.add<Parameter>("NoMatch", {.default_value = Value("Dev"), .allowed_pattern = "^[a-z]+$"});
  s.add<Parameter>("Short", {.default_value = Value("ab"), .min_length = 3});
  s.add<Parameter>("Long", {.default_value = Value("abcde"), .max_length = 4});
  s.add<Parameter>("Low", {.type = ParameterType::Number, .default_value = Value(std::int64_t{1}), .min_value = 2});
  s.add<Parameter>("High", {.type = ParameterType::Number, .default_value = Value(2.5), .max_value = 2});
  s.add<Parameter>("Secret", {.default_value = Value("hunter2"), .allowed_values = {"x"}, .no_echo = true});
  const auto text = test::diagnostics_of(app);
  CHECK(!contains(text, "[App/S/Fine]"));
  CHECK(contains(text, "the default \"qa\" is not one of the allowed values"));
  CHECK(contains(text, "the default \"Dev\" does not match allowed_pattern ^[a-z]+$"));
  CHECK(contains(text, "the default \"ab\" is shorter than min_length 3"));
  CHECK(contains(text, "the default \"abcde\" is longer than max_length 4"));
  CHECK(contains(text, "[App/S/Low] the default is below min_value"));
  CHECK(contains(text, "[App/S/High] the default is above max_value"));
  CHECK(contains(text, "[App/S/Secret] the default is not one of the allowed values"));
  CHECK(!contains(text, "hunter2"));
}

TEST_CASE("a security group named like a group id is an error") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& vpc = s.add<aws::ec2::Vpc>("Vpc", {.cidr = "10.0.0.0/16"});
  s.add<aws::ec2::SecurityGroup>("Reserved", {.description = "d", .vpc = &vpc, .group_name = "sg-emr"});
  s.add<aws::ec2::SecurityGroup>("Named", {.description = "d", .vpc = &vpc, .group_name = "emr-primary"});
  const auto text = test::diagnostics_of(app);
  CHECK(contains(text, "[App/S/Reserved] security group name \"sg-emr\" starts with \"sg-\""));
  CHECK(!contains(text, "[App/S/Named]"));
}
