#include "drdb/aws/s3/lifecycle.hpp"

#include <algorithm>
#include <set>

namespace drdb::aws::s3 {

std::string_view storage_class_name(StorageClass c) {
  switch (c) {
    case StorageClass::StandardIa: return "STANDARD_IA";
    case StorageClass::IntelligentTiering: return "INTELLIGENT_TIERING";
    case StorageClass::OneZoneIa: return "ONEZONE_IA";
    case StorageClass::GlacierInstantRetrieval: return "GLACIER_IR";
    case StorageClass::Glacier: return "GLACIER";
    case StorageClass::DeepArchive: return "DEEP_ARCHIVE";
  }
  return "";
}

namespace {

constexpr std::size_t max_rules = 1000;
// S3 keeps objects at least this long in STANDARD before STANDARD_IA / ONEZONE_IA.
constexpr int min_days_before_infrequent_access = 30;

bool infrequent_access(StorageClass c) { return c == StorageClass::StandardIa || c == StorageClass::OneZoneIa; }

struct RuleChecker {
  const std::string& path;
  std::string at;  // "lifecycle rule \"logs\""
  Diagnostics& out;

  void error(const std::string& message, const std::string& fix) const { out.error(path, at + " " + message, fix); }

  void at_least(std::string_view what, const std::optional<int>& days, int min) const {
    if (days && *days < min)
      error(std::string(what) + " is " + std::to_string(*days) + " days", "use at least " + std::to_string(min) + " day" + (min == 1 ? "" : "s"));
  }

  // Days ascending, classes moving down the waterfall, each class once; expiration after all of them.
  void transitions(std::string_view what, std::vector<Transition> list, const std::optional<int>& expiration,
                   int min_days) const {
    std::stable_sort(list.begin(), list.end(), [](const Transition& a, const Transition& b) { return a.days < b.days; });
    std::set<StorageClass> seen;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const auto& t = list[i];
      const std::string name(storage_class_name(t.storage_class));
      if (t.days < min_days)
        error(std::string(what) + " to " + name + " is " + std::to_string(t.days) + " days",
              "use at least " + std::to_string(min_days) + " days");
      else if (infrequent_access(t.storage_class) && t.days < min_days_before_infrequent_access)
        error(std::string(what) + " to " + name + " after " + std::to_string(t.days) + " days is too early",
              "S3 keeps objects 30 days before STANDARD_IA or ONEZONE_IA: use 30 days or more");
      if (!seen.insert(t.storage_class).second)
        error("has two " + std::string(what) + "s to " + name, "keep one per storage class");
      if (i > 0 && list[i - 1].storage_class != t.storage_class) {
        const auto& prev = list[i - 1];
        if (prev.days == t.days)
          error(std::string(what) + "s to " + std::string(storage_class_name(prev.storage_class)) + " and " + name +
                    " are on the same day",
                "give each its own day");
        else if (prev.storage_class > t.storage_class)
          error(std::string(what) + " to " + name + " comes after one to " +
                    std::string(storage_class_name(prev.storage_class)) + ", which S3 cannot transition back from",
                "order transitions STANDARD_IA, INTELLIGENT_TIERING, ONEZONE_IA, GLACIER_IR, GLACIER, DEEP_ARCHIVE");
      }
      if (expiration && *expiration <= t.days)
        error("expires after " + std::to_string(*expiration) + " days, not after its " + std::string(what) + " to " +
                  name + " (" + std::to_string(t.days) + " days)",
              "expire later than every transition, or drop the transition");
    }
  }
};

void check_rule(const LifecycleRule& rule, std::size_t index, bool versioned, const std::string& path, Diagnostics& out) {
  const RuleChecker check{path, rule.id.empty() ? "lifecycle rule " + std::to_string(index + 1) : "lifecycle rule \"" + rule.id + "\"", out};
  if (rule.id.empty()) check.error("has no id", "set .id (Terraform requires it, and it names the rule in S3)");
  if (rule.id.size() > 255) check.error("id is longer than 255 characters", "shorten it");
  const bool current = rule.expiration_days || !rule.transitions.empty();
  const bool noncurrent = rule.noncurrent_version_expiration_days || !rule.noncurrent_version_transitions.empty();
  if (!current && !noncurrent && !rule.abort_incomplete_multipart_upload_days)
    check.error("has no action", "set an expiration, a transition or abort_incomplete_multipart_upload_days");
  check.at_least("expiration", rule.expiration_days, 1);
  check.at_least("noncurrent version expiration", rule.noncurrent_version_expiration_days, 1);
  check.at_least("abort of incomplete multipart uploads", rule.abort_incomplete_multipart_upload_days, 1);
  check.transitions("transition", rule.transitions, rule.expiration_days, 0);
  check.transitions("noncurrent version transition", rule.noncurrent_version_transitions,
                    rule.noncurrent_version_expiration_days, 1);
  if (rule.abort_incomplete_multipart_upload_days && !rule.tags.empty())
    check.error("aborts incomplete multipart uploads but filters on tags, which uploads do not have",
                "put the abort in a rule filtered by prefix only");
  for (const auto& [key, value] : rule.tags)
    if (key.empty() || key.size() > 128 || value.size() > 256)
      check.error("tag filter \"" + key + "\" is not a valid tag", "keys 1-128 characters, values at most 256");
  if (rule.prefix.starts_with("/"))
    out.warning(path, check.at + " prefix \"" + rule.prefix + "\" starts with '/', which S3 keys rarely do",
                "S3 keys have no leading slash: use e.g. \"logs/\"");
  if (noncurrent && !versioned)
    out.warning(path, check.at + " acts on noncurrent versions, but the bucket is not versioned",
                "set .versioned = true, or drop the noncurrent-version actions");
}

}  // namespace

void validate_lifecycle(const std::vector<LifecycleRule>& rules, bool versioned, const std::string& path,
                        Diagnostics& out) {
  if (rules.size() > max_rules)
    out.error(path, std::to_string(rules.size()) + " lifecycle rules; S3 allows at most 1000", "merge rules");
  std::set<std::string> ids;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    check_rule(rules[i], i, versioned, path, out);
    if (!rules[i].id.empty() && !ids.insert(rules[i].id).second)
      out.error(path, "two lifecycle rules have the id \"" + rules[i].id + "\"", "give each rule its own id");
  }
}

}  // namespace drdb::aws::s3
