#include <algorithm>
#include <cctype>
#include <regex>

#include "drdb/core/error.hpp"
#include "drdb/rules/rule.hpp"
#include "rules/packs.hpp"

namespace drdb::rules {
namespace {

int id_number(const std::string& id) { return std::stoi(id.substr(id.find('.') + 1)); }

// The engine's own rules: they have no check, the suppression logic fires them (check.cpp).
void register_engine_rules(Registry& r) {
  r.add(Rule{std::string(unused_suppression_rule), Level::Warning,
             "a suppression that silences nothing hides the next real finding of that rule",
             "remove the suppression, or move it to the construct the rule fires on", nullptr});
  r.add(Rule{std::string(suppression_without_reason_rule), Level::Error,
             "every suppression records why the finding is acceptable, for reviewers and auditors",
             "give the reason: suppress(rule, reason) in C++, reason: beside rule in a spec's suppressions", nullptr});
  r.add(Rule{std::string(unknown_rule_suppressed_rule), Level::Error,
             "a suppression of a rule that does not exist is a typo that silences nothing",
             "use an id listed in docs/RULES.md", nullptr});
}

}  // namespace

std::string_view level_name(Level level) {
  switch (level) {
    case Level::Info: return "info";
    case Level::Warning: return "warning";
    case Level::Error: return "error";
  }
  return "error";
}

std::string Finding::format() const {
  std::string out = std::string(level_name(level)) + " " + rule + " [" + path + "] " + message;
  if (!fix.empty()) out += " — " + fix;
  return out;
}

std::string Rule::pack() const {
  std::string out = id.substr(0, id.find('.'));
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

void Context::fire(const Construct& at, std::string message, std::string fix) {
  findings_.push_back({rule_->id, rule_->level, at.path(), std::move(message), fix.empty() ? rule_->fix : std::move(fix)});
}

void Registry::add(Rule rule) {
  static const std::regex form("[A-Z][A-Z0-9]*\\.[1-9][0-9]*");
  if (!std::regex_match(rule.id, form))
    throw Error(ErrorKind::Internal, "rule id \"" + rule.id + "\" is not of the form PACK.NUMBER (e.g. S3.2)");
  for (auto& existing : rules_) {
    if (existing.id != rule.id) continue;
    // The same rule over another construct kind (typed buckets and escape-hatch buckets): one rule
    // with both checks.
    if (!existing.check || !rule.check || existing.level != rule.level || existing.rationale != rule.rationale)
      throw Error(ErrorKind::Internal, "rule " + rule.id + " is registered twice with different definitions");
    existing.check = [first = std::move(existing.check), second = std::move(rule.check)](const Construct& c, Context& ctx) {
      first(c, ctx);
      second(c, ctx);
    };
    return;
  }
  const auto before = [](const Rule& a, const Rule& b) {
    const auto pa = a.pack();
    const auto pb = b.pack();
    return pa != pb ? pa < pb : id_number(a.id) < id_number(b.id);
  };
  rules_.insert(std::upper_bound(rules_.begin(), rules_.end(), rule, before), std::move(rule));
}

const Rule* Registry::find(std::string_view id) const {
  for (const auto& rule : rules_)
    if (rule.id == id) return &rule;
  return nullptr;
}

std::vector<std::string> Registry::packs() const {
  std::vector<std::string> out;
  for (const auto& rule : rules_)
    if (out.empty() || out.back() != rule.pack()) out.push_back(rule.pack());
  return out;
}

const Registry& builtin() {
  static const Registry registry = [] {
    Registry r;
    register_engine_rules(r);
    register_dynamodb_rules(r);
    register_ec2_rules(r);
    register_emr_rules(r);
    register_iam_rules(r);
    register_kms_rules(r);
    register_lambda_rules(r);
    register_logs_rules(r);
    register_s3_rules(r);
    register_secretsmanager_rules(r);
    register_sqs_rules(r);
    return r;
  }();
  return registry;
}

}  // namespace drdb::rules
