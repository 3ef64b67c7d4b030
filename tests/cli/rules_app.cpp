// The policy-rule story as a user's app: an SSH group open to the internet, an unencrypted bucket
// and a role reading every object of the account. DRDB_STORY=fixed fixes the bucket and the
// policy and suppresses the SSH finding with a reason. Driven by the rules cases of cli_test.sh.
#include <cstdlib>
#include <string>

#include <drdb/drdb.hpp>
#include <drdb/l1/cfn/s3.hpp>

namespace {

void build(drdb::App& app) {
  using namespace drdb;
  const char* story = std::getenv("DRDB_STORY");
  const bool fixed = story != nullptr && std::string(story) == "fixed";

  auto& stack = app.add<Stack>("Story", {.region = "us-east-1"});
  auto& vpc = stack.add<aws::ec2::Vpc>("Network", {.cidr = "10.20.0.0/16"});
  auto& bastion = stack.add<aws::ec2::SecurityGroup>("Bastion", {.description = "bastion host", .vpc = &vpc});
  bastion.add_ingress(aws::ec2::Peer::any_ipv4(), aws::ec2::Port::tcp(22), "ssh");
  auto& role = stack.add<aws::iam::Role>("Worker", {.assumed_by = {aws::iam::Principal::service("ec2.amazonaws.com")}});
  if (fixed) {
    bastion.suppress("EC2.1", "bastion host; the public subnet's network ACL admits the office range only");
    auto& uploads = stack.add<aws::s3::Bucket>("Uploads");
    uploads.grant_read(role, "incoming/*");
    return;
  }
  l1::cfn::s3::Bucket uploads;
  uploads.public_access_block_configuration = l1::cfn::s3::Bucket::PublicAccessBlockConfiguration{
      .block_public_acls = true, .block_public_policy = true, .ignore_public_acls = true, .restrict_public_buckets = true};
  stack.add<RawResource>("Uploads", {.cloudformation = RawResource::Definition{"AWS::S3::Bucket", uploads.to_value()},
                                     .terraform = RawResource::Definition{"aws_s3_bucket", Value::object({})}});
  role.add_to_policy({.actions = {"s3:GetObject"}, .resources = {Str("*")}});
}

}  // namespace

int main(int argc, char** argv) { return drdb::run(argc, argv, build); }
