#include "drdb/aws/s3/notifications.hpp"

#include <algorithm>
#include <set>

#include "aws/events/key_access.hpp"
#include "drdb/aws/kms/key.hpp"
#include "drdb/aws/lambda/function.hpp"
#include "drdb/aws/s3/bucket.hpp"
#include "drdb/aws/sqs/queue.hpp"
#include "drdb/core/diagnostics.hpp"
#include "drdb/core/logical_id.hpp"
#include "core/resource_visitor.hpp"

namespace drdb::aws::s3 {

std::string_view event_type_name(EventType type) {
  switch (type) {
    case EventType::ObjectCreated: return "s3:ObjectCreated:*";
    case EventType::ObjectCreatedPut: return "s3:ObjectCreated:Put";
    case EventType::ObjectCreatedPost: return "s3:ObjectCreated:Post";
    case EventType::ObjectCreatedCopy: return "s3:ObjectCreated:Copy";
    case EventType::ObjectCreatedCompleteMultipartUpload: return "s3:ObjectCreated:CompleteMultipartUpload";
    case EventType::ObjectRemoved: return "s3:ObjectRemoved:*";
    case EventType::ObjectRemovedDelete: return "s3:ObjectRemoved:Delete";
    case EventType::ObjectRemovedDeleteMarkerCreated: return "s3:ObjectRemoved:DeleteMarkerCreated";
    case EventType::ObjectRestore: return "s3:ObjectRestore:*";
    case EventType::ObjectRestorePost: return "s3:ObjectRestore:Post";
    case EventType::ObjectRestoreCompleted: return "s3:ObjectRestore:Completed";
    case EventType::ObjectRestoreDelete: return "s3:ObjectRestore:Delete";
    case EventType::ReducedRedundancyLostObject: return "s3:ReducedRedundancyLostObject";
    case EventType::Replication: return "s3:Replication:*";
    case EventType::ReplicationOperationFailedReplication: return "s3:Replication:OperationFailedReplication";
    case EventType::ReplicationOperationMissedThreshold: return "s3:Replication:OperationMissedThreshold";
    case EventType::ReplicationOperationReplicatedAfterThreshold: return "s3:Replication:OperationReplicatedAfterThreshold";
    case EventType::ReplicationOperationNotTracked: return "s3:Replication:OperationNotTracked";
    case EventType::LifecycleExpiration: return "s3:LifecycleExpiration:*";
    case EventType::LifecycleExpirationDelete: return "s3:LifecycleExpiration:Delete";
    case EventType::LifecycleExpirationDeleteMarkerCreated: return "s3:LifecycleExpiration:DeleteMarkerCreated";
    case EventType::LifecycleTransition: return "s3:LifecycleTransition";
    case EventType::IntelligentTiering: return "s3:IntelligentTiering";
    case EventType::ObjectTagging: return "s3:ObjectTagging:*";
    case EventType::ObjectTaggingPut: return "s3:ObjectTagging:Put";
    case EventType::ObjectTaggingDelete: return "s3:ObjectTagging:Delete";
    case EventType::ObjectAclPut: return "s3:ObjectAcl:Put";
  }
  return "";
}

// ---- on the bucket ---------------------------------------------------------------------------

BucketNotifications& Bucket::notifications() {
  if (notifications_ == nullptr) notifications_ = &add<BucketNotifications>("Notifications", {this});
  return *notifications_;
}

void Bucket::enable_event_bridge() { notifications().enable_event_bridge(); }

void Bucket::notify(Notification n, const Construct& grant) {
  auto& config = notifications();
  config.add(std::move(n));
  // S3 checks the destination when the configuration is set, so it waits for the grant. In
  // CloudFormation the configuration is part of the bucket; a named bucket's ARN does not refer to
  // the bucket resource, so the bucket itself can wait. An unnamed bucket cannot render to
  // CloudFormation with such destinations (the grant's source ARN would be the bucket's); Terraform
  // only needs its notification resource to wait.
  if (!props_.bucket_name.empty())
    add_dependency(grant);
  else
    config.add_dependency(grant);
}

void Bucket::notify_lambda(lambda::Function& function, std::vector<EventType> events, NotificationFilter filter) {
  const auto id = "AllowS3" + logical_id(*this);  // one per bucket and function
  const Construct* permission = function.find_child(id);
  if (permission == nullptr) permission = &function.allow_invocation(id, "s3.amazonaws.com", arn(), Str(Pseudo::AccountId));
  notify({.destination = Notification::Destination::Lambda,
          .arn = function.function_arn(),
          .what = "Lambda function " + function.path(),
          .events = std::move(events),
          .filter = std::move(filter)},
         *permission);
}

void Bucket::notify_queue(sqs::Queue& queue, std::vector<EventType> events, NotificationFilter filter) {
  queue.add_to_resource_policy({.actions = {"sqs:SendMessage"},
                                .resources = {queue.queue_arn()},
                                .principals = {iam::Principal::service("s3.amazonaws.com")},
                                .conditions = {{"ArnEquals", {{"aws:SourceArn", {arn()}}}},
                                               {"StringEquals", {{"aws:SourceAccount", {Str(Pseudo::AccountId)}}}}}});
  notify({.destination = Notification::Destination::Queue,
          .arn = queue.queue_arn(),
          .what = "SQS queue " + queue.path(),
          .events = std::move(events),
          .filter = std::move(filter),
          .queue_key = queue.key()},
         *queue.find_policy());
}

// ---- validation ------------------------------------------------------------------------------

namespace {

constexpr std::size_t max_filter = 1024;

// "s3:ObjectCreated:*" covers "s3:ObjectCreated:Put".
bool types_overlap(EventType a, EventType b) {
  const auto x = event_type_name(a);
  const auto y = event_type_name(b);
  if (x == y) return true;
  auto family = [](std::string_view name) { return name.substr(0, name.rfind(':') + 1); };
  return (x.ends_with(":*") && y.starts_with(family(x))) || (y.ends_with(":*") && x.starts_with(family(y)));
}

// Some key can match both filters.
bool filters_overlap(const NotificationFilter& a, const NotificationFilter& b) {
  const bool prefixes = a.prefix.starts_with(b.prefix) || b.prefix.starts_with(a.prefix);
  const bool suffixes = a.suffix.ends_with(b.suffix) || b.suffix.ends_with(a.suffix);
  return prefixes && suffixes;
}

std::string describe(const NotificationFilter& f) {
  if (f.prefix.empty() && f.suffix.empty()) return "every key";
  std::string out;
  if (!f.prefix.empty()) out += "prefix \"" + f.prefix + "\"";
  if (!f.suffix.empty()) out += std::string(out.empty() ? "" : ", ") + "suffix \"" + f.suffix + "\"";
  return out;
}

void check_one(const Notification& n, const std::string& path, Diagnostics& out) {
  const std::string where = "notification to " + n.what;
  if (n.events.empty()) out.error(path, where + " has no event types", "give at least one, e.g. EventType::ObjectCreated");
  std::set<EventType> seen;
  for (auto e : n.events)
    if (!seen.insert(e).second)
      out.error(path, where + " lists " + std::string(event_type_name(e)) + " twice", "list each event type once");
  for (const auto* part : {&n.filter.prefix, &n.filter.suffix}) {
    if (part->size() > max_filter)
      out.error(path, where + ": a filter is " + std::to_string(part->size()) + " characters", "S3 allows 1024");
    if (part->find_first_of("*?{}") != std::string::npos)
      out.warning(path, where + ": filter \"" + *part + "\" has wildcard or template characters, which S3 matches literally",
                  "use a literal prefix such as \"sales/\" (one notification per database)");
  }
  if (n.queue_key != nullptr)
    events::check_service_key_access(*n.queue_key, "s3.amazonaws.com", path,
                                     where + ": the queue is encrypted with " + n.queue_key->path() +
                                         ", whose key policy does not let S3 use it",
                                     out);
}

}  // namespace

void BucketNotifications::validate(Diagnostics& out) const {
  const auto p = path();
  for (const auto& n : notifications_) check_one(n, p, out);
  for (std::size_t i = 0; i < notifications_.size(); ++i) {
    for (std::size_t j = i + 1; j < notifications_.size(); ++j) {
      const auto& a = notifications_[i];
      const auto& b = notifications_[j];
      if (!filters_overlap(a.filter, b.filter)) continue;
      for (auto x : a.events) {
        const auto y = std::find_if(b.events.begin(), b.events.end(), [&](EventType e) { return types_overlap(x, e); });
        if (y == b.events.end()) continue;
        out.error(p, "notifications to " + a.what + " (" + std::string(event_type_name(x)) + ", " + describe(a.filter) +
                         ") and to " + b.what + " (" + std::string(event_type_name(*y)) + ", " + describe(b.filter) +
                         ") overlap; S3 refuses configurations whose filters can match the same key for the same event",
                  "give them prefixes that do not start one another (e.g. one per database: \"sales/\", \"hr/\") or "
                  "different suffixes, or send both to one destination");
        break;
      }
    }
  }
}

void BucketNotifications::accept(ResourceVisitor& v) const { v.visit(*this); }

}  // namespace drdb::aws::s3
