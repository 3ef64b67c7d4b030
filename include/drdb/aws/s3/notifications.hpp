// S3 event notifications of a bucket: to Lambda functions, to SQS queues, and to EventBridge.
// Created through Bucket::notify_lambda / notify_queue / enable_event_bridge, which also add the
// invoke permission or queue policy statement S3 needs (scoped to the bucket and its account).
//
// Rendering without a dependency cycle: S3 checks a destination when the configuration is set, so
// the configuration waits for the permission or queue policy, whose source ARN is the bucket's.
//   Terraform: the configuration is a resource of its own (aws_s3_bucket_notification) depending
//   on the permissions; nothing waits for it.
//   CloudFormation: the configuration is part of AWS::S3::Bucket, so the bucket itself waits for
//   them; the cycle is broken by the bucket's ARN being built from its name (Bucket::arn() for a
//   named bucket), so the permission, the queue policy and the target's role never refer to the
//   bucket resource. A bucket with Lambda or SQS destinations therefore needs a bucket_name to
//   render to CloudFormation (an error says so otherwise); EventBridge needs nothing.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "drdb/core/resource.hpp"

namespace drdb::aws::kms {
class Key;
}

namespace drdb::aws::s3 {

class Bucket;

enum class EventType {
  ObjectCreated,  // s3:ObjectCreated:*
  ObjectCreatedPut,
  ObjectCreatedPost,
  ObjectCreatedCopy,
  ObjectCreatedCompleteMultipartUpload,
  ObjectRemoved,  // s3:ObjectRemoved:*
  ObjectRemovedDelete,
  ObjectRemovedDeleteMarkerCreated,
  ObjectRestore,  // s3:ObjectRestore:*
  ObjectRestorePost,
  ObjectRestoreCompleted,
  ObjectRestoreDelete,
  ReducedRedundancyLostObject,
  Replication,  // s3:Replication:*
  ReplicationOperationFailedReplication,
  ReplicationOperationMissedThreshold,
  ReplicationOperationReplicatedAfterThreshold,
  ReplicationOperationNotTracked,
  LifecycleExpiration,  // s3:LifecycleExpiration:*
  LifecycleExpirationDelete,
  LifecycleExpirationDeleteMarkerCreated,
  LifecycleTransition,
  IntelligentTiering,
  ObjectTagging,  // s3:ObjectTagging:*
  ObjectTaggingPut,
  ObjectTaggingDelete,
  ObjectAclPut,
};

std::string_view event_type_name(EventType type);  // "s3:ObjectCreated:*"

// Which keys notify: those starting with `prefix` and ending with `suffix` (both literal: S3
// filters have no wildcards). E.g. one notification per database with prefix "sales/".
struct NotificationFilter {
  std::string prefix;
  std::string suffix;
};

struct Notification {
  enum class Destination { Lambda, Queue } destination = Destination::Lambda;
  Str arn = "";
  std::string what;  // "Lambda function App/S/Fn", for diagnostics
  std::vector<EventType> events;
  NotificationFilter filter;
  // An SQS queue encrypted with this key: its key policy must let S3 use it.
  const kms::Key* queue_key = nullptr;
};

// The notification configuration of one bucket (child "Notifications"); see the top of this file.
class BucketNotifications : public Resource {
 public:
  struct Props {
    const Bucket* bucket = nullptr;
  };
  BucketNotifications(const Scope& scope, Props props) : Resource(scope), props_(props) {}

  const Bucket& bucket() const { return *props_.bucket; }
  void add(Notification n) { notifications_.push_back(std::move(n)); }
  const std::vector<Notification>& notifications() const { return notifications_; }
  void enable_event_bridge() { event_bridge_ = true; }
  bool event_bridge() const { return event_bridge_; }

  // Every problem: no event types, a type twice, filters above S3's 1024 characters, wildcards in
  // filters (warning), and configurations that overlap — the same event type with prefixes and
  // suffixes that can both match one key, which S3 refuses.
  void validate(Diagnostics& out) const override;
  void accept(ResourceVisitor& v) const override;

 private:
  Props props_;
  std::vector<Notification> notifications_;
  bool event_bridge_ = false;
};

}  // namespace drdb::aws::s3
