#include <doctest/doctest.h>

#include <drdb/drdb.hpp>

using namespace drdb;

namespace {
void add_roles(Stack& s, int n) {
  for (int i = 0; i < n; ++i)
    s.add<aws::iam::Role>("Role" + std::to_string(i), {.assumed_by = {aws::iam::Principal::service("ec2.amazonaws.com")}});
}
}  // namespace

TEST_CASE("a stack over 500 resources is an error before anything is rendered") {
  App app;
  auto& s = app.add<Stack>("Big");
  add_roles(s, 501);
  try {
    synthesize(app);
    FAIL("expected a ValidationError");
  } catch (const ValidationError& e) {
    CHECK(std::string(e.what()).find("[App/Big] the stack has 501 CloudFormation resources; the limit is 500 — split it") !=
          std::string::npos);
  }
  App ok;
  add_roles(ok.add<Stack>("Fits"), 500);
  CHECK_FALSE(validate(ok).has_errors());
}

TEST_CASE("a template above 51,200 bytes is no problem of the model: it deploys through S3") {
  App app;
  add_roles(app.add<Stack>("Large"), 200);
  Diagnostics warnings;
  const auto documents = synthesize(app, {.formats = {Format::CloudFormationJson}}, &warnings);
  REQUIRE(documents.front().content.size() > 51'200);
  CHECK(warnings.format() == "");
}
