// Policy rules: best-practice checks run on the construct tree before anything is rendered.
// A rule has an id ("S3.2": its pack, upper case, then a number), a level, a one-line rationale, a
// fix, and a check over one construct kind. Each service's rules live in lib/rules/<service>.cpp.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "drdb/core/construct.hpp"

namespace drdb::rules {

// Ordered: failing on a level fails on every level above it.
enum class Level { Info, Warning, Error };

// "info", "warning", "error".
std::string_view level_name(Level level);

// One rule firing on one construct.
struct Finding {
  std::string rule;     // "S3.2"
  Level level = Level::Error;
  std::string path;     // the construct it fires on
  std::string message;  // what is wrong, about this construct
  std::string fix;      // how to fix it here

  // "error S3.2 [App/Stack/Data] public access is not blocked — set block_public_access = true"
  std::string format() const;
};

class Context;

struct Rule {
  std::string id;
  Level level = Level::Error;
  std::string rationale;  // one line: why it matters
  std::string fix;        // the usual fix (a finding may give a more precise one)
  std::function<void(const Construct&, Context&)> check;  // null for the engine's own rules

  // The pack a rule belongs to: its id's prefix in lower case ("S3.2" → "s3").
  std::string pack() const;
};

// What a check reports into while it runs on one construct.
class Context {
 public:
  explicit Context(const Rule& rule) : rule_(&rule) {}
  // The rule fires on `at` (a construct or one of its parts); an empty fix means the rule's fix.
  void fire(const Construct& at, std::string message, std::string fix = {});
  std::vector<Finding>& findings() { return findings_; }

 private:
  const Rule* rule_;
  std::vector<Finding> findings_;
};

// Rule metadata for Registry::add, written with designated initializers.
struct RuleInfo {
  std::string id;
  Level level = Level::Error;
  std::string rationale;
  std::string fix;
};

class Registry {
 public:
  // A rule over every construct of kind T (dynamic_cast; subclasses included). Adding the same rule
  // (id, level, rationale) for another kind adds that check to it. Throws Error (Internal) on a
  // malformed id or on two different rules with one id.
  template <class T>
  void add(RuleInfo info, std::function<void(const T&, Context&)> check) {
    add(Rule{std::move(info.id), info.level, std::move(info.rationale), std::move(info.fix),
             [check = std::move(check)](const Construct& c, Context& ctx) {
               if (const auto* typed = dynamic_cast<const T*>(&c)) check(*typed, ctx);
             }});
  }
  void add(Rule rule);

  // Sorted by pack, then by the number in the id.
  const std::vector<Rule>& rules() const { return rules_; }
  const Rule* find(std::string_view id) const;
  // Pack names, sorted.
  std::vector<std::string> packs() const;

 private:
  std::vector<Rule> rules_;
};

// Every rule drdb ships (lib/rules/*.cpp), and the engine's own (pack "rules": suppressions).
const Registry& builtin();

// Ids of the engine's own rules.
inline constexpr std::string_view unused_suppression_rule = "RULES.1";
inline constexpr std::string_view suppression_without_reason_rule = "RULES.2";
inline constexpr std::string_view unknown_rule_suppressed_rule = "RULES.3";

}  // namespace drdb::rules
