// Reading EventBridge schedules, event patterns and target inputs (events_codecs.hpp).
#include "spec/events_codecs.hpp"

#include "drdb/aws/s3/bucket.hpp"
#include "spec/fields.hpp"
#include "spec/kind_names.hpp"
#include "spec/value_codec.hpp"

namespace drdb::spec {

using namespace aws::events;

template <>
Schedule blank<Schedule>() {
  return Schedule::expression("");
}

template <>
EventPattern blank<EventPattern>() {
  return EventPattern::of(Value());
}

template <>
struct EnumNames<RateUnit> {
  static constexpr std::pair<std::string_view, RateUnit> values[] = {
      {"minutes", RateUnit::Minutes}, {"hours", RateUnit::Hours}, {"days", RateUnit::Days}};
};
template <>
struct EnumNames<ClusterState> {
  static constexpr std::pair<std::string_view, ClusterState> values[] = {
      {"starting", ClusterState::Starting},       {"bootstrapping", ClusterState::Bootstrapping},
      {"running", ClusterState::Running},         {"waiting", ClusterState::Waiting},
      {"terminating", ClusterState::Terminating}, {"terminated", ClusterState::Terminated},
      {"terminated_with_errors", ClusterState::TerminatedWithErrors}};
};
template <>
struct EnumNames<StepState> {
  static constexpr std::pair<std::string_view, StepState> values[] = {
      {"pending", StepState::Pending},     {"cancel_pending", StepState::CancelPending}, {"running", StepState::Running},
      {"completed", StepState::Completed}, {"cancelled", StepState::Cancelled},          {"failed", StepState::Failed},
      {"interrupted", StepState::Interrupted}};
};

namespace {

struct Rate {
  int value = 1;
  RateUnit unit = RateUnit::Hours;
};

struct S3ObjectCreated {
  aws::s3::Bucket* bucket = nullptr;
  std::vector<std::string> key_prefixes;
};

struct Transformer {
  std::map<std::string, std::string> paths;
  std::string input_template;
};

}  // namespace

template <>
struct Fields<Cron> {
  static constexpr std::string_view name = "cron";
  static const FieldList<Cron>& get() {
    static const FieldList<Cron> list{
        field("minutes", &Cron::minutes, "0-59 (default 0)"),
        field("hours", &Cron::hours, "0-23 (default every hour; quote \"*\")"),
        field("day_of_month", &Cron::day_of_month, "1-31, L, W; default ? when day_of_week is set, else *"),
        field("month", &Cron::month, "1-12 or JAN-DEC (default every month)"),
        field("day_of_week", &Cron::day_of_week, "1-7 or SUN-SAT, e.g. MON-FRI; default ?"),
        field("year", &Cron::year, "1970-2199 (default every year)")};
    return list;
  }
};

template <>
struct Fields<Rate> {
  static constexpr std::string_view name = "rate";
  static const FieldList<Rate>& get() {
    static const FieldList<Rate> list{field("value", &Rate::value, "a positive whole number", required),
                                      field("unit", &Rate::unit, "minutes, hours or days", required)};
    return list;
  }
};

template <>
struct Fields<S3ObjectCreated> {
  static constexpr std::string_view name = "s3_object_created";
  static const FieldList<S3ObjectCreated>& get() {
    static const FieldList<S3ObjectCreated> list{
        field("bucket", &S3ObjectCreated::bucket, "an s3.Bucket declared above; its EventBridge notifications are turned on",
              required),
        field("key_prefixes", &S3ObjectCreated::key_prefixes, "objects under any of these; empty: any object")};
    return list;
  }
};

template <>
struct Fields<ClusterStateChange> {
  static constexpr std::string_view name = "emr_cluster_state_change";
  static const FieldList<ClusterStateChange>& get() {
    using F = ClusterStateChange;
    static const FieldList<F> list{field("states", &F::states, "e.g. terminated_with_errors; empty: any state"),
                                   field("cluster_names", &F::cluster_names, "empty: any cluster"),
                                   field("cluster_ids", &F::cluster_ids, "")};
    return list;
  }
};

template <>
struct Fields<StepStatusChange> {
  static constexpr std::string_view name = "emr_step_status_change";
  static const FieldList<StepStatusChange>& get() {
    using F = StepStatusChange;
    static const FieldList<F> list{field("states", &F::states, "e.g. failed; empty: any state"),
                                   field("step_names", &F::step_names, "empty: any step"),
                                   field("cluster_ids", &F::cluster_ids, "")};
    return list;
  }
};

template <>
struct Fields<Transformer> {
  static constexpr std::string_view name = "transformer";
  static const FieldList<Transformer>& get() {
    static const FieldList<Transformer> list{
        field("paths", &Transformer::paths, "placeholder name → JSON path in the event, e.g. bucket: $.detail.bucket.name"),
        field("template", &Transformer::input_template, "the input, with <name> placeholders", required)};
    return list;
  }
};

const FormList<Schedule>& Forms<Schedule>::get() {
  static const FormList<Schedule> list{
      form<Schedule, Cron>("cron", "the six fields of cron(...), in UTC", &Schedule::cron),
      form<Schedule, Rate>("rate", "every <value> <unit>", [](const Rate& r) { return Schedule::rate(r.value, r.unit); }),
      form<Schedule, std::string>("expression", "as AWS writes it: cron(0 6 * * ? *) or rate(5 minutes)",
                                  &Schedule::expression)};
  return list;
}

const FormList<EventPattern>& Forms<EventPattern>::get() {
  static const FormList<EventPattern> list{
      form<EventPattern, S3ObjectCreated>("s3_object_created", "S3 Object Created events of a bucket of this stack",
                                          [](const S3ObjectCreated& p) {
                                            return EventPattern::s3_object_created(*p.bucket, p.key_prefixes);
                                          }),
      form<EventPattern, ClusterStateChange>("emr_cluster_state_change", "EMR Cluster State Change events",
                                             [](const ClusterStateChange& f) { return EventPattern::emr_cluster_state_change(f); }),
      form<EventPattern, StepStatusChange>("emr_step_status_change", "EMR Step Status Change events",
                                           [](const StepStatusChange& f) { return EventPattern::emr_step_status_change(f); }),
      form<EventPattern, Value>("custom", "a pattern written out: an object whose leaves are lists",
                                [](Value pattern) { return EventPattern::of(std::move(pattern)); })};
  return list;
}

const FormList<TargetInput>& Forms<TargetInput>::get() {
  static const FormList<TargetInput> list{
      form<TargetInput, Value>("json", "a constant document", &TargetInput::json),
      form<TargetInput, std::string>("path", "the part of the event at a JSON path, e.g. $.detail", &TargetInput::path),
      form<TargetInput, Transformer>("transformer", "a template filled from the event",
                                     [](Transformer t) { return TargetInput::transform(std::move(t.paths), std::move(t.input_template)); })};
  return list;
}

}  // namespace drdb::spec
