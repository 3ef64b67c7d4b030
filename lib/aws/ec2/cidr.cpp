#include "drdb/aws/ec2/cidr.hpp"

#include <charconv>
#include <cstdio>

namespace drdb::aws::ec2 {

namespace {

std::string format_address(std::uint32_t a) {
  char text[16];
  std::snprintf(text, sizeof text, "%u.%u.%u.%u", a >> 24, (a >> 16) & 0xffU, (a >> 8) & 0xffU, a & 0xffU);
  return text;
}

bool parse_number(std::string_view s, unsigned max, unsigned& out) {
  if (s.empty() || s.size() > 3) return false;
  if (s.size() > 1 && s.front() == '0') return false;  // "010" is ambiguous (octal in some tools)
  const auto* end = s.data() + s.size();
  const auto [ptr, ec] = std::from_chars(s.data(), end, out);
  return ec == std::errc() && ptr == end && out <= max;
}

}  // namespace

std::optional<Ipv4Cidr> Ipv4Cidr::parse(std::string_view text, std::string* error) {
  auto fail = [&](std::string why) -> std::optional<Ipv4Cidr> {
    if (error != nullptr) *error = "\"" + std::string(text) + "\" is not an IPv4 CIDR: " + why;
    return std::nullopt;
  };
  const auto slash = text.find('/');
  if (slash == std::string_view::npos) return fail("missing \"/prefix\" (e.g. 10.0.0.0/16)");
  std::string_view address = text.substr(0, slash);
  unsigned prefix = 0;
  if (!parse_number(text.substr(slash + 1), 32, prefix)) return fail("the prefix length must be 0-32");
  std::uint32_t value = 0;
  for (int octet = 0; octet < 4; ++octet) {
    const auto dot = address.find('.');
    if ((octet < 3) == (dot == std::string_view::npos)) return fail("the address must have four dotted octets");
    unsigned part = 0;
    if (!parse_number(address.substr(0, dot), 255, part)) return fail("each octet must be 0-255");
    value = (value << 8) | part;
    address = dot == std::string_view::npos ? std::string_view() : address.substr(dot + 1);
  }
  const auto block = block_of(value, static_cast<int>(prefix));
  if (block.network() != value) return fail("host bits are set; the network address is " + block.to_string());
  return block;
}

Ipv4Cidr Ipv4Cidr::block_of(std::uint32_t address, int prefix) {
  const std::uint32_t mask = prefix == 0 ? 0 : ~std::uint32_t{0} << (32 - prefix);
  return Ipv4Cidr(address & mask, prefix);
}

std::string Ipv4Cidr::to_string() const {
  std::string out = format_address(network_);
  out += '/';
  out += std::to_string(prefix_);
  return out;
}

}  // namespace drdb::aws::ec2
