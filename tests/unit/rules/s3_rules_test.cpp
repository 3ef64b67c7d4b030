#include <drdb/l1/cfn/s3.hpp>

#include "unit/rules/rules_fixture.hpp"

using namespace rules_test;

TEST_CASE("S3 rules are silent on a bucket with the defaults and access logs") {
  Env env;
  auto& logs = env.stack.add<aws::s3::Bucket>("Logs");
  env.stack.add<aws::s3::Bucket>("Data", {.access_logs_bucket = &logs, .access_logs_prefix = "data/"});
  const auto f = env.findings();
  for (auto rule : {"S3.1", "S3.2", "S3.3", "S3.4"}) CHECK(f.silent(rule));
}

TEST_CASE("S3.1 fires on escape-hatch buckets without encryption and on overrides removing it") {
  Env env;
  auto& raw = env.stack.add<L1<l1::cfn::s3::Bucket>>("Raw", {});
  fires_and_is_suppressible(env, raw, "S3.1");

  l1::cfn::s3::Bucket encrypted;
  encrypted.bucket_encryption = l1::cfn::s3::Bucket::BucketEncryption{};
  env.stack.add<L1<l1::cfn::s3::Bucket>>("Encrypted", encrypted);
  CHECK_FALSE(env.findings().fires("S3.1", "Encrypted"));

  auto& typed = env.stack.add<aws::s3::Bucket>("Typed");
  typed.cfn_override("BucketEncryption", Value());
  fires_and_is_suppressible(env, typed, "S3.1");
}

TEST_CASE("S3.2 fires when public access is not blocked") {
  Env env;
  auto& open = env.stack.add<aws::s3::Bucket>("Open", {.block_public_access = false});
  fires_and_is_suppressible(env, open, "S3.2");
  auto& raw = env.stack.add<L1<l1::cfn::s3::Bucket>>("Raw", {});
  CHECK(env.findings().fires("S3.2", "Raw"));
  env.stack.add<aws::s3::Bucket>("Closed");
  CHECK_FALSE(env.findings().fires("S3.2", "Closed"));
  (void)raw;
}

TEST_CASE("S3.3 fires on a bucket accepting plain HTTP") {
  Env env;
  auto& plain = env.stack.add<aws::s3::Bucket>("Plain", {.enforce_ssl = false});
  fires_and_is_suppressible(env, plain, "S3.3");
  env.stack.add<aws::s3::Bucket>("Tls");
  CHECK_FALSE(env.findings().fires("S3.3", "Tls"));
}

TEST_CASE("S3.4 fires on buckets without access logs, not on the bucket receiving them") {
  Env env;
  auto& lonely = env.stack.add<aws::s3::Bucket>("Lonely");
  fires_and_is_suppressible(env, lonely, "S3.4");
  auto& logs = env.stack.add<aws::s3::Bucket>("Logs");
  env.stack.add<aws::s3::Bucket>("Data", {.access_logs_bucket = &logs});
  const auto f = env.findings();
  CHECK_FALSE(f.fires("S3.4", "Logs"));
  CHECK_FALSE(f.fires("S3.4", "Data"));
  CHECK(f.report().findings.size() == 0);
}
