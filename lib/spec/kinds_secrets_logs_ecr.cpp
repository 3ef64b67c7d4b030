// secretsmanager.Secret, logs.LogGroup and ecr.Repository in specs, with their grants to roles.
#include "drdb/aws/ecr/repository.hpp"
#include "drdb/aws/kms/key.hpp"
#include "drdb/aws/logs/log_group.hpp"
#include "drdb/aws/secretsmanager/secret.hpp"
#include "spec/kind.hpp"
#include "spec/logs_codecs.hpp"
#include "spec/role_grants.hpp"
#include "spec/value_codec.hpp"

namespace drdb::spec {

using aws::ecr::Repository;
using aws::ecr::TagStatus;
using aws::logs::LogGroup;
using aws::secretsmanager::GeneratedSecret;
using aws::secretsmanager::Rotation;
using aws::secretsmanager::Secret;

// Rotation holds a Str, which has no empty state of its own.
template <>
Rotation blank<Rotation>() {
  return {.rotation_lambda_arn = Str("")};
}

template <>
struct Fields<GeneratedSecret> {
  static constexpr std::string_view name = "generated secret";
  static const FieldList<GeneratedSecret>& get() {
    using G = GeneratedSecret;
    static const FieldList<G> list{
        field("password_length", &G::password_length, "1-4096 (default 32)"),
        field("exclude_characters", &G::exclude_characters, "characters the password never contains, e.g. \"@/\\ for JDBC URLs"),
        field("exclude_punctuation", &G::exclude_punctuation, ""),
        field("exclude_numbers", &G::exclude_numbers, ""),
        field("exclude_uppercase", &G::exclude_uppercase, ""),
        field("exclude_lowercase", &G::exclude_lowercase, ""),
        field("include_space", &G::include_space, ""),
        field("require_each_included_type", &G::require_each_included_type, "on by default"),
        field("secret_string_template", &G::secret_string_template, "a JSON object to put the password in, e.g. {username: hive}"),
        field("generate_string_key", &G::generate_string_key, "the password's key in the template (required with one)")};
    return list;
  }
};

template <>
struct Fields<Rotation> {
  static constexpr std::string_view name = "rotation";
  static const FieldList<Rotation>& get() {
    using R = Rotation;
    static const FieldList<R> list{
        field("rotation_lambda_arn", &R::rotation_lambda_arn, "a function secretsmanager.amazonaws.com may invoke", required),
        field("automatically_after_days", &R::automatically_after_days, "1-1000; or schedule_expression"),
        field("schedule_expression", &R::schedule_expression, "rate(10 days), cron(0 16 1,15 * ? *)"),
        field("duration", &R::duration, "the rotation window, e.g. 3h"),
        field("rotate_immediately", &R::rotate_immediately, "rotate once when set up; on by default")};
    return list;
  }
};

template <>
struct Fields<Secret::Props> {
  static constexpr std::string_view name = "secretsmanager.Secret";
  static const FieldList<Secret::Props>& get() {
    using P = Secret::Props;
    static const FieldList<P> list{
        field("secret_name", &P::secret_name, "empty: <stack name>/<path below the stack>"),
        field("description", &P::description, ""),
        field("generate", &P::generate, "a password Secrets Manager generates ({} for the defaults); unset: set out of band"),
        field("kms_key", &P::kms_key, "a kms.Key of this stack; default: the AWS-managed aws/secretsmanager key"),
        field("rotation", &P::rotation, "")};
    return list;
  }
};

template <>
struct GrantNames<Secret> {
  static constexpr std::pair<std::string_view, GrantMethod<Secret>> values[] = {{"read", &Secret::grant_read}};
};

template <>
struct EnumNames<RemovalPolicy> {
  static constexpr std::pair<std::string_view, RemovalPolicy> values[] = {{"retain", RemovalPolicy::Retain},
                                                                          {"destroy", RemovalPolicy::Destroy}};
};

template <>
struct Fields<LogGroup::Props> {
  static constexpr std::string_view name = "logs.LogGroup";
  static const FieldList<LogGroup::Props>& get() {
    using P = LogGroup::Props;
    static const FieldList<P> list{
        field("log_group_name", &P::log_group_name, "unset: generated"),
        field("retention", &P::retention, "one_year by default; infinite is reported"),
        field("kms_key", &P::kms_key, "a kms.Key of this stack with allow_log_encryption"),
        field("removal_policy", &P::removal_policy, "retain (default) or destroy")};
    return list;
  }
};

template <>
struct GrantNames<LogGroup> {
  static constexpr std::pair<std::string_view, GrantMethod<LogGroup>> values[] = {{"write", &LogGroup::grant_write}};
};

template <>
struct EnumNames<TagStatus> {
  static constexpr std::pair<std::string_view, TagStatus> values[] = {
      {"untagged", TagStatus::Untagged}, {"tagged", TagStatus::Tagged}, {"any", TagStatus::Any}};
};

template <>
struct Fields<aws::ecr::LifecycleRule> {
  static constexpr std::string_view name = "lifecycle rule";
  static const FieldList<aws::ecr::LifecycleRule>& get() {
    using R = aws::ecr::LifecycleRule;
    static const FieldList<R> list{
        field("priority", &R::priority, "unique, from 1; applied in ascending order", required),
        field("description", &R::description, ""),
        field("tag_status", &R::tag_status, "untagged (default), tagged or any (last rule only)"),
        field("tag_prefixes", &R::tag_prefixes, "with tagged, and then required"),
        field("max_image_count", &R::max_image_count, "keep the newest N; or max_age_days"),
        field("max_age_days", &R::max_age_days, "expire images pushed more than N days ago")};
    return list;
  }
};

template <>
struct Fields<Repository::Props> {
  static constexpr std::string_view name = "ecr.Repository";
  static const FieldList<Repository::Props>& get() {
    using P = Repository::Props;
    static const FieldList<P> list{
        field("repository_name", &P::repository_name, "empty: generated; lower case, may contain / namespaces"),
        field("scan_on_push", &P::scan_on_push, "on by default"),
        field("immutable_tags", &P::immutable_tags, "on by default"),
        field("kms_key", &P::kms_key, "a kms.Key of this stack; default: AES256"),
        field("lifecycle_rules", &P::lifecycle_rules, "")};
    return list;
  }
};

template <>
struct GrantNames<Repository> {
  static constexpr std::pair<std::string_view, GrantMethod<Repository>> values[] = {{"pull", &Repository::grant_pull},
                                                                                    {"push", &Repository::grant_push}};
};

std::vector<Kind> secretsmanager_kinds() {
  return {make_kind<Secret, GrantActions<Secret>>(
      "a Secrets Manager secret: generated at deploy time or set out of band; retained when removed",
      {{"secret_arn", [](const Secret& s) { return s.secret_arn(); }},
       {"secret_name", [](const Secret& s) { return s.secret_name(); }}},
      &apply_grant_actions<Secret>)};
}

std::vector<Kind> logs_kinds() {
  return {make_kind<LogGroup, GrantActions<LogGroup>>(
      "a CloudWatch Logs log group: one year's retention by default; retained when removed",
      {{"log_group_name", [](const LogGroup& g) { return g.log_group_name(); }},
       {"log_group_arn", [](const LogGroup& g) { return g.log_group_arn(); }}},
      &apply_grant_actions<LogGroup>)};
}

std::vector<Kind> ecr_kinds() {
  return {make_kind<Repository, GrantActions<Repository>>(
      "an ECR repository: scanned on push, immutable tags; retained when removed",
      {{"repository_name", [](const Repository& r) { return r.repository_name(); }},
       {"repository_arn", [](const Repository& r) { return r.repository_arn(); }},
       {"repository_uri", [](const Repository& r) { return r.repository_uri(); }},
       {"registry", [](const Repository& r) { return r.registry(); }}},
      &apply_grant_actions<Repository>)};
}

}  // namespace drdb::spec
