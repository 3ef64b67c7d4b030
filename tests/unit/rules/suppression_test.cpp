#include "unit/rules/rules_fixture.hpp"

using namespace rules_test;

TEST_CASE("a suppression on a scope silences the rule in its whole subtree, and is reported with its uses") {
  Env env;
  auto& area = env.stack.add<Construct>("Scratch");
  area.add<aws::s3::Bucket>("A");
  area.add<aws::s3::Bucket>("B");
  area.suppress("S3.4", "scratch buckets hold nothing worth auditing");
  const auto f = env.findings();
  CHECK(f.silent("S3.4"));
  CHECK(f.suppressed("S3.4", "Scratch/A"));
  CHECK(f.suppressed("S3.4", "Scratch/B"));
  REQUIRE(f.report().suppressions.size() == 1);
  const auto& use = f.report().suppressions.front();
  CHECK(use.path == "App/S/Scratch");
  CHECK(use.uses == 2);
  CHECK(f.report().suppressed.front().suppressed_at == "App/S/Scratch");
  CHECK(f.report().suppressed.front().reason == "scratch buckets hold nothing worth auditing");
}

TEST_CASE("the nearest suppression wins, the app's applies to every stack") {
  Env env;
  auto& bucket = env.stack.add<aws::s3::Bucket>("Data");
  bucket.suppress("S3.4", "near");
  env.stack.suppress("S3.4", "far");
  env.app.suppress("S3.4", "everywhere");
  auto& other = env.app.add<Stack>("T");
  other.add<aws::s3::Bucket>("Other");
  const auto f = env.findings();
  CHECK(f.report().suppressed.size() == 2);
  for (const auto& s : f.report().suppressed)
    CHECK(s.reason == (s.finding.path == "App/S/Data" ? "near" : "everywhere"));
  CHECK(f.fires("RULES.1", "App/S"));  // "far" silences nothing
}

TEST_CASE("an unused suppression is a warning; a missing reason or an unknown rule is an error") {
  Env env;
  auto& bucket = env.stack.add<aws::s3::Bucket>("Data");
  bucket.suppress("S3.2", "public access is blocked anyway");
  auto f = env.findings();
  CHECK(f.fires("RULES.1", "Data"));
  CHECK(f.has_warning("RULES.1: suppression of S3.2 (\"public access is blocked anyway\") silences nothing"));
  CHECK(f.passes());

  Env bad;
  auto& quiet = bad.stack.add<aws::s3::Bucket>("Data");
  quiet.suppress("S3.4", "  ");
  quiet.suppress("S3.99", "typo");
  f = bad.findings();
  CHECK(f.fires("RULES.2", "Data"));
  CHECK(f.fires("RULES.3", "Data"));
  CHECK(f.fires("S3.4", "Data"));  // a suppression without a reason silences nothing
  CHECK_FALSE(f.passes());
}

TEST_CASE("a suppression of a pack that did not run is not reported unused") {
  Env env;
  env.stack.add<aws::s3::Bucket>("Data").suppress("S3.4", "not audited");
  env.stack.add<aws::kms::Key>("Key").suppress("KMS.1", "rotated by hand");
  SynthOptions options;
  options.rules = rules::parse_options("kms");
  const auto f = testing::Findings::of(env.app, options);
  CHECK(f.report().packs == std::vector<std::string>{"kms", "rules"});
  CHECK(f.silent("S3.4"));
  CHECK(f.fires("RULES.1", "Key"));
  CHECK_FALSE(f.fires("RULES.1", "Data"));
}
