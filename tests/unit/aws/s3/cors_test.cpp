// CORS rules of S3 buckets: CloudFormation's CorsConfiguration, Terraform's
// aws_s3_bucket_cors_configuration, and validation.
#include <doctest/doctest.h>

#include "unit/aws/iam/rendered.hpp"

using namespace drdb;
using drdb::aws::s3::Bucket;
using drdb::aws::s3::CorsRule;
using drdb::test::contains;
using nlohmann::json;

TEST_CASE("bucket CORS rules in both targets") {
  App app;
  auto& s = app.add<Stack>("S");
  s.add<Bucket>("Uploads", {.cors_rules = {{.id = "FrontEnd",
                                            .allowed_origins = {"https://app.example.com"},
                                            .allowed_methods = {"PUT", "GET"},
                                            .allowed_headers = {"Content-Type"},
                                            .exposed_headers = {"ETag"},
                                            .max_age_seconds = 3000},
                                           {.allowed_origins = {"https://*.example.com"}, .allowed_methods = {"HEAD"}}}});
  s.add<Bucket>("Closed");
  const auto r = test::render(app);
  CHECK(r.props("Uploads")["CorsConfiguration"] == json::parse(R"({"CorsRules": [
    {"Id": "FrontEnd", "AllowedOrigins": ["https://app.example.com"], "AllowedMethods": ["PUT", "GET"],
     "AllowedHeaders": ["Content-Type"], "ExposedHeaders": ["ETag"], "MaxAge": 3000},
    {"AllowedOrigins": ["https://*.example.com"], "AllowedMethods": ["HEAD"]}]})"));
  CHECK(!r.props("Closed").contains("CorsConfiguration"));

  const auto& cors = r.tf["resource"]["aws_s3_bucket_cors_configuration"];
  REQUIRE(cors.size() == 1);
  const auto& body = cors.begin().value();
  CHECK(body["bucket"] == "${aws_s3_bucket.Uploads.bucket}");
  CHECK(body["cors_rule"] == json::parse(R"([
    {"id": "FrontEnd", "allowed_origins": ["https://app.example.com"], "allowed_methods": ["PUT", "GET"],
     "allowed_headers": ["Content-Type"], "expose_headers": ["ETag"], "max_age_seconds": 3000},
    {"allowed_origins": ["https://*.example.com"], "allowed_methods": ["HEAD"]}])"));
  CHECK(test::diagnostics_of(app) == "");
}

TEST_CASE("bucket CORS validation") {
  App app;
  auto& s = app.add<Stack>("S");
  s.add<Bucket>("Bad", {.cors_rules = {{.id = "A"},
                                       {.id = "A", .allowed_origins = {"app.example.com", "https://*.*.example.com", "https://x/"},
                                        .allowed_methods = {"PATCH"}, .allowed_headers = {"x-*-*"}, .max_age_seconds = -1}}});
  s.add<Bucket>("Open", {.cors_rules = {{.allowed_origins = {"*"}, .allowed_methods = {"GET"}}}});
  s.add<Bucket>("Many", {.cors_rules = std::vector<CorsRule>(101, CorsRule{.allowed_origins = {"https://a.example"}, .allowed_methods = {"GET"}})});
  const auto text = test::diagnostics_of(app);
  CHECK(contains(text, "[App/S/Bad] CORS rule 1 \"A\": the rule has no allowed_origins"));
  CHECK(contains(text, "[App/S/Bad] CORS rule 1 \"A\": the rule has no allowed_methods"));
  CHECK(contains(text, "[App/S/Bad] CORS rule id \"A\" is used twice"));
  CHECK(contains(text, "CORS rule 2 \"A\": allowed origin \"app.example.com\" is not an origin"));
  CHECK(contains(text, "allowed origin \"https://*.*.example.com\" has more than one \"*\""));
  CHECK(contains(text, "allowed origin \"https://x/\" is not an origin"));
  CHECK(contains(text, "allowed method \"PATCH\" is not one S3 knows"));
  CHECK(contains(text, "allowed header \"x-*-*\" has more than one \"*\""));
  CHECK(contains(text, "max_age_seconds is negative"));
  CHECK(contains(text, "warning: [App/S/Open] CORS rule 1: allowed origin \"*\" lets any web site send requests"));
  CHECK(contains(text, "[App/S/Many] the bucket has more than 100 CORS rules"));
}
