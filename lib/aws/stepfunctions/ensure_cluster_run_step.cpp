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

std::string run_field(const std::string& name) { return std::string(run_path) + "." + name; }

// JSONata: the input with run.expires_at set to the execution's start plus `seconds`, as the string
// of epoch seconds DynamoDB's N type takes. JSONPath has no arithmetic on timestamps.
std::string with_expiry(long long seconds) {
  return "$merge([$states.input, {'run': $merge([$states.input.run, {'expires_at': "
         "$string($floor($toMillis($states.context.Execution.StartTime) / 1000) + " +
         std::to_string(seconds) + ")}])}])";
}

// JSONata: the decision over every page's clusters, as decision {action: reuse | wait | create,
// outcome, terminate: ids, and in DynamoDB's list form terminated and clusters (those waited for, or
// the one used)} and, to reuse one, cluster.ClusterId; found and page are emptied for the next round.
std::string reconcile() {
  return "("
         "$found := $append([], $states.input.found);"
         "$waiting := $append([], $found[State = 'WAITING'].Id);"
         "$running := $append([], $found[State = 'RUNNING'].Id);"
         "$starting := $append([], $found[State = 'STARTING' or State = 'BOOTSTRAPPING'].Id);"
         "$items := function($ids) { $append([], $ids.{'S': $}) };"
         "$extra := $append([], $filter($waiting, function($v, $i) { $i > 0 }));"
         "$use := $count($waiting) > 0 ? $waiting[0] : $running[0];"
         "$decision := $count($waiting) > 0 ? {'action': 'reuse', 'outcome': 'REUSED_WAITING'}"
         " : $count($running) > 0 ? {'action': 'reuse', 'outcome': 'REUSED_RUNNING'}"
         " : $count($starting) > 0 ? {'action': 'wait', 'outcome': 'WAITED'}"
         " : {'action': 'create', 'outcome': 'CREATED'};"
         "$merge([$states.input, {'found': [], 'page': {},"
         " 'decision': $merge([$decision, {'terminate': $extra, 'terminated': $items($extra),"
         " 'clusters': $items($decision.action = 'wait' ? $starting : $use)}])},"
         " $use ? {'cluster': {'ClusterId': $use}} : {}])"
         ")";
}

class RunLog {
 public:
  RunLog(const dynamodb::Table& table, const RunLogAttributes& a) : table_(table), a_(a) {}

  ServiceCall start(const std::string& data_product, const std::string& step, bool expires) const {
    Payload item{{a_.correlation_id, tasks::attr_s(Field::path(run_field("correlation_id")))},
                 {a_.data_product, tasks::attr_s(data_product)},
                 {a_.date, tasks::attr_s(Field::path(run_field("date")))},
                 {a_.run_id, tasks::attr_s(Field::path(run_field("run_id")))},
                 {a_.status, tasks::attr_s("STARTED")},
                 {a_.current_step, tasks::attr_s(step)}};
    if (expires) item.emplace(a_.expires_at, tasks::attr_n(Field::path(run_field("expires_at"))));
    return tasks::dynamodb_put_item(table_, std::move(item));
  }

  // An update of the run's item: SET each attribute to its value (DynamoDB JSON), names through
  // placeholders ("Status" and "Date" are reserved words); `event` appends a decision to the events.
  class Update {
   public:
    Update(const RunLog& log) : log_(log), u_{.key = {{log.a_.correlation_id, tasks::attr_s(Field::path(run_field("correlation_id")))}}} {}
    Update& set(const std::string& attribute, Field value) {
      const auto n = std::to_string(count_++);
      add("#a" + n + " = :v" + n);
      u_.expression_attribute_names.emplace("#a" + n, Field(attribute));
      u_.expression_attribute_values.emplace(":v" + n, std::move(value));
      return *this;
    }
    Update& increment(const std::string& attribute) {
      add("#inc = if_not_exists(#inc, :zero) + :one");
      u_.expression_attribute_names.emplace("#inc", Field(attribute));
      u_.expression_attribute_values.emplace(":zero", tasks::attr_n("0"));
      u_.expression_attribute_values.emplace(":one", tasks::attr_n("1"));
      return *this;
    }
    Update& event(Field kind) {
      const auto& a = log_.a_;
      add("#events = list_append(if_not_exists(#events, :no_events), :event)");
      u_.expression_attribute_names.emplace("#events", Field(a.events));
      u_.expression_attribute_values.emplace(":no_events", Field(Value::object({{"L", List{}}})));
      const Payload entry{{"Event", tasks::attr_s(std::move(kind))},
                          {"At", tasks::attr_s(Field::path("$$.State.EnteredTime"))},
                          {"Clusters", Payload{{"L", Field::path("$.decision.clusters")}}}};
      u_.expression_attribute_values.emplace(":event", Field(Value::object({{"L", List{Value::object({{"M", payload_value(entry)}})}}})));
      return *this;
    }
    ServiceCall call() const { return tasks::dynamodb_update_item(log_.table_, u_); }

   private:
    void add(const std::string& clause) { u_.update_expression += (u_.update_expression.empty() ? "SET " : ", ") + clause; }
    const RunLog& log_;
    tasks::UpdateItem u_;
    int count_ = 0;
  };

  Update update(const std::string& status) const { return Update(*this).set(a_.status, tasks::attr_s(status)); }
  Update update() const { return Update(*this); }

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
  scheduled_ = true;
  auto& rule = add<events::Rule>(std::move(id), {.description = "runs " + props_.step.name + " on a schedule", .schedule = std::move(schedule)});
  rule.add_state_machine_target(state_machine(), {.id = "Run", .input = events::TargetInput::json(Value::object({{"trigger", "schedule"}}))});
  return rule;
}

Str EnsureClusterRunStep::object_bucket() { return input_string("$.object.bucket"); }
Str EnsureClusterRunStep::object_key() { return input_string("$.object.key"); }
Str EnsureClusterRunStep::object_uri() { return "s3://" + object_bucket() + "/" + object_key(); }

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
  auto& collect = g.pass("CollectClusters", {.jsonata_output = detail::collect_clusters_named(name)});
  auto& more = g.choice("MorePages");
  auto& reconcile_state = g.pass("Reconcile", {.jsonata_output = reconcile()});
  auto& decide = g.choice("Decide");
  auto& terminate_extra = g.map("TerminateExtraClusters", {.items_path = "$.decision.terminate",
                                                           .item_selector = Payload{{"ClusterId", Field::path("$$.Map.Item.Value")}},
                                                           .result_path = ReferencePath::discard()});
  terminate_extra.processor().task("TerminateExtraCluster",
                                   tasks::on_clusters_of(*p.cluster, tasks::emr_terminate_cluster(tasks::ClusterId::from_path("$.ClusterId"))));
  auto& record_wait = g.task("RecordWait", log.update().increment(p.attributes.waits).event(Field::path("$.decision.outcome")).call(),
                             {.result_path = ReferencePath::discard()});
  auto& wait = g.wait("WaitForCluster", WaitFor::seconds(p.poll_seconds));
  auto& create = g.task("CreateCluster", tasks::emr_create_cluster(*p.cluster),
                        {.result_selector = Payload{{"ClusterId", Field::path("$.ClusterId")}}, .result_path = "$.cluster"});
  // The cluster created is the one used: the event names it.
  auto& created = g.pass("CreatedCluster", {.jsonata_output = "$merge([$states.input, {'decision': $merge([$states.input.decision, "
                                                              "{'clusters': [{'S': $states.input.cluster.ClusterId}]}])}])"});
  auto& running = g.task("RecordRunning",
                         log.update("RUNNING")
                             .set(p.attributes.current_step, tasks::attr_s(p.step.name))
                             .set(p.attributes.cluster_id, tasks::attr_s(Field::path(cluster_id_path)))
                             .set(p.attributes.decision, tasks::attr_s(Field::path("$.decision.outcome")))
                             .set(p.attributes.terminated, Payload{{"L", Field::path("$.decision.terminated")}})
                             .event(Field::path("$.decision.outcome"))
                             .call(),
                         {.result_path = ReferencePath::discard()});
  auto& run = g.task("RunStep", tasks::on_clusters_of(*p.cluster, tasks::emr_add_step(from_cluster, p.step)), {.result_path = "$.step"});
  auto& succeeded = g.task("RecordSucceeded", log.update("SUCCEEDED").call(), {.result_path = ReferencePath::discard()});
  auto& done = g.succeed("Done");
  auto& record_failed = g.task("RecordFailed",
                               log.update("FAILED")
                                   .set(p.attributes.error, tasks::attr_s(Field::path("$.error.Cause")))
                                   .set(p.attributes.error_code, tasks::attr_s(Field::path("$.error.Error")))
                                   .call(),
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
  started.next(list).next(collect).next(more);
  next_page.next(collect);
  more.when(Condition::is_present("$.page.Marker"), next_page).otherwise(reconcile_state);
  reconcile_state.next(decide);
  decide.when(Condition::string_equals("$.decision.action", "reuse"), terminate_extra)
      .when(Condition::string_equals("$.decision.action", "wait"), record_wait)
      .otherwise(create);
  record_wait.next(wait).next(list);
  terminate_extra.next(running);
  create.next(created).next(running);
  running.next(run).next(succeeded).next(done);
  record_failed.next(failed);
  g.bounded_loop(next_page);  // the pages end

  list.retry(detail::list_throttled());
  next_page.retry(detail::list_throttled());
  const Catch to_record{.errors = {errors::all}, .result_path = "$.error", .next = &record_failed};
  for (RecoverableState* s : std::initializer_list<RecoverableState*>{&started, &list, &next_page, &terminate_extra, &record_wait, &create,
                                                                       &running, &run, &succeeded})
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
  if (scheduled_ && reads_state_input(props_.step.api_value()))
    out.error(p, "the step's arguments name the run's object, but scheduled runs have none",
              "start scheduled runs of another workflow, or pass the object in the input of the runs you start");
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
