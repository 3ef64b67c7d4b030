// EventBridge event patterns as typed values: helpers for the events drdb pipelines react to
// (S3 Object Created, EMR cluster and step changes) and free-form patterns for the rest.
#pragma once

#include <string>
#include <vector>

#include "drdb/core/diagnostics.hpp"
#include "drdb/core/typed.hpp"
#include "drdb/core/value.hpp"

namespace drdb::aws::s3 {
class Bucket;
}

namespace drdb::aws::events {

// EMR cluster states as EventBridge reports them ("EMR Cluster State Change", detail.state).
enum class ClusterState { Starting, Bootstrapping, Running, Waiting, Terminating, Terminated, TerminatedWithErrors };
// EMR step states ("EMR Step Status Change", detail.state).
enum class StepState { Pending, CancelPending, Running, Completed, Cancelled, Failed, Interrupted };

std::string_view cluster_state_name(ClusterState s);  // "TERMINATED_WITH_ERRORS"
std::string_view step_state_name(StepState s);        // "FAILED"

struct ClusterStateChange {
  std::vector<ClusterState> states;        // empty: any state
  std::vector<std::string> cluster_names;  // detail.name; empty: any cluster
  std::vector<Str> cluster_ids;            // detail.clusterId, e.g. a cluster's id attribute
};

struct StepStatusChange {
  std::vector<StepState> states;     // empty: any state
  std::vector<std::string> step_names;  // detail.name
  std::vector<Str> cluster_ids;      // detail.clusterId
};

class EventPattern {
 public:
  // A pattern written by hand: an object whose leaves are lists of values or matchers, e.g.
  // Value::object({{"source", Value::list({"aws.ec2"})}}).
  static EventPattern of(Value pattern) { return EventPattern(std::move(pattern)); }
  // Objects created in `bucket` (under any of `key_prefixes`, when given). Turns on the bucket's
  // EventBridge notifications, without which S3 sends no such event.
  static EventPattern s3_object_created(s3::Bucket& bucket, std::vector<std::string> key_prefixes = {});
  static EventPattern emr_cluster_state_change(const ClusterStateChange& filter = {});
  static EventPattern emr_step_status_change(const StepStatusChange& filter = {});

  const Value& value() const { return pattern_; }

  // Every problem of the pattern: not an object, a leaf that is not a list, an empty list or object,
  // a size above `max_size` characters (EventBridge's quota; literal parts counted).
  void validate(const std::string& path, std::size_t max_size, Diagnostics& out) const;

 private:
  explicit EventPattern(Value pattern) : pattern_(std::move(pattern)) {}
  Value pattern_;
};

}  // namespace drdb::aws::events
