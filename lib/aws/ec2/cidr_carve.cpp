// Carving subnets out of a range: first fit at aligned addresses, in request order.
#include <algorithm>
#include <bit>

#include "drdb/aws/ec2/cidr.hpp"

namespace drdb::aws::ec2 {

namespace {

// The free part of a range, as the gaps between the blocks already taken.
class FreeSpace {
 public:
  explicit FreeSpace(const Ipv4Cidr& range) : range_(range) {}

  void take(const Ipv4Cidr& block) {
    const auto at = std::lower_bound(used_.begin(), used_.end(), block,
                                     [](const Ipv4Cidr& a, const Ipv4Cidr& b) { return a.network() < b.network(); });
    used_.insert(at, block);
  }

  // How many more aligned /prefix blocks fit.
  std::uint64_t count(int prefix) const {
    std::uint64_t n = 0;
    const std::uint64_t size = std::uint64_t{1} << (32 - prefix);
    for_each_gap([&](std::uint64_t first, std::uint64_t last) {
      const auto start = align_up(first, size);
      if (start + size - 1 <= last) n += (last + 1 - start) / size;
      return false;
    });
    return n;
  }

  // The lowest free aligned /prefix block, if any.
  std::optional<Ipv4Cidr> first_fit(int prefix) const {
    std::optional<Ipv4Cidr> found;
    const std::uint64_t size = std::uint64_t{1} << (32 - prefix);
    for_each_gap([&](std::uint64_t first, std::uint64_t last) {
      const auto start = align_up(first, size);
      if (start + size - 1 > last) return false;
      found = Ipv4Cidr::block_of(static_cast<std::uint32_t>(start), prefix);
      return true;
    });
    return found;
  }

 private:
  static std::uint64_t align_up(std::uint64_t a, std::uint64_t size) { return (a + size - 1) / size * size; }

  // Calls f(first, last) for each free gap in address order until f returns true.
  template <class F>
  void for_each_gap(F&& f) const {
    std::uint64_t cursor = range_.network();
    const std::uint64_t end = range_.last();
    for (const auto& u : used_) {
      if (u.last() < cursor) continue;
      if (u.network() > end) break;
      if (u.network() > cursor && f(cursor, std::uint64_t{u.network()} - 1)) return;
      cursor = std::max<std::uint64_t>(cursor, std::uint64_t{u.last()} + 1);
    }
    if (cursor <= end) f(cursor, end);
  }

  Ipv4Cidr range_;
  std::vector<Ipv4Cidr> used_;  // sorted by network address
};

std::string prefix_text(int prefix) { return "/" + std::to_string(prefix); }

std::uint64_t reserved_inside(const Ipv4Cidr& range, const std::vector<Ipv4Cidr>& reserved) {
  std::uint64_t n = 0;
  for (const auto& r : reserved)
    if (range.contains(r)) n += r.size();
  return n;
}

// The prefix of an even share of the space the sized requests and reserved ranges leave, or
// nullopt when there is nothing to share or the share is smaller than a /28.
std::optional<int> even_share_prefix(const Ipv4Cidr& range, const std::vector<CarveRequest>& requests,
                                     const std::vector<Ipv4Cidr>& reserved, std::uint64_t& left) {
  std::uint64_t taken = reserved_inside(range, reserved);
  std::uint64_t sharing = 0;
  for (const auto& r : requests) {
    if (!r.prefix_length) {
      sharing += r.count;
    } else if (*r.prefix_length >= range.prefix_length() && *r.prefix_length <= 32) {
      taken += r.count * (std::uint64_t{1} << (32 - *r.prefix_length));
    }
  }
  left = taken >= range.size() ? 0 : range.size() - taken;
  if (sharing == 0 || left / sharing == 0) return std::nullopt;
  const int prefix = 32 - (static_cast<int>(std::bit_width(left / sharing)) - 1);
  if (prefix > max_prefix_length) return std::nullopt;
  return std::max({prefix, range.prefix_length(), min_prefix_length});
}

std::string placed_text(const std::vector<std::string>& placed, bool reserved) {
  std::vector<std::string> parts = placed;
  if (reserved) parts.push_back("the explicitly placed ranges");
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i)
    out += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
  return out.empty() ? "" : " after " + out;
}

Carving place(const Ipv4Cidr& range, const std::vector<CarveRequest>& requests,
              const std::vector<Ipv4Cidr>& reserved, bool explain);

bool fits(const Ipv4Cidr& range, const std::vector<CarveRequest>& requests, const std::vector<Ipv4Cidr>& reserved) {
  return place(range, requests, reserved, false).errors.empty();
}

// What would let request `i` fit: a larger range for the whole plan, or a smaller mask for it.
std::string fit_advice(const Ipv4Cidr& range, const std::vector<CarveRequest>& requests,
                       const std::vector<Ipv4Cidr>& reserved, std::size_t i, int prefix, const FreeSpace& space) {
  std::vector<std::string> options;
  for (int p = range.prefix_length() - 1; p >= min_prefix_length; --p) {
    const auto larger = Ipv4Cidr::block_of(range.network(), p);
    if (fits(larger, requests, reserved)) {
      options.push_back("use a " + prefix_text(p) + " range such as " + larger.to_string());
      break;
    }
  }
  for (int m = prefix + 1; m <= max_prefix_length; ++m) {
    if (space.count(m) >= requests[i].count) {
      options.push_back(std::string(requests[i].prefix_length ? "a smaller mask" : "a mask") + " such as " +
                        prefix_text(m));
      break;
    }
  }
  if (options.empty()) return "use fewer or smaller subnets";
  std::string out = options.front();
  if (options.size() > 1) out += ", or " + options.back();
  return out;
}

Carving place(const Ipv4Cidr& range, const std::vector<CarveRequest>& requests,
              const std::vector<Ipv4Cidr>& reserved, bool explain) {
  Carving out;
  out.blocks.resize(requests.size());
  FreeSpace space(range);
  for (const auto& r : reserved) space.take(r);
  std::uint64_t left = 0;
  const auto share = even_share_prefix(range, requests, reserved, left);
  std::vector<std::string> placed;
  auto fail = [&](std::size_t i, std::string message, std::string fix) {
    out.errors.push_back({i, explain ? std::move(message) : std::string(), explain ? std::move(fix) : std::string()});
  };

  for (std::size_t i = 0; i < requests.size(); ++i) {
    const auto& request = requests[i];
    if (request.count == 0) continue;
    const auto sized = request.prefix_length;
    if (sized && (*sized < min_prefix_length || *sized > max_prefix_length)) {
      fail(i, request.name + " asks for " + prefix_text(*sized) + " subnets; AWS allows /16 to /28",
           "use a mask between /16 and /28");
      continue;
    }
    if (sized && *sized < range.prefix_length()) {
      fail(i, request.name + " asks for " + prefix_text(*sized) + " subnets, larger than the whole range " +
                  range.to_string(),
           "use a mask between " + prefix_text(range.prefix_length()) + " and /28, or a larger range");
      continue;
    }
    if (!sized && !share) {
      fail(i, request.name + " needs " + std::to_string(request.count) + " subnets of an even share of the " +
                  std::to_string(left) + " addresses left in " + range.to_string() + placed_text(placed, !reserved.empty()) +
                  ", and that share is smaller than a /28",
           "give the other subnets smaller masks, use a larger range, or use fewer subnets");
      continue;
    }
    const int prefix = sized ? *sized : *share;
    const auto available = space.count(prefix);
    if (available < request.count) {
      if (explain) {
        const std::string remain = available == 0   ? "none remain"
                                   : available == 1 ? "only 1 remains"
                                                    : "only " + std::to_string(available) + " remain";
        fail(i, request.name + " needs " + std::to_string(request.count) + " × " + prefix_text(prefix) + " but " +
                    remain + " in " + range.to_string() + placed_text(placed, !reserved.empty()),
             fit_advice(range, requests, reserved, i, prefix, space));
      } else {
        fail(i, {}, {});
      }
      continue;
    }
    for (std::size_t n = 0; n < request.count; ++n) {
      const auto block = *space.first_fit(prefix);
      space.take(block);
      out.blocks[i].push_back(block);
    }
    placed.push_back(request.name);
  }
  return out;
}

}  // namespace

Carving carve(const Ipv4Cidr& range, const std::vector<CarveRequest>& requests, const std::vector<Ipv4Cidr>& reserved) {
  return place(range, requests, reserved, true);
}

}  // namespace drdb::aws::ec2
