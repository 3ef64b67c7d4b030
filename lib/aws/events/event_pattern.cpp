#include "drdb/aws/events/event_pattern.hpp"

#include "drdb/aws/s3/bucket.hpp"
#include "render/common/json_text.hpp"

namespace drdb::aws::events {

std::string_view cluster_state_name(ClusterState s) {
  switch (s) {
    case ClusterState::Starting: return "STARTING";
    case ClusterState::Bootstrapping: return "BOOTSTRAPPING";
    case ClusterState::Running: return "RUNNING";
    case ClusterState::Waiting: return "WAITING";
    case ClusterState::Terminating: return "TERMINATING";
    case ClusterState::Terminated: return "TERMINATED";
    case ClusterState::TerminatedWithErrors: return "TERMINATED_WITH_ERRORS";
  }
  return "";
}

std::string_view step_state_name(StepState s) {
  switch (s) {
    case StepState::Pending: return "PENDING";
    case StepState::CancelPending: return "CANCEL_PENDING";
    case StepState::Running: return "RUNNING";
    case StepState::Completed: return "COMPLETED";
    case StepState::Cancelled: return "CANCELLED";
    case StepState::Failed: return "FAILED";
    case StepState::Interrupted: return "INTERRUPTED";
  }
  return "";
}

namespace {

template <class T, class F>
Value list_of(const std::vector<T>& items, F&& convert) {
  List out;
  for (const auto& item : items) out.push_back(convert(item));
  return Value(std::move(out));
}

Value emr_pattern(std::string_view detail_type, Object detail) {
  Object pattern{{"source", Value::list({"aws.emr"})}, {"detail-type", Value::list({Value(detail_type)})}};
  if (!detail.empty()) pattern.emplace("detail", Value(std::move(detail)));
  return Value(std::move(pattern));
}

void add_if_any(Object& detail, const std::string& key, Value list) {
  if (!list.as_list().empty()) detail.emplace(key, std::move(list));
}

const auto as_string = [](const std::string& s) { return Value(s); };
const auto as_value = [](const Str& s) { return s.value(); };

// Checks the shape EventBridge requires: objects down to lists of matchers.
void check_shape(const Value& v, const std::string& at, const std::string& path, Diagnostics& out) {
  if (v.is_object()) {
    if (v.as_object().empty())
      out.error(path, "event pattern: " + (at.empty() ? std::string("the pattern") : at) + " is an empty object",
                "give it fields to match, e.g. \"source\": [\"aws.s3\"]");
    for (const auto& [key, member] : v.as_object()) check_shape(member, at.empty() ? key : at + "." + key, path, out);
  } else if (v.is_list()) {
    if (v.as_list().empty())
      out.error(path, "event pattern: " + at + " is an empty list, which matches nothing",
                "list the values to match, e.g. [\"aws.s3\"], or remove the field");
  } else {
    out.error(path, "event pattern: " + at + " is a " + std::string(v.kind_name()) + ", not a list of values",
              "put the value in a list: \"" + at + "\": [ ... ]");
  }
}

}  // namespace

EventPattern EventPattern::s3_object_created(s3::Bucket& bucket, std::vector<std::string> key_prefixes) {
  bucket.enable_event_bridge();
  Object detail{{"bucket", Value::object({{"name", Value::list({bucket.bucket_name().value()})}})}};
  if (!key_prefixes.empty())
    detail.emplace("object", Value::object({{"key", list_of(key_prefixes, [](const std::string& p) {
                                                 return Value::object({{"prefix", p}});
                                               })}}));
  return EventPattern(Value::object({{"source", Value::list({"aws.s3"})},
                                     {"detail-type", Value::list({"Object Created"})},
                                     {"detail", Value(std::move(detail))}}));
}

EventPattern EventPattern::emr_cluster_state_change(const ClusterStateChange& f) {
  Object detail;
  add_if_any(detail, "state", list_of(f.states, [](ClusterState s) { return Value(cluster_state_name(s)); }));
  add_if_any(detail, "name", list_of(f.cluster_names, as_string));
  add_if_any(detail, "clusterId", list_of(f.cluster_ids, as_value));
  return EventPattern(emr_pattern("EMR Cluster State Change", std::move(detail)));
}

EventPattern EventPattern::emr_step_status_change(const StepStatusChange& f) {
  Object detail;
  add_if_any(detail, "state", list_of(f.states, [](StepState s) { return Value(step_state_name(s)); }));
  add_if_any(detail, "name", list_of(f.step_names, as_string));
  add_if_any(detail, "clusterId", list_of(f.cluster_ids, as_value));
  return EventPattern(emr_pattern("EMR Step Status Change", std::move(detail)));
}

void EventPattern::validate(const std::string& path, std::size_t max_size, Diagnostics& out) const {
  if (!pattern_.is_object()) {
    out.error(path, "event pattern: the pattern is a " + std::string(pattern_.kind_name()) + ", not an object",
              "give an object, e.g. {\"source\": [\"aws.s3\"]}");
    return;
  }
  check_shape(pattern_, "", path, out);
  const auto size = render::literal_json_size(pattern_);
  if (size > max_size)
    out.error(path, "event pattern is " + std::to_string(size) + " characters; EventBridge allows " + std::to_string(max_size),
              "split it into several rules, or match on fewer values (e.g. a common key prefix); a raised account "
              "quota can be declared with Props::max_event_pattern_size");
}

}  // namespace drdb::aws::events
