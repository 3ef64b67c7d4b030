// drdb::l1::Pattern: schema patterns compiled once, on first use, and shared by every check.
// The compiled regex is never freed: patterns are static data of the generated Shape tables.
#include <memory>
#include <regex>
#include <string>

#include "drdb/l1/shape.hpp"

namespace drdb::l1 {

struct Pattern::Compiled {
  std::regex regex;
};

const Pattern::Compiled& Pattern::compiled() const {
  if (const Compiled* ready = compiled_.load(std::memory_order_acquire)) return *ready;
  auto fresh = std::make_unique<Compiled>(
      Compiled{std::regex(std::string(source_), std::regex::ECMAScript | std::regex::optimize)});
  const Compiled* expected = nullptr;
  if (compiled_.compare_exchange_strong(expected, fresh.get(), std::memory_order_acq_rel))
    return *fresh.release();
  return *expected;  // another thread won the race; ours is dropped
}

bool Pattern::search(std::string_view s) const {
  return std::regex_search(s.data(), s.data() + s.size(), compiled().regex);
}

}  // namespace drdb::l1
