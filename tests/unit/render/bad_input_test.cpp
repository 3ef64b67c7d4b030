// The model's bad inputs: each gets a diagnostic naming the construct and the fix, and nothing is
// rendered.
#include <doctest/doctest.h>

#include <drdb/drdb.hpp>

using namespace drdb;

namespace {

std::string errors_of(const App& app) { return validate(app).format(); }

bool contains(const std::string& haystack, std::string_view needle) { return haystack.find(needle) != std::string::npos; }

}  // namespace

TEST_CASE("invalid CIDRs are reported with the construct path and a fix") {
  App app;
  auto& stack = app.add<Stack>("S");
  auto& vpc = stack.add<aws::ec2::Vpc>("Network", {.cidr = "10.0.0.1/16"});
  vpc.add_subnet("Bad", {.cidr = "10.0.300.0/24"});
  const auto text = errors_of(app);
  CHECK(contains(text, "[App/S/Network] invalid VPC CIDR"));
  CHECK(contains(text, "host bits are set; the network address is 10.0.0.0/16"));
  CHECK(contains(text, "[App/S/Network/Bad] invalid subnet CIDR"));
  CHECK(contains(text, "each octet must be 0-255"));
  CHECK_THROWS_AS(synthesize(app), ValidationError);
}

TEST_CASE("subnets outside the VPC or overlapping each other are errors") {
  App app;
  auto& stack = app.add<Stack>("S");
  auto& vpc = stack.add<aws::ec2::Vpc>("Network", {.cidr = "10.0.0.0/16"});
  vpc.add_subnet("A", {.cidr = "10.0.0.0/24"});
  vpc.add_subnet("B", {.cidr = "10.0.0.128/25"});
  vpc.add_subnet("Outside", {.cidr = "10.1.0.0/24"});
  const auto text = errors_of(app);
  CHECK(contains(text, "[App/S/Network/B] subnet 10.0.0.128/25 overlaps App/S/Network/A (10.0.0.0/24)"));
  CHECK(contains(text, "[App/S/Network/Outside] subnet 10.1.0.0/24 is outside its VPC's range 10.0.0.0/16"));
}

TEST_CASE("a duplicate id is refused where it is added") {
  App app;
  auto& stack = app.add<Stack>("S");
  stack.add<aws::s3::Bucket>("Data");
  try {
    stack.add<aws::s3::Bucket>("Data");
    FAIL("expected a ValidationError");
  } catch (const ValidationError& e) {
    CHECK(contains(e.what(), "[App/S/Data] there is already a construct with id \"Data\" in App/S"));
  }
}

TEST_CASE("references to constructs of another app are reported; another stack's are imported") {
  App other;
  auto& other_stack = other.add<Stack>("Elsewhere");
  auto& foreign = other_stack.add<aws::s3::Bucket>("Foreign");

  App app;
  auto& s1 = app.add<Stack>("One");
  auto& s2 = app.add<Stack>("Two");
  auto& bucket = s1.add<aws::s3::Bucket>("Data");
  auto& role = s2.add<aws::iam::Role>("Reader", {.assumed_by = {aws::iam::Principal::service("ec2.amazonaws.com")}});
  bucket.grant_read(role);
  foreign.grant_read(role);
  const auto text = errors_of(app);
  CHECK_FALSE(contains(text, "App/One/Data"));  // tests/unit/render/cross_stack_test.cpp
  CHECK(contains(text, "dangling reference to App/Elsewhere/Foreign, which belongs to another app"));
}

TEST_CASE("a dependency cycle names every construct on it") {
  App app;
  auto& stack = app.add<Stack>("S");
  auto& a = stack.add<aws::s3::Bucket>("A");
  auto& b = stack.add<aws::s3::Bucket>("B");
  a.add_dependency(b);
  b.add_dependency(a);
  const auto text = errors_of(app);
  CHECK(contains(text, "dependency cycle: App/S/A → App/S/B → App/S/A"));
  CHECK(contains(text, "remove one of these references or dependencies"));
}

TEST_CASE("a wrong property type through an override is caught by the schema check") {
  App app;
  auto& stack = app.add<Stack>("S");
  auto& bucket = stack.add<aws::s3::Bucket>("Data");
  bucket.cfn_override("VersioningConfiguration.Status", 42);
  bucket.cfn_override("NoSuchProperty", "x");
  const auto text = errors_of(app);
  CHECK(contains(text, "[App/S/Data] Properties.VersioningConfiguration.Status"));
  CHECK(contains(text, "NoSuchProperty"));
}

TEST_CASE("invalid ports and unknown protocols are errors") {
  App app;
  auto& stack = app.add<Stack>("S");
  auto& vpc = stack.add<aws::ec2::Vpc>("Network");
  auto& sg = stack.add<aws::ec2::SecurityGroup>("Sg", {.description = "x", .vpc = &vpc});
  sg.add_ingress(aws::ec2::Peer::ipv4("10.0.0.0/8"), aws::ec2::Port::tcp(70000));
  sg.add_ingress(aws::ec2::Peer::ipv4("10.0.0.0/8"), {"tcpp", 1, 2});
  const auto text = errors_of(app);
  CHECK(contains(text, "[App/S/Sg] port range tcp 70000 is outside 0-65535"));
  CHECK(contains(text, "[App/S/Sg] unknown protocol \"tcpp\""));
}

TEST_CASE("wildcard actions need an explicit opt-in") {
  App app;
  auto& stack = app.add<Stack>("S");
  auto& role = stack.add<aws::iam::Role>("R", {.assumed_by = {aws::iam::Principal::service("ec2.amazonaws.com")}});
  role.add_to_policy({.actions = {"s3:*"}, .resources = {Str("*")}});
  CHECK(contains(errors_of(app), "[App/S/R] policy Default statement 1 uses the wildcard action \"s3:*\""));
}
