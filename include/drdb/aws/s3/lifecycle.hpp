// S3 lifecycle rules: expire, transition to cheaper storage classes, clean up incomplete uploads.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "drdb/core/diagnostics.hpp"

namespace drdb::aws::s3 {

// In S3's transition order ("waterfall"): a rule may only move objects down this list.
enum class StorageClass { StandardIa, IntelligentTiering, OneZoneIa, GlacierInstantRetrieval, Glacier, DeepArchive };

// "STANDARD_IA", "INTELLIGENT_TIERING", "ONEZONE_IA", "GLACIER_IR", "GLACIER", "DEEP_ARCHIVE".
std::string_view storage_class_name(StorageClass c);

struct Transition {
  StorageClass storage_class = StorageClass::StandardIa;
  int days = 0;  // after creation (current versions) or after becoming noncurrent
};

struct LifecycleRule {
  std::string id;  // required, unique within the bucket
  bool enabled = true;
  // Filter: objects under `prefix` carrying every tag in `tags`; both empty: the whole bucket.
  std::string prefix;
  std::map<std::string, std::string> tags;
  std::optional<int> expiration_days;
  std::vector<Transition> transitions;
  std::optional<int> noncurrent_version_expiration_days;  // versioned buckets
  std::vector<Transition> noncurrent_version_transitions;  // versioned buckets
  std::optional<int> abort_incomplete_multipart_upload_days;  // not with a tag filter
};

// Every problem of `rules`, as S3 would refuse them at deploy time (and noncurrent-version actions
// on an unversioned bucket, which would do nothing, as warnings).
void validate_lifecycle(const std::vector<LifecycleRule>& rules, bool versioned, const std::string& path,
                        Diagnostics& out);

}  // namespace drdb::aws::s3
