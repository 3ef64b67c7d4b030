// Lifecycle rules: rendering (CloudFormation rules, Terraform's separate configuration and its
// filter forms) and the rules S3 would refuse.
#include <doctest/doctest.h>

#include "unit/aws/iam/rendered.hpp"

using namespace drdb;
using drdb::aws::s3::Bucket;
using drdb::aws::s3::LifecycleRule;
using drdb::aws::s3::StorageClass;
using drdb::test::contains;
using nlohmann::json;

namespace {

std::string problems(std::vector<LifecycleRule> rules, bool versioned = true) {
  App app;
  auto& s = app.add<Stack>("S");
  s.add<Bucket>("B", {.versioned = versioned, .lifecycle_rules = std::move(rules)});
  return test::diagnostics_of(app);
}

}  // namespace

TEST_CASE("lifecycle rules render to both targets") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& bucket = s.add<Bucket>("Data", {.versioned = true,
                                        .lifecycle_rules = {{.id = "archive",
                                                             .prefix = "raw/",
                                                             .expiration_days = 365,
                                                             .transitions = {{StorageClass::StandardIa, 30}, {StorageClass::Glacier, 90}},
                                                             .noncurrent_version_expiration_days = 30,
                                                             .noncurrent_version_transitions = {{StorageClass::GlacierInstantRetrieval, 7}}}}});
  bucket.add_lifecycle_rule({.id = "uploads", .abort_incomplete_multipart_upload_days = 7});
  bucket.add_lifecycle_rule({.id = "tmp", .enabled = false, .tags = {{"kind", "tmp"}}, .expiration_days = 1});
  bucket.add_lifecycle_rule({.id = "scratch", .prefix = "scratch/", .tags = {{"a", "1"}, {"b", "2"}}, .expiration_days = 3});
  const auto r = test::render(app);
  CHECK(r.props("Data")["LifecycleConfiguration"]["Rules"] == json::parse(R"([
    {"Id": "archive", "Status": "Enabled", "Prefix": "raw/", "ExpirationInDays": 365,
     "Transitions": [{"StorageClass": "STANDARD_IA", "TransitionInDays": 30}, {"StorageClass": "GLACIER", "TransitionInDays": 90}],
     "NoncurrentVersionExpiration": {"NoncurrentDays": 30},
     "NoncurrentVersionTransitions": [{"StorageClass": "GLACIER_IR", "TransitionInDays": 7}]},
    {"Id": "uploads", "Status": "Enabled", "AbortIncompleteMultipartUpload": {"DaysAfterInitiation": 7}},
    {"Id": "tmp", "Status": "Disabled", "TagFilters": [{"Key": "kind", "Value": "tmp"}], "ExpirationInDays": 1},
    {"Id": "scratch", "Status": "Enabled", "Prefix": "scratch/", "ExpirationInDays": 3,
     "TagFilters": [{"Key": "a", "Value": "1"}, {"Key": "b", "Value": "2"}]}])"));
  const auto& tf = r.body("aws_s3_bucket_lifecycle_configuration", "Data");
  CHECK(tf["bucket"] == "${aws_s3_bucket.Data.bucket}");
  CHECK(tf["rule"] == json::parse(R"([
    {"id": "archive", "status": "Enabled", "filter": [{"prefix": "raw/"}], "expiration": [{"days": 365}],
     "transition": [{"days": 30, "storage_class": "STANDARD_IA"}, {"days": 90, "storage_class": "GLACIER"}],
     "noncurrent_version_expiration": [{"noncurrent_days": 30}],
     "noncurrent_version_transition": [{"noncurrent_days": 7, "storage_class": "GLACIER_IR"}]},
    {"id": "uploads", "status": "Enabled", "filter": [{}], "abort_incomplete_multipart_upload": [{"days_after_initiation": 7}]},
    {"id": "tmp", "status": "Disabled", "filter": [{"tag": [{"key": "kind", "value": "tmp"}]}], "expiration": [{"days": 1}]},
    {"id": "scratch", "status": "Enabled", "filter": [{"and": [{"prefix": "scratch/", "tags": {"a": "1", "b": "2"}}]}],
     "expiration": [{"days": 3}]}])"));
}

TEST_CASE("a rule needs an id, a unique one, and an action") {
  const auto text = problems({{.prefix = "a/", .expiration_days = 1}, {.id = "x", .expiration_days = 1}, {.id = "x"}});
  CHECK(contains(text, "[App/S/B] lifecycle rule 1 has no id — set .id"));
  CHECK(contains(text, "[App/S/B] lifecycle rule \"x\" has no action — set an expiration, a transition or abort_incomplete_multipart_upload_days"));
  CHECK(contains(text, "[App/S/B] two lifecycle rules have the id \"x\" — give each rule its own id"));
}

TEST_CASE("lifecycle days: positive, after the 30-day minimum for infrequent access, expiration after transitions") {
  const auto text = problems({{.id = "zero", .expiration_days = 0, .noncurrent_version_expiration_days = 0,
                               .abort_incomplete_multipart_upload_days = 0},
                              {.id = "early", .transitions = {{StorageClass::StandardIa, 10}}},
                              {.id = "negative", .transitions = {{StorageClass::Glacier, -1}}},
                              {.id = "order", .expiration_days = 60, .transitions = {{StorageClass::Glacier, 30}, {StorageClass::StandardIa, 90}}},
                              {.id = "twice", .transitions = {{StorageClass::Glacier, 30}, {StorageClass::Glacier, 60}}},
                              {.id = "sameday", .transitions = {{StorageClass::GlacierInstantRetrieval, 30}, {StorageClass::Glacier, 30}}},
                              {.id = "noncurrent", .noncurrent_version_transitions = {{StorageClass::OneZoneIa, 0}}}});
  CHECK(contains(text, "lifecycle rule \"zero\" expiration is 0 days — use at least 1 day"));
  CHECK(contains(text, "lifecycle rule \"zero\" noncurrent version expiration is 0 days"));
  CHECK(contains(text, "lifecycle rule \"zero\" abort of incomplete multipart uploads is 0 days"));
  CHECK(contains(text, "lifecycle rule \"early\" transition to STANDARD_IA after 10 days is too early — S3 keeps objects 30 days before STANDARD_IA or ONEZONE_IA"));
  CHECK(contains(text, "lifecycle rule \"negative\" transition to GLACIER is -1 days — use at least 0 days"));
  CHECK(contains(text, "lifecycle rule \"order\" transition to STANDARD_IA comes after one to GLACIER, which S3 cannot transition back from"));
  CHECK(contains(text, "lifecycle rule \"order\" expires after 60 days, not after its transition to STANDARD_IA (90 days)"));
  CHECK(contains(text, "lifecycle rule \"twice\" has two transitions to GLACIER — keep one per storage class"));
  CHECK(contains(text, "lifecycle rule \"sameday\" transitions to GLACIER_IR and GLACIER are on the same day"));
  CHECK(contains(text, "lifecycle rule \"noncurrent\" noncurrent version transition to ONEZONE_IA is 0 days — use at least 1 days"));
}

TEST_CASE("aborting uploads cannot filter on tags; noncurrent actions on an unversioned bucket warn") {
  App app;
  auto& s = app.add<Stack>("S");
  s.add<Bucket>("B", {.lifecycle_rules = {{.id = "tagged", .tags = {{"k", "v"}}, .abort_incomplete_multipart_upload_days = 7},
                                          {.id = "old", .prefix = "/logs", .noncurrent_version_expiration_days = 30}}});
  const auto d = validate(app);
  const auto text = d.format();
  CHECK(contains(text, "lifecycle rule \"tagged\" aborts incomplete multipart uploads but filters on tags, which uploads do not have"));
  CHECK(contains(text, "lifecycle rule \"old\" acts on noncurrent versions, but the bucket is not versioned"));
  CHECK(contains(text, "lifecycle rule \"old\" prefix \"/logs\" starts with '/'"));
  CHECK(d.error_count() == 1);
}
