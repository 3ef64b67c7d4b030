// IPv4 CIDR arithmetic: parsing, containment, overlap. One small component used by every
// construct that places address ranges.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace drdb::aws::ec2 {

class Ipv4Cidr {
 public:
  // Parses "a.b.c.d/n". On failure returns nullopt and, if `error` is given, says what is wrong.
  static std::optional<Ipv4Cidr> parse(std::string_view text, std::string* error = nullptr);

  std::uint32_t network() const { return network_; }
  int prefix_length() const { return prefix_; }
  std::uint64_t size() const { return std::uint64_t{1} << (32 - prefix_); }
  std::uint32_t last() const { return static_cast<std::uint32_t>(network_ + size() - 1); }

  bool contains(const Ipv4Cidr& other) const { return other.network_ >= network_ && other.last() <= last(); }
  bool overlaps(const Ipv4Cidr& other) const { return network_ <= other.last() && other.network_ <= last(); }

  std::string to_string() const;
  friend bool operator==(const Ipv4Cidr&, const Ipv4Cidr&) = default;

 private:
  Ipv4Cidr(std::uint32_t network, int prefix) : network_(network), prefix_(prefix) {}
  std::uint32_t network_;
  int prefix_;
};

}  // namespace drdb::aws::ec2
