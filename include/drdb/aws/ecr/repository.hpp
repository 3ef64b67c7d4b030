// ECR repositories: images scanned on push, tags immutable and AES-256 encryption by default (or a
// KMS key); a typed lifecycle policy. Retained when removed from the stack.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "drdb/core/resource.hpp"

namespace drdb::aws::iam {
class Role;
}
namespace drdb::aws::kms {
class Key;
}

namespace drdb::aws::ecr {

enum class TagStatus { Untagged, Tagged, Any };

// One rule of the repository's lifecycle policy: images selected by tag status (and tag prefixes
// with TagStatus::Tagged) expire beyond a count or an age. Exactly one of max_image_count and
// max_age_days. ECR applies rules in ascending priority; a TagStatus::Any rule must come last.
struct LifecycleRule {
  int priority = 0;  // unique, >= 1
  std::string description;
  TagStatus tag_status = TagStatus::Untagged;
  std::vector<std::string> tag_prefixes;  // with TagStatus::Tagged only, and then required
  std::optional<int> max_image_count;     // keep the newest N (imageCountMoreThan)
  std::optional<int> max_age_days;        // expire images pushed more than N days ago (sinceImagePushed)

  static LifecycleRule expire_untagged_after_days(int priority, int days);
  static LifecycleRule keep_last_images(int priority, int count, std::vector<std::string> tag_prefixes);
};

class Repository : public Resource {
 public:
  struct Props {
    std::string repository_name;  // empty: generated; lowercase, may contain '/' namespaces
    bool scan_on_push = true;
    bool immutable_tags = true;
    const kms::Key* kms_key = nullptr;  // null: AES256 (ECR-managed keys)
    std::vector<LifecycleRule> lifecycle_rules;
  };
  Repository(const Scope& scope, Props props);

  const Props& props() const { return props_; }
  Str repository_name() const { return attr("Name"); }
  Str repository_arn() const { return attr("Arn"); }
  Str repository_uri() const { return attr("Uri"); }  // <account>.dkr.ecr.<region>.amazonaws.com/<name>
  // <account>.dkr.ecr.<region>.<URL suffix>: the registry of the stack's account and region that
  // holds the repository, the unit Docker trusts and logs in to.
  Str registry() const;

  void add_lifecycle_rule(LifecycleRule rule) { props_.lifecycle_rules.push_back(std::move(rule)); }
  // {"rules": [...]} as ECR's lifecycle policy text expects it, rules sorted by priority.
  Value lifecycle_policy() const;

  //   pull: ecr:BatchCheckLayerAvailability, BatchGetImage, GetDownloadUrlForLayer on this
  //         repository; ecr:GetAuthorizationToken (account-wide, see the implementation)
  //   push: pull's actions and ecr:CompleteLayerUpload, InitiateLayerUpload, PutImage, UploadLayerPart
  void grant_pull(iam::Role& role) const;
  void grant_push(iam::Role& role) const;

  void validate(Diagnostics& out) const override;
  void accept(ResourceVisitor& v) const override;

 private:
  Props props_;
};

}  // namespace drdb::aws::ecr
