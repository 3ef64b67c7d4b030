// The user story of the rule pack: an open SSH group, an unencrypted bucket and a wildcard policy.
#include <drdb/l1/cfn/s3.hpp>

#include "unit/rules/rules_fixture.hpp"

using namespace rules_test;

namespace {

struct Story : Env {
  aws::ec2::Vpc& vpc = stack.add<aws::ec2::Vpc>("Network", {.cidr = "10.20.0.0/16"});
  aws::ec2::SecurityGroup& bastion = stack.add<aws::ec2::SecurityGroup>("Bastion", {.description = "bastion", .vpc = &vpc});
  RawResource& bucket = stack.add<RawResource>(
      "Uploads", {.cloudformation = RawResource::Definition{"AWS::S3::Bucket", uploads().to_value()},
                  .terraform = RawResource::Definition{"aws_s3_bucket", Value::object({})}});
  aws::iam::Role& role = stack.add<aws::iam::Role>("Worker", {.assumed_by = {aws::iam::Principal::service("ec2.amazonaws.com")}});

  Story() {
    bastion.add_ingress(aws::ec2::Peer::any_ipv4(), aws::ec2::Port::tcp(22), "ssh");
    role.add_to_policy({.actions = {"s3:GetObject"}, .resources = {Str("*")}});
  }

  // Private, but not encrypted.
  static l1::cfn::s3::Bucket uploads() {
    l1::cfn::s3::Bucket b;
    b.public_access_block_configuration = l1::cfn::s3::Bucket::PublicAccessBlockConfiguration{
        .block_public_acls = true, .block_public_policy = true, .ignore_public_acls = true, .restrict_public_buckets = true};
    return b;
  }
};

}  // namespace

TEST_CASE("validate fails with three findings naming the constructs and the fixes") {
  Story story;
  const auto f = story.findings();
  REQUIRE(f.report().findings.size() == 3);
  CHECK(f.fires("EC2.1", "App/S/Bastion"));
  CHECK(f.fires("S3.1", "App/S/Uploads"));
  CHECK(f.fires("IAM.2", "App/S/Worker"));
  CHECK_FALSE(f.passes());
  CHECK(f.diagnostics().error_count() == 3);
  CHECK(f.has_error("allow port 22 only from your network's CIDR"));
  CHECK(f.has_error("set BucketEncryption"));
  CHECK(f.has_error("name the ARNs the actions apply to"));
  // synth refuses before rendering anything
  SynthOptions options;
  options.rules = rules::Options{};
  CHECK_THROWS_AS(synthesize(story.app, options), ValidationError);
}

TEST_CASE("fixing two and suppressing the third with a reason passes, with the suppression in the report") {
  Story story;
  story.bastion.suppress("EC2.1", "bastion host; access is limited by the network ACL of the public subnet");
  auto f = story.findings();
  CHECK(f.report().findings.size() == 2);  // one suppressed, two to go
  CHECK_FALSE(f.passes());

  Story fixed;
  fixed.bastion.suppress("EC2.1", "bastion host; access is limited by the network ACL of the public subnet");
  fixed.bucket.suppress("S3.1", "uploads are encrypted client-side before they arrive");
  fixed.role.suppress("IAM.2", "reads objects of buckets named at run time");
  f = fixed.findings();
  CHECK(f.passes());
  CHECK(f.report().findings.empty());
  CHECK(f.suppressed("EC2.1", "Bastion"));
  CHECK(f.report().json().find("\"reason\": \"bastion host; access is limited") != std::string::npos);
  SynthOptions options;
  options.rules = rules::Options{};
  CHECK_NOTHROW(synthesize(fixed.app, options));
}
