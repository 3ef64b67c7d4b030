#include "drdb/aws/ecr/repository.hpp"

#include <algorithm>
#include <regex>
#include <set>

#include "drdb/core/diagnostics.hpp"
#include "core/resource_visitor.hpp"

namespace drdb::aws::ecr {

LifecycleRule LifecycleRule::expire_untagged_after_days(int priority, int days) {
  return {.priority = priority,
          .description = "expire untagged images after " + std::to_string(days) + " days",
          .tag_status = TagStatus::Untagged,
          .max_age_days = days};
}

LifecycleRule LifecycleRule::keep_last_images(int priority, int count, std::vector<std::string> tag_prefixes) {
  std::string description = "keep the last " + std::to_string(count) + " images";
  for (std::size_t i = 0; i < tag_prefixes.size(); ++i)
    description += (i == 0 ? " tagged " : ", ") + tag_prefixes[i] + "*";
  const auto status = tag_prefixes.empty() ? TagStatus::Any : TagStatus::Tagged;
  return {.priority = priority,
          .description = std::move(description),
          .tag_status = status,
          .tag_prefixes = std::move(tag_prefixes),
          .max_image_count = count};
}

Str Repository::registry() const {
  return Join{"", {Pseudo::AccountId, ".dkr.ecr.", Pseudo::Region, ".", Pseudo::UrlSuffix}};
}

namespace {

const char* tag_status_name(TagStatus s) {
  switch (s) {
    case TagStatus::Untagged: return "untagged";
    case TagStatus::Tagged: return "tagged";
    case TagStatus::Any: return "any";
  }
  return "";
}

Value rule_value(const LifecycleRule& rule) {
  Object selection{{"tagStatus", tag_status_name(rule.tag_status)}};
  if (!rule.tag_prefixes.empty()) {
    List prefixes(rule.tag_prefixes.begin(), rule.tag_prefixes.end());
    selection["tagPrefixList"] = std::move(prefixes);
  }
  if (rule.max_image_count) {
    selection["countType"] = "imageCountMoreThan";
    selection["countNumber"] = *rule.max_image_count;
  } else if (rule.max_age_days) {
    selection["countType"] = "sinceImagePushed";
    selection["countUnit"] = "days";
    selection["countNumber"] = *rule.max_age_days;
  }
  Object out{{"rulePriority", rule.priority},
             {"selection", std::move(selection)},
             {"action", Value::object({{"type", "expire"}})}};
  if (!rule.description.empty()) out["description"] = rule.description;
  return out;
}

void check_rule(const std::string& path, const LifecycleRule& rule, int last_priority, Diagnostics& out) {
  const std::string at = "lifecycle rule " + std::to_string(rule.priority);
  if (rule.priority < 1) out.error(path, at + " has a priority below 1", "number rules from 1");
  if (rule.max_image_count.has_value() == rule.max_age_days.has_value())
    out.error(path, at + (rule.max_image_count ? " sets both max_image_count and max_age_days" : " sets neither max_image_count nor max_age_days"),
              "set exactly one: keep the newest N images, or expire images older than N days");
  for (const auto& [what, value] : {std::pair{"max_image_count", rule.max_image_count}, std::pair{"max_age_days", rule.max_age_days}})
    if (value && *value < 1) out.error(path, at + " " + what + " is " + std::to_string(*value), "use at least 1");
  const bool tagged = rule.tag_status == TagStatus::Tagged;
  if (tagged && rule.tag_prefixes.empty())
    out.error(path, at + " selects tagged images but lists no tag_prefixes", "list the tag prefixes, e.g. {\"release-\"}");
  if (!tagged && !rule.tag_prefixes.empty())
    out.error(path, at + " lists tag_prefixes but does not select tagged images", "set .tag_status = TagStatus::Tagged");
  for (const auto& prefix : rule.tag_prefixes)
    if (prefix.empty()) out.error(path, at + " has an empty tag prefix", "remove it, or select TagStatus::Any");
  if (rule.tag_status == TagStatus::Any && rule.priority != last_priority)
    out.error(path, at + " selects any image but is not the last rule",
              "ECR requires the TagStatus::Any rule to have the highest priority number");
  if (rule.description.size() > 500) out.error(path, at + " description is longer than 500 characters", "shorten it");
}

}  // namespace

Repository::Repository(const Scope& scope, Props props) : Resource(scope), props_(std::move(props)) {
  default_removal_policy(RemovalPolicy::Retain);  // images are build artifacts others deploy from
}

Value Repository::lifecycle_policy() const {
  auto rules = props_.lifecycle_rules;
  std::stable_sort(rules.begin(), rules.end(), [](const auto& a, const auto& b) { return a.priority < b.priority; });
  List out;
  for (const auto& rule : rules) out.push_back(rule_value(rule));
  return Value::object({{"rules", std::move(out)}});
}

void Repository::validate(Diagnostics& out) const {
  const auto p = path();
  static const std::regex valid("(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*");
  const auto& name = props_.repository_name;
  if (!name.empty() && (name.size() < 2 || name.size() > 256 || !std::regex_match(name, valid)))
    out.error(p, "repository name \"" + name + "\" is not a valid ECR repository name",
              "use 2-256 lowercase letters and digits, separated by '.', '_', '-' or '/' (e.g. \"drdb/spark-jobs\")");
  int last_priority = 0;
  for (const auto& rule : props_.lifecycle_rules) last_priority = std::max(last_priority, rule.priority);
  std::set<int> priorities;
  for (const auto& rule : props_.lifecycle_rules) {
    check_rule(p, rule, last_priority, out);
    if (!priorities.insert(rule.priority).second)
      out.error(p, "two lifecycle rules have priority " + std::to_string(rule.priority), "give each rule its own priority");
  }
}

void Repository::accept(ResourceVisitor& v) const { v.visit(*this); }

}  // namespace drdb::aws::ecr
