#include "diff/impact.hpp"

#include <algorithm>
#include <array>
#include <map>

#include "diff/values.hpp"
#include "drdb/l1/replacement.hpp"
#include "render/tf/removed_blocks.hpp"

namespace drdb::diff::detail {
namespace {

using nlohmann::json;

int rank(Replacement r) {
  switch (r) {
    case Replacement::No: return 0;
    case Replacement::Unknown: return 1;
    case Replacement::Maybe: return 2;
    case Replacement::Yes: return 3;
  }
  return 0;
}

Replacement from(l1::UpdateBehavior b) {
  switch (b) {
    case l1::UpdateBehavior::InPlace: return Replacement::No;
    case l1::UpdateBehavior::MayReplace: return Replacement::Maybe;
    case l1::UpdateBehavior::Replace: return Replacement::Yes;
    case l1::UpdateBehavior::Unknown: return Replacement::Unknown;
  }
  return Replacement::Unknown;
}

// Terraform's meta-arguments change how Terraform manages a resource, not the resource.
bool tf_meta_argument(std::string_view path) {
  for (std::string_view meta : {"lifecycle", "depends_on", "provider", "count", "for_each"})
    if (path == meta || (path.starts_with(meta) && (path[meta.size()] == '.' || path[meta.size()] == '[')))
      return true;
  return false;
}

Replacement behaviour(const std::string& type, const std::string& property, bool whole_value, Kind kind) {
  if (kind == Kind::Terraform) return from(l1::tf::update_behavior(type, property, whole_value));
  return from(l1::cfn::update_behavior(type, property, whole_value));
}

// Resource types whose physical resource holds data that is gone with it: objects, items, key
// material (and everything it encrypted), secret values, logs, queued messages, images, catalogs.
bool stateful(std::string_view type) {
  static constexpr std::array<std::string_view, 31> types = {
      "AWS::DynamoDB::GlobalTable", "AWS::DynamoDB::Table", "AWS::EC2::Volume", "AWS::ECR::Repository",
      "AWS::EFS::FileSystem", "AWS::EMR::SecurityConfiguration", "AWS::Glue::Database", "AWS::Glue::Table",
      "AWS::KMS::Key", "AWS::Kinesis::Stream", "AWS::Logs::LogGroup", "AWS::RDS::DBCluster", "AWS::RDS::DBInstance",
      "AWS::S3::Bucket", "AWS::SQS::Queue", "AWS::SecretsManager::Secret",
      "aws_cloudwatch_log_group", "aws_db_instance", "aws_dynamodb_table", "aws_ebs_volume", "aws_ecr_repository",
      "aws_efs_file_system", "aws_emr_security_configuration", "aws_glue_catalog_database", "aws_glue_catalog_table",
      "aws_kinesis_stream", "aws_kms_key", "aws_rds_cluster", "aws_s3_bucket", "aws_secretsmanager_secret",
      "aws_sqs_queue"};
  return std::find(types.begin(), types.end(), type) != types.end();
}

OldResource cfn_policy(const Resource* resource, const char* key) {
  if (resource == nullptr || resource->body == nullptr || !resource->body->is_object()) return OldResource::Deleted;
  const auto it = resource->body->find(key);
  if (it == resource->body->end() || !it->is_string()) return OldResource::Deleted;
  const auto& policy = it->get_ref<const std::string&>();
  if (policy == "Retain" || policy == "RetainExceptOnCreate") return OldResource::Retained;
  if (policy == "Snapshot") return OldResource::Snapshot;
  return OldResource::Deleted;
}

bool prevents_destroy(const Resource* resource) {
  if (resource == nullptr || resource->body == nullptr || !resource->body->is_object()) return false;
  const auto lifecycle = resource->body->find("lifecycle");
  if (lifecycle == resource->body->end()) return false;
  // A block given as an object, or as a list of one object.
  const json& block = lifecycle->is_array() && !lifecycle->empty() ? (*lifecycle)[0] : *lifecycle;
  return block.is_object() && block.value("prevent_destroy", false) == true;
}

// skip_destroy (log groups, Lambda functions): the provider drops the resource from the state
// instead of deleting it.
bool skips_destroy(const Resource* resource) {
  return resource != nullptr && resource->body != nullptr && resource->body->is_object() &&
         resource->body->value("skip_destroy", json()) == true;
}

}  // namespace

Replacement stronger(Replacement a, Replacement b) { return rank(a) >= rank(b) ? a : b; }

Replacement carried(Replacement target, Replacement through) {
  if (through == Replacement::No || target == Replacement::No) return Replacement::No;
  if (target == Replacement::Yes) return through;
  if (target == Replacement::Unknown || through == Replacement::Unknown) return Replacement::Unknown;
  return Replacement::Maybe;
}

void classify_changes(ResourceDiff& r, const std::string& before_type, Kind kind) {
  if (r.change != Change::Modified) return;
  if (before_type != r.type) {
    r.replacement = Replacement::Yes;
    r.replaced_by = {"Type"};
    return;
  }
  std::map<std::string, Replacement> verdicts;  // property → verdict
  for (const auto& v : r.values) {
    if (kind == Kind::Terraform && tf_meta_argument(v.path)) continue;
    const auto property = property_path(v.path, properties_prefix(kind));
    if (property.empty()) continue;  // DeletionPolicy, Metadata, DependsOn...: no change to the resource
    // A list element added or removed changes the list; a value set or unset sets everything below it.
    const bool whole_value = !(v.change != Change::Modified && is_list_position(v.path));
    auto& verdict = verdicts[property];
    verdict = stronger(verdict, behaviour(r.type, property, whole_value, kind));
  }
  r.replacement = Replacement::No;
  for (const auto& [property, verdict] : verdicts) r.replacement = stronger(r.replacement, verdict);
  r.replaced_by.clear();
  if (r.replacement != Replacement::No)
    for (const auto& [property, verdict] : verdicts)
      if (verdict == r.replacement) r.replaced_by.push_back(property);
}

Replacement replacement_through(const std::string& type, const std::string& property, Kind kind) {
  return behaviour(type, property, true, kind);
}

void assess_old_resource(ResourceDiff& r, const Resource* before, const Resource* after, Kind kind,
                         const json* after_document) {
  const bool removed = r.change == Change::Removed;
  const bool replaced = r.change == Change::Modified && r.replacement != Replacement::No;
  if (!removed && !replaced) {
    r.old_resource = OldResource::None;
    r.data_loss = false;
    return;
  }
  if (kind == Kind::Terraform) {
    // prevent_destroy does not protect a resource whose block is gone: Terraform deletes it, unless
    // a `removed` block tells it to forget the resource instead, or the provider skips the delete.
    if (removed)
      r.old_resource = (after_document != nullptr && render::tf::forgotten_addresses(*after_document).contains(r.id)) ||
                               skips_destroy(before)
                           ? OldResource::Retained
                           : OldResource::Deleted;
    else
      r.old_resource = prevents_destroy(after) ? OldResource::Blocked : OldResource::Deleted;
  } else {
    r.old_resource = removed ? cfn_policy(before, "DeletionPolicy") : cfn_policy(after, "UpdateReplacePolicy");
  }
  // A replaced stateful resource starts empty whatever becomes of the old one: retained, its data is
  // orphaned where the app no longer looks. A removed one loses its data only if it is deleted.
  r.data_loss = stateful(r.type) && (replaced || r.old_resource == OldResource::Deleted);
}

}  // namespace drdb::diff::detail
