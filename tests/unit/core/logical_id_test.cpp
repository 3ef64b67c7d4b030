#include <doctest/doctest.h>

#include <drdb/drdb.hpp>

#include "core/md5.hpp"

using namespace drdb;

TEST_CASE("md5 matches RFC 1321 test vectors") {
  CHECK(detail::md5_hex("") == "d41d8cd98f00b204e9800998ecf8427e");
  CHECK(detail::md5_hex("abc") == "900150983cd24fb0d6963f7d28e17f72");
  CHECK(detail::md5_hex("12345678901234567890123456789012345678901234567890123456789012345678901234567890") ==
        "57edf4a22be3c955ac49da2e2107b67a");
}

TEST_CASE("logical ids follow CDK's rules") {
  CHECK(make_logical_id({"Bucket"}) == "Bucket");
  CHECK(make_logical_id({"My-Bucket_1"}) == "MyBucket1");
  // Same as AWS CDK for the path "Network/PrivateSubnet1" (md5 of the joined path, 8 hex, upper).
  const auto md5 = detail::md5_hex("Network/PrivateSubnet1").substr(0, 8);
  std::string upper;
  for (char c : md5) upper.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  CHECK(make_logical_id({"Network", "PrivateSubnet1"}) == "NetworkPrivateSubnet1" + upper);
  // "Resource" is hidden from the readable part but still hashed; "Default" is dropped entirely.
  CHECK(make_logical_id({"Bucket", "Resource"}).starts_with("Bucket"));
  CHECK(make_logical_id({"Bucket", "Resource"}) != make_logical_id({"Bucket"}));
  CHECK(make_logical_id({"Default", "Bucket"}) == "Bucket");
  CHECK(make_logical_id({"A", "Default", "B"}) == make_logical_id({"A", "B"}));
  // Consecutive duplicates read once.
  CHECK(make_logical_id({"Bucket", "Bucket"}).substr(0, 6) == "Bucket");
  CHECK(make_logical_id({"Bucket", "Bucket"}).size() == 6 + 8);
}

namespace {
struct Group : Construct {
  using Construct::Construct;
};
}  // namespace

TEST_CASE("wrapping a construct under Default keeps its logical id") {
  App a1;
  auto& s1 = a1.add<Stack>("S");
  auto& g1 = s1.add<Group>("Storage");
  auto& b1 = g1.add<aws::s3::Bucket>("Data");

  App a2;
  auto& s2 = a2.add<Stack>("S");
  auto& g2 = s2.add<Group>("Storage");
  auto& wrapper = g2.add<Group>("Default");
  auto& b2 = wrapper.add<aws::s3::Bucket>("Data");

  CHECK(logical_id(b1) == logical_id(b2));
  CHECK(logical_id(b1.policy()) == logical_id(b2.policy()));
}

TEST_CASE("adding siblings changes no existing logical id") {
  App app;
  auto& stack = app.add<Stack>("S");
  auto& vpc = stack.add<aws::ec2::Vpc>("Network", {.cidr = "10.0.0.0/16"});
  auto& subnet = vpc.add_subnet("Private1", {.cidr = "10.0.0.0/24"});
  const auto vpc_id = logical_id(vpc);
  const auto subnet_id = logical_id(subnet);
  vpc.add_subnet("Private2", {.cidr = "10.0.1.0/24"});
  stack.add<aws::s3::Bucket>("Data");
  stack.add<aws::ec2::Vpc>("Other", {.cidr = "10.1.0.0/16"});
  CHECK(logical_id(vpc) == vpc_id);
  CHECK(logical_id(subnet) == subnet_id);
}

TEST_CASE("override and renamed_from keep ids stable") {
  App app;
  auto& stack = app.add<Stack>("S");
  auto& bucket = stack.add<aws::s3::Bucket>("Data");
  bucket.override_logical_id("LegacyBucket");
  CHECK(logical_id(bucket) == "LegacyBucket");

  // A subtree moved from S/Network to S/Platform/Network keeps its ids.
  App before;
  auto& sb = before.add<Stack>("S");
  auto& vpc_before = sb.add<aws::ec2::Vpc>("Network", {.cidr = "10.0.0.0/16"});
  auto& subnet_before = vpc_before.add_subnet("Private1", {.cidr = "10.0.0.0/24"});

  App after;
  auto& sa = after.add<Stack>("S");
  auto& platform = sa.add<Group>("Platform");
  auto& vpc_after = platform.add<aws::ec2::Vpc>("Network", {.cidr = "10.0.0.0/16"});
  auto& subnet_after = vpc_after.add_subnet("Private1", {.cidr = "10.0.0.0/24"});
  CHECK(logical_id(vpc_after) != logical_id(vpc_before));
  vpc_after.renamed_from("Network");
  CHECK(logical_id(vpc_after) == logical_id(vpc_before));
  CHECK(logical_id(subnet_after) == logical_id(subnet_before));
}

TEST_CASE("a logical id collision names both paths") {
  App app;
  auto& stack = app.add<Stack>("S");
  stack.add<aws::s3::Bucket>("Data");
  stack.add<aws::s3::Bucket>("Da-ta");  // both "Data"
  const auto diagnostics = validate(app);
  REQUIRE(diagnostics.has_errors());
  const auto text = diagnostics.format();
  CHECK(text.find("App/S/Da-ta") != std::string::npos);
  CHECK(text.find("App/S/Data") != std::string::npos);
  CHECK(text.find("logical id \"Data\"") != std::string::npos);
}
