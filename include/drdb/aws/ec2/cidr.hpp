// IPv4 CIDR arithmetic: parsing, containment, overlap, and carving subnets out of a range. One small
// component used by every construct that places address ranges. drdb computes every range itself
// and emits literals (no Fn::Cidr), so a template reads the same in every tool and in the local mock.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace drdb::aws::ec2 {

class Ipv4Cidr {
 public:
  // Parses "a.b.c.d/n". On failure returns nullopt and, if `error` is given, says what is wrong.
  static std::optional<Ipv4Cidr> parse(std::string_view text, std::string* error = nullptr);
  // The /prefix block holding `address` ("10.0.5.7", 20 → 10.0.0.0/20). `prefix` must be 0-32.
  static Ipv4Cidr block_of(std::uint32_t address, int prefix);

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

// AWS's bounds for the prefix length of a VPC range and of a subnet.
inline constexpr int min_prefix_length = 16;
inline constexpr int max_prefix_length = 28;

// ---- carving ----------------------------------------------------------------------------------
// Requests are placed in order; each block goes at the lowest free address of the range that is
// aligned to its size (so holes left by alignment are reused by later, smaller blocks). The same
// requests always give the same ranges.

struct CarveRequest {
  std::string name;                  // named in errors: "Private needs 3 × /20 ..."
  std::size_t count = 1;             // blocks wanted (e.g. one per availability zone)
  std::optional<int> prefix_length;  // none: an even share of what the sized requests and reserved ranges leave
};

struct CarveError {
  std::size_t request = 0;  // index into the requests
  std::string message;      // "Private needs 3 × /22 but only 1 remain in 10.0.0.0/21 after Public"
  std::string fix;          // "use a /20 range, or a smaller mask such as /24"
};

struct Carving {
  std::vector<std::vector<Ipv4Cidr>> blocks;  // per request, in order; empty for a request that failed
  std::vector<CarveError> errors;
};

// Carves `requests` out of `range`, around the `reserved` ranges (explicitly placed subnets). A
// request that does not fit gets nothing and an error saying what would fit; later requests are
// still placed, so every problem is reported at once.
Carving carve(const Ipv4Cidr& range, const std::vector<CarveRequest>& requests,
              const std::vector<Ipv4Cidr>& reserved = {});

}  // namespace drdb::aws::ec2
