// The rule engine: run every selected rule on every construct of the checked stacks, then apply
// suppressions (nearest construct first, up to the app) and report the unused and malformed ones.
#include "drdb/rules/check.hpp"

#include <algorithm>
#include <map>

#include "drdb/core/error.hpp"
#include "drdb/core/stack.hpp"

namespace drdb::rules {
namespace {

std::string trimmed(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return std::string(s.substr(first, s.find_last_not_of(" \t") - first + 1));
}

bool selected(const Options& options, const std::string& pack) {
  return pack == "rules" || options.packs.empty() ||
         std::find(options.packs.begin(), options.packs.end(), pack) != options.packs.end();
}

void check_pack_names(const Options& options, const Registry& registry) {
  const auto known = registry.packs();
  for (const auto& pack : options.packs) {
    if (std::find(known.begin(), known.end(), pack) != known.end()) continue;
    std::string names;
    for (const auto& k : known) names += (names.empty() ? "" : ", ") + k;
    throw Error(ErrorKind::Usage, "--rules: unknown rule pack \"" + pack + "\" — use error, warning or info, and/or packs: " + names);
  }
}

bool by_path_then_rule(const Finding& a, const Finding& b) {
  return a.path != b.path ? a.path < b.path : a.rule < b.rule;
}

struct Declared {
  const Construct* at;
  const Construct::Suppression* suppression;
  std::size_t uses = 0;
};

class Engine {
 public:
  Engine(const Options& options, const Registry& registry) : options_(options), registry_(registry) {}

  Report run(const std::vector<const Stack*>& stacks) {
    Report report;
    report.fail_on = options_.fail_on;
    for (const auto& pack : registry_.packs())
      if (selected(options_, pack)) report.packs.push_back(pack);
    if (!options_.enabled) return report;
    std::vector<Finding> raw;
    for (const Stack* stack : stacks) {
      for (const Construct* c = stack->scope(); c != nullptr; c = c->scope()) declare(*c);  // the app
      walk(*stack, [&](const Construct& c) {
        by_path_.emplace(c.path(), &c);
        declare(c);
        for (const auto& rule : registry_.rules()) {
          if (!rule.check || !selected(options_, rule.pack())) continue;
          Context ctx(rule);
          rule.check(c, ctx);
          raw.insert(raw.end(), ctx.findings().begin(), ctx.findings().end());
        }
      });
    }
    for (auto& finding : raw) apply_suppressions(std::move(finding), report);
    report_declarations(report);
    std::stable_sort(report.findings.begin(), report.findings.end(), by_path_then_rule);
    std::stable_sort(report.suppressed.begin(), report.suppressed.end(),
                     [](const auto& a, const auto& b) { return by_path_then_rule(a.finding, b.finding); });
    return report;
  }

 private:
  void declare(const Construct& c) {
    if (!seen_.emplace(&c, true).second) return;  // the app, once for all its stacks
    for (const auto& s : c.suppressions()) declared_.push_back({&c, &s});
  }

  bool usable(const Declared& d) const {
    return !trimmed(d.suppression->reason).empty() && registry_.find(d.suppression->rule) != nullptr;
  }

  void apply_suppressions(Finding finding, Report& report) {
    const auto it = by_path_.find(finding.path);
    for (const Construct* c = it == by_path_.end() ? nullptr : it->second; c != nullptr; c = c->scope()) {
      for (auto& d : declared_) {
        if (d.at != c || d.suppression->rule != finding.rule || !usable(d)) continue;
        ++d.uses;
        report.suppressed.push_back({std::move(finding), c->path(), d.suppression->reason});
        return;
      }
    }
    report.findings.push_back(std::move(finding));
  }

  void fire(std::string_view rule_id, const Construct& at, std::string message) {
    const Rule* rule = registry_.find(rule_id);
    if (rule == nullptr) return;  // a registry without the engine's rules
    Context ctx(*rule);
    ctx.fire(at, std::move(message));
    findings_.push_back(std::move(ctx.findings().front()));
  }

  void report_declarations(Report& report) {
    for (const auto& d : declared_) {
      const auto& s = *d.suppression;
      report.suppressions.push_back({d.at->path(), s.rule, s.reason, d.uses});
      const Rule* rule = registry_.find(s.rule);
      if (rule == nullptr)
        fire(unknown_rule_suppressed_rule, *d.at, "suppression of \"" + s.rule + "\", which is not a drdb rule");
      else if (trimmed(s.reason).empty())
        fire(suppression_without_reason_rule, *d.at, "suppression of " + s.rule + " has no reason");
      else if (d.uses == 0 && selected(options_, rule->pack()))
        fire(unused_suppression_rule, *d.at, "suppression of " + s.rule + " (\"" + s.reason + "\") silences nothing");
    }
    report.findings.insert(report.findings.end(), findings_.begin(), findings_.end());
    std::stable_sort(report.suppressions.begin(), report.suppressions.end(),
                     [](const auto& a, const auto& b) { return a.path != b.path ? a.path < b.path : a.rule < b.rule; });
  }

  const Options& options_;
  const Registry& registry_;
  std::map<std::string, const Construct*> by_path_;
  std::map<const Construct*, bool> seen_;
  std::vector<Declared> declared_;
  std::vector<Finding> findings_;
};

}  // namespace

Options parse_options(std::string_view spec) {
  Options options;
  std::size_t start = 0;
  while (start <= spec.size()) {
    const auto comma = std::min(spec.find(',', start), spec.size());
    const auto item = trimmed(spec.substr(start, comma - start));
    start = comma + 1;
    if (item.empty()) continue;
    if (item == "error") options.fail_on = Level::Error;
    else if (item == "warning") options.fail_on = Level::Warning;
    else if (item == "info") options.fail_on = Level::Info;
    else if (item == "none") options.enabled = false;
    else options.packs.push_back(item);
  }
  check_pack_names(options, builtin());
  return options;
}

Report check(const std::vector<const Stack*>& stacks, const Options& options, const Registry& registry) {
  check_pack_names(options, registry);
  return Engine(options, registry).run(stacks);
}

}  // namespace drdb::rules
