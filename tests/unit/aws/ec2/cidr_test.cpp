// CIDR arithmetic: parsing, blocks, and carving subnets in a fixed, aligned, gap-reusing order,
// with errors that say what would fit.
#include <doctest/doctest.h>

#include <drdb/aws/ec2/cidr.hpp>

using namespace drdb::aws::ec2;

namespace {

Ipv4Cidr cidr(const char* text) { return *Ipv4Cidr::parse(text); }

std::vector<std::string> texts(const std::vector<Ipv4Cidr>& blocks) {
  std::vector<std::string> out;
  for (const auto& b : blocks) out.push_back(b.to_string());
  return out;
}

using Texts = std::vector<std::string>;

}  // namespace

TEST_CASE("parse, contains, overlaps and block_of") {
  std::string error;
  CHECK_FALSE(Ipv4Cidr::parse("10.0.0.1/16", &error));
  CHECK(error == "\"10.0.0.1/16\" is not an IPv4 CIDR: host bits are set; the network address is 10.0.0.0/16");
  CHECK_FALSE(Ipv4Cidr::parse("10.0.0.0", &error));
  CHECK_FALSE(Ipv4Cidr::parse("10.0.0.0/33"));
  CHECK_FALSE(Ipv4Cidr::parse("10.00.0.0/16"));
  CHECK(cidr("10.0.0.0/16").contains(cidr("10.0.255.0/24")));
  CHECK_FALSE(cidr("10.0.0.0/16").contains(cidr("10.1.0.0/24")));
  CHECK(cidr("10.0.0.0/24").overlaps(cidr("10.0.0.128/25")));
  CHECK_FALSE(cidr("10.0.0.0/25").overlaps(cidr("10.0.0.128/25")));
  CHECK(Ipv4Cidr::block_of(cidr("10.0.37.0/24").network(), 20).to_string() == "10.0.32.0/20");
  CHECK(cidr("0.0.0.0/0").size() == (std::uint64_t{1} << 32));
  CHECK(cidr("255.255.255.255/32").last() == 0xffffffffU);
}

TEST_CASE("carving places groups in order, aligned, and reuses the holes alignment leaves") {
  const auto c = carve(cidr("10.0.0.0/16"), {{"Public", 2, 24}, {"Private", 2, 20}, {"Isolated", 2, 24}});
  REQUIRE(c.errors.empty());
  CHECK(texts(c.blocks[0]) == Texts{"10.0.0.0/24", "10.0.1.0/24"});
  CHECK(texts(c.blocks[1]) == Texts{"10.0.16.0/20", "10.0.32.0/20"});  // aligned past the /24s
  CHECK(texts(c.blocks[2]) == Texts{"10.0.2.0/24", "10.0.3.0/24"});    // in the hole before 10.0.16.0
  // Deterministic: the same requests give the same ranges.
  const auto again = carve(cidr("10.0.0.0/16"), {{"Public", 2, 24}, {"Private", 2, 20}, {"Isolated", 2, 24}});
  CHECK(texts(again.blocks[1]) == texts(c.blocks[1]));
}

TEST_CASE("requests without a mask share what the others leave evenly") {
  const auto c = carve(cidr("10.0.0.0/16"), {{"Public", 2, 24}, {"Private", 2, std::nullopt}});
  REQUIRE(c.errors.empty());
  // (65536 - 2 × 256) / 2 = 32512 addresses each → the largest power of two that fits: /18.
  CHECK(texts(c.blocks[1]) == Texts{"10.0.64.0/18", "10.0.128.0/18"});
  const auto whole = carve(cidr("10.0.0.0/20"), {{"Only", 1, std::nullopt}});
  CHECK(texts(whole.blocks[0]) == Texts{"10.0.0.0/20"});
}

TEST_CASE("reserved ranges are carved around") {
  const auto c = carve(cidr("10.0.0.0/24"), {{"A", 2, 26}}, {cidr("10.0.0.0/26")});
  REQUIRE(c.errors.empty());
  CHECK(texts(c.blocks[0]) == Texts{"10.0.0.64/26", "10.0.0.128/26"});
}

TEST_CASE("a request that does not fit says what remains and what would fit") {
  const auto c = carve(cidr("10.0.0.0/21"), {{"Public", 3, 24}, {"Private", 3, 22}});
  REQUIRE(c.errors.size() == 1);
  CHECK(c.errors[0].request == 1);
  CHECK(c.errors[0].message == "Private needs 3 × /22 but only 1 remains in 10.0.0.0/21 after Public");
  CHECK(c.errors[0].fix == "use a /20 range such as 10.0.0.0/20, or a smaller mask such as /24");
  CHECK(c.blocks[1].empty());
  CHECK(c.blocks[0].size() == 3);
}

TEST_CASE("later requests are still placed after one fails, so every problem shows at once") {
  const auto c = carve(cidr("10.0.0.0/24"), {{"Big", 2, 24}, {"Small", 2, 26}, {"Huge", 1, 23}});
  REQUIRE(c.errors.size() == 2);
  CHECK(c.errors[0].message == "Big needs 2 × /24 but only 1 remains in 10.0.0.0/24");
  // The larger range fits the whole plan (Huge included); the smaller mask fits what is left now.
  CHECK(c.errors[0].fix == "use a /21 range such as 10.0.0.0/21, or a smaller mask such as /25");
  CHECK(texts(c.blocks[1]) == Texts{"10.0.0.0/26", "10.0.0.64/26"});
  CHECK(c.errors[1].message == "Huge asks for /23 subnets, larger than the whole range 10.0.0.0/24");
}

TEST_CASE("masks outside what AWS allows, and shares too small to be a subnet, are errors") {
  const auto c = carve(cidr("10.0.0.0/16"), {{"Tiny", 1, 29}, {"Wide", 1, 12}});
  REQUIRE(c.errors.size() == 2);
  CHECK(c.errors[0].message == "Tiny asks for /29 subnets; AWS allows /16 to /28");
  CHECK(c.errors[1].message == "Wide asks for /12 subnets; AWS allows /16 to /28");

  const auto share = carve(cidr("10.0.0.0/26"), {{"Private", 6, std::nullopt}});
  REQUIRE(share.errors.size() == 1);
  CHECK(share.errors[0].message ==
        "Private needs 6 subnets of an even share of the 64 addresses left in 10.0.0.0/26, and that share is smaller than a /28");
}

TEST_CASE("a full range reports that none remain and no larger mask helps") {
  const auto c = carve(cidr("10.0.0.0/28"), {{"A", 1, 28}, {"B", 1, 28}});
  REQUIRE(c.errors.size() == 1);
  CHECK(c.errors[0].message == "B needs 1 × /28 but none remain in 10.0.0.0/28 after A");
  CHECK(c.errors[0].fix == "use a /27 range such as 10.0.0.0/27");
}
