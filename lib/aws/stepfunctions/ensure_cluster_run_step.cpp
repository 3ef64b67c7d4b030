#include "drdb/aws/stepfunctions/ensure_cluster_run_step.hpp"

#include "aws/stepfunctions/cluster_search.hpp"
#include "drdb/aws/dynamodb/table.hpp"
#include "drdb/aws/emr/cluster.hpp"
#include "drdb/aws/events/rule.hpp"
#include "drdb/aws/s3/bucket.hpp"
#include "drdb/aws/stepfunctions/tasks/dynamodb.hpp"
#include "drdb/aws/stepfunctions/tasks/emr.hpp"
#include "drdb/core/diagnostics.hpp"
#include "drdb/core/error.hpp"

namespace drdb::aws::stepfunctions {

namespace {

// Everything the workflow keeps is under these paths of the execution's data.
constexpr const char* run_path = "$.run";
constexpr const char* cluster_id_path = "$.cluster.ClusterId";

// Filters stay one level deep (cluster_search.hpp), so the page is narrowed to the model's name, each
// match is summarized as {Id, State} by a Map, and the summaries are split by state.
std::string in_state(const std::string& state) { return "$.found.clusters[?(@.State == '" + state + "')]"; }

// JSONata: the input with run.expires_at set to the execution's start plus `seconds`, as the string
// of epoch seconds DynamoDB's N type takes. JSONPath has no arithmetic on timestamps.
std::string with_expiry(long long seconds) {
  return "$merge([$states.input, {'run': $merge([$states.input.run, {'expires_at': "
         "$string($floor($toMillis($states.context.Execution.StartTime) / 1000) + " +
         std::to_string(seconds) + ")}])}])";
}

class RunLog {
 public:
  RunLog(const dynamodb::Table& table, const RunLogAttributes& a) : table_(table), a_(a) {}

  ServiceCall start(const std::string& data_product, const std::string& step, bool expires) const {
    Payload item{{a_.correlation_id, tasks::attr_s(Field::path(std::string(run_path) + ".correlation_id"))},
                     {a_.data_product, tasks::attr_s(data_product)},
                     {a_.date, tasks::attr_s(Field::path(std::string(run_path) + ".date"))},
                     {a_.run_id, tasks::attr_s(Field::path(std::string(run_path) + ".run_id"))},
                     {a_.status, tasks::attr_s("STARTED")},
                     {a_.current_step, tasks::attr_s(step)}};
    if (expires) item.emplace(a_.expires_at, tasks::attr_n(Field::path(std::string(run_path) + ".expires_at")));
    return tasks::dynamodb_put_item(table_, std::move(item));
  }
  // SET status (and the given attributes); names through placeholders, "Status" and "Date" being
  // DynamoDB reserved words.
  ServiceCall update(const std::string& status, std::vector<std::pair<std::string, Field>> more = {}) const {
    tasks::UpdateItem u{.key = {{a_.correlation_id, tasks::attr_s(Field::path(std::string(run_path) + ".correlation_id"))}}};
    u.update_expression = "SET #status = :status";
    u.expression_attribute_names.emplace("#status", Field(a_.status));
    u.expression_attribute_values.emplace(":status", tasks::attr_s(status));
    int i = 0;
    for (auto& [attribute, value] : more) {
      const auto n = std::to_string(i++);
      u.update_expression += ", #a" + n + " = :v" + n;
      u.expression_attribute_names.emplace("#a" + n, Field(attribute));
      u.expression_attribute_values.emplace(":v" + n, tasks::attr_s(std::move(value)));
    }
    return tasks::dynamodb_update_item(table_, std::move(u));
  }

 private:
  const dynamodb::Table& table_;
  const RunLogAttributes& a_;
};

}  // namespace

EnsureClusterRunStep::EnsureClusterRunStep(const Scope& scope, Props props) : Construct(scope), props_(std::move(props)) {
  if (props_.cluster == nullptr || props_.run_log == nullptr) return;  // reported by validate
  machine_ = &add<StateMachine>("StateMachine", {.definition = build_graph(),
                                                 .comment = "ensure an EMR cluster and run " + props_.step.name,
                                                 .timeout_seconds = props_.timeout_seconds,
                                                 .logging = props_.logging});
}

StateMachine& EnsureClusterRunStep::state_machine() const {
  if (machine_ == nullptr) throw Error(ErrorKind::Usage, path() + ": the workflow has no state machine (it needs a cluster and a run log)");
  return *machine_;
}

events::Rule& EnsureClusterRunStep::run_on_upload(s3::Bucket& bucket, std::vector<std::string> key_prefixes, std::string id) {
  auto& rule = add<events::Rule>(std::move(id), {.description = "runs " + props_.step.name + " for each upload to " + bucket.path(),
                                                 .event_pattern = events::EventPattern::s3_object_created(bucket, std::move(key_prefixes))});
  rule.add_state_machine_target(
      state_machine(),
      {.id = "Run",
       .input = events::TargetInput::transform(
           {{"bucket", "$.detail.bucket.name"}, {"key", "$.detail.object.key"}, {"time", "$.time"}},
           R"({"trigger": "upload", "object": {"bucket": <bucket>, "key": <key>}, "event_time": <time>})")});
  return rule;
}

events::Rule& EnsureClusterRunStep::run_on_schedule(events::Schedule schedule, std::string id) {
  auto& rule = add<events::Rule>(std::move(id), {.description = "runs " + props_.step.name + " on a schedule", .schedule = std::move(schedule)});
  rule.add_state_machine_target(state_machine(), {.id = "Run", .input = events::TargetInput::json(Value::object({{"trigger", "schedule"}}))});
  return rule;
}

Graph EnsureClusterRunStep::build_graph() const {
  const auto& p = props_;
  const auto name = p.cluster->cluster_name();
  const RunLog log(*p.run_log, p.attributes);
  const auto from_cluster = tasks::ClusterId::from_path(cluster_id_path);
  Graph g;

  // The run's date: the input's "date" (the data's date, from the trigger) or else the start time.
  auto& has_date = g.choice("HasDate");
  auto init = [&](std::string state, Field date) -> Pass& {
    return g.pass(std::move(state), {.parameters = Payload{{"correlation_id", Field::path("$$.Execution.Name")},
                                                          {"run_id", Field::path("$$.Execution.Id")},
                                                          {"date", std::move(date)}},
                                    .result_path = run_path});
  };
  auto& init_from_input = init("InitFromInput", Field::path("$.date"));
  auto& init_from_start = init("InitFromStartTime", Field::path("$$.Execution.StartTime"));
  auto& started = g.task("RecordStarted", log.start(p.data_product, "EnsureCluster", p.record_retention_days.has_value()),
                         {.result_path = ReferencePath::discard()});
  auto& list = g.task("ListClusters", tasks::emr_list_clusters(), {.result_path = "$.page"});
  auto& next_page = g.task("ListNextPage", tasks::emr_list_clusters({.marker_path = "$.page.Marker"}), {.result_path = "$.page"});
  auto& filter = g.pass("FilterClusters", {.parameters = Payload{{"named", Field::path(detail::clusters_named("$.page", name))}}, .result_path = "$.found"});
  auto& summarize = g.map("SummarizeClusters", {.items_path = "$.found.named",
                                                .item_selector = Payload{{"Id", Field::path("$$.Map.Item.Value.Id")},
                                                                         {"State", Field::path("$$.Map.Item.Value.Status.State")}},
                                                .result_path = "$.found.clusters"});
  summarize.processor().pass("Summary");
  auto& sort = g.pass("SortClusters", {.parameters = Payload{{"waiting", Field::path(in_state("WAITING"))},
                                                             {"running", Field::path(in_state("RUNNING"))},
                                                             {"starting", Field::path(in_state("STARTING"))},
                                                             {"bootstrapping", Field::path(in_state("BOOTSTRAPPING"))}},
                                       .result_path = "$.found"});
  auto& decide = g.choice("Decide");
  auto& use_waiting = g.pass("UseWaitingCluster", {.parameters = Payload{{"ClusterId", Field::path("$.found.waiting[0].Id")},
                                                                         {"Extra", Field::path("$.found.waiting[1:]")}},
                                                   .result_path = "$.cluster"});
  auto& terminate_extra = g.map("TerminateExtraClusters", {.items_path = "$.cluster.Extra",
                                                           .item_selector = Payload{{"ClusterId", Field::path("$$.Map.Item.Value.Id")}},
                                                           .result_path = ReferencePath::discard()});
  terminate_extra.processor().task("TerminateExtraCluster", tasks::emr_terminate_cluster(tasks::ClusterId::from_path("$.ClusterId")));
  auto& use_running = g.pass("UseRunningCluster", {.parameters = Payload{{"ClusterId", Field::path("$.found.running[0].Id")}},
                                                   .result_path = "$.cluster"});
  auto& wait = g.wait("WaitForCluster", WaitFor::seconds(p.poll_seconds));
  auto& create = g.task("CreateCluster", tasks::emr_create_cluster(*p.cluster),
                        {.result_selector = Payload{{"ClusterId", Field::path("$.ClusterId")}}, .result_path = "$.cluster"});
  auto& running = g.task("RecordRunning",
                         log.update("RUNNING", {{p.attributes.current_step, Field(p.step.name)},
                                                {p.attributes.cluster_id, Field::path(cluster_id_path)}}),
                         {.result_path = ReferencePath::discard()});
  auto& run = g.task("RunStep", tasks::emr_add_step(from_cluster, p.step), {.result_path = "$.step"});
  auto& succeeded = g.task("RecordSucceeded", log.update("SUCCEEDED"), {.result_path = ReferencePath::discard()});
  auto& done = g.succeed("Done");
  auto& record_failed = g.task("RecordFailed", log.update("FAILED", {{p.attributes.error, Field::path("$.error.Cause")}}),
                               {.result_path = ReferencePath::discard()});
  auto& failed = g.fail("Failed", {.error = "RunFailed", .cause = "the run failed; its record in the run log holds the error"});

  has_date.when(Condition::is_present("$.date"), init_from_input).otherwise(init_from_start);
  if (p.record_retention_days) {
    auto& expiry = g.pass("SetRecordExpiry", {.jsonata_output = with_expiry(*p.record_retention_days * 86400LL)});
    init_from_input.next(expiry);
    init_from_start.next(expiry).next(started);
  } else {
    init_from_input.next(started);
    init_from_start.next(started);
  }
  started.next(list).next(filter).next(summarize).next(sort).next(decide);
  next_page.next(filter);
  decide.when(Condition::is_present("$.found.waiting[0]"), use_waiting)
      .when(Condition::is_present("$.found.running[0]"), use_running)
      .when(Condition::any_of({Condition::is_present("$.found.starting[0]"), Condition::is_present("$.found.bootstrapping[0]")}), wait)
      .when(Condition::is_present("$.page.Marker"), next_page)
      .otherwise(create);
  wait.next(list);
  use_waiting.next(terminate_extra).next(running);
  use_running.next(running);
  create.next(running);
  running.next(run).next(succeeded).next(done);
  record_failed.next(failed);

  list.retry(detail::list_throttled());
  next_page.retry(detail::list_throttled());
  const Catch to_record{.errors = {errors::all}, .result_path = "$.error", .next = &record_failed};
  for (RecoverableState* s : std::initializer_list<RecoverableState*>{&started, &list, &next_page, &terminate_extra, &create, &running, &run, &succeeded})
    s->catch_errors(to_record);
  record_failed.catch_errors({.errors = {errors::all}, .result_path = "$.record_error", .next = &failed});
  return g;
}

void EnsureClusterRunStep::validate(Diagnostics& out) const {
  const auto p = path();
  if (props_.cluster == nullptr) out.error(p, "no cluster model", "set cluster to the emr::Cluster the workflow creates and matches by name");
  if (props_.run_log == nullptr) out.error(p, "no run-log table", "set run_log to a dynamodb::Table keyed by " + props_.attributes.correlation_id);
  if (props_.run_log != nullptr && props_.run_log->props().partition_key.name != props_.attributes.correlation_id)
    out.error(p, "the run-log table's partition key is " + props_.run_log->props().partition_key.name + ", not " + props_.attributes.correlation_id,
              "key the table by " + props_.attributes.correlation_id + " (a string), or set attributes.correlation_id");
  if (props_.cluster != nullptr && props_.cluster->cluster_name().find('\'') != std::string::npos)
    out.error(p, "the cluster name contains a quote, which the workflow's cluster filter cannot hold", "name the cluster without quotes");
  if (props_.data_product.empty()) out.error(p, "no data_product", "name the data product the runs are recorded for");
  if (props_.step.name.empty()) out.error(p, "the step has no name", "build it with emr::Step::spark(\"name\", ...)");
  if (props_.poll_seconds < 1) out.error(p, "poll_seconds must be positive", "use e.g. 60");
  if (props_.record_retention_days && *props_.record_retention_days < 1)
    out.error(p, "record_retention_days must be positive", "keep records e.g. 90 days, or set it to std::nullopt to keep them");
  if (props_.record_retention_days && props_.run_log != nullptr &&
      props_.run_log->props().time_to_live_attribute != props_.attributes.expires_at) {
    const auto& ttl = props_.run_log->props().time_to_live_attribute;
    out.error(p, "the workflow writes each record's expiry to " + props_.attributes.expires_at + ", but the run-log table's TTL attribute is " +
                     (ttl.empty() ? std::string("not set") : ttl),
              "set the table's time_to_live_attribute to " + props_.attributes.expires_at +
                  ", or record_retention_days to std::nullopt to keep records");
  }
}

}  // namespace drdb::aws::stepfunctions
