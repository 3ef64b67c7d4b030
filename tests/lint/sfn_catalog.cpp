// A state machine using every state type, every kind of Choice condition, Retry and Catch, input and
// output processing and every service integration drdb offers. It exists to be linted: the lint
// suite runs cfn-lint, terraform validate and asl-validator (an independent implementation of the
// States Language) on what it renders.
#include <drdb/drdb.hpp>

namespace {

using namespace drdb;
using namespace drdb::aws::stepfunctions;
using aws::emr::Step;

void build(App& app) {
  auto& stack = app.add<Stack>("SfnCatalog", {.description = "drdb lint: every Step Functions state and integration", .region = "us-east-1"});
  auto& vpc = stack.add<aws::ec2::Vpc>("Network", {.cidr = "10.40.0.0/16",
                                                   .max_azs = 1,
                                                   .subnet_groups = {{.name = "Public", .type = aws::ec2::SubnetType::Public, .mask = 24},
                                                                     {.name = "Emr", .type = aws::ec2::SubnetType::PrivateWithEgress, .mask = 20}}});
  auto& logs = stack.add<aws::s3::Bucket>("Logs");
  auto& cluster = stack.add<aws::emr::Cluster>(
      "Spark", {.release_label = "emr-7.1.0",
                .applications = {aws::emr::Application::spark()},
                .instances = aws::emr::InstanceGroups{.primary = {.instance_type = "m5.xlarge"},
                                                      .core = aws::emr::InstanceGroup{.instance_type = "m5.xlarge", .count = 1}},
                .vpc = &vpc,
                .subnets = {vpc.private_subnets().front()},
                .logs = aws::emr::LogDestination{.bucket = &logs}});
  // The cluster exists for its RunJobFlow parameters; encryption and access logs are the EMR and S3
  // examples' subject, not this one's.
  cluster.suppress("EMR.1", "lint fixture for state machine definitions; EMR security is linted by the emr examples");
  logs.suppress("S3.4", "lint fixture for state machine definitions; access logging is linted by the emr examples");
  auto& runs = stack.add<aws::dynamodb::Table>("Runs", {.partition_key = {"Correlation_Id"}, .time_to_live_attribute = "TimeToExist"});
  const Str topic = "arn:" + pseudo::partition() + ":sns:" + pseudo::region() + ":" + pseudo::account_id() + ":runs";
  const Str function = "arn:" + pseudo::partition() + ":lambda:" + pseudo::region() + ":" + pseudo::account_id() + ":function:relaunch";

  // The cluster CreateCluster launched; the calls on it reach only clusters tagged as the model's.
  const auto created = tasks::ClusterId::from_path("$.cluster.ClusterId");
  Graph g;
  auto& start = g.pass("Start", {.comment = "defaults", .parameters = Payload{{"input", Field::path("$")}, {"attempt", 0}},
                                 .result_path = "$.run"});
  auto& list = g.task("ListClusters", tasks::emr_list_clusters({.marker_path = "$.run.marker"}),
                      {.result_selector = Payload{{"clusters", Field::path("$.Clusters")}}, .result_path = "$.listed"});
  auto& route = g.choice("Route");
  auto& create = g.task("CreateCluster", tasks::emr_create_cluster(cluster), {.result_path = "$.cluster", .timeout_seconds = 3600});
  auto& protect = g.task("Protect", tasks::on_clusters_of(cluster, tasks::emr_set_termination_protection(created, false)),
                         {.result_path = ReferencePath::discard()});
  auto& describe = g.task("Describe", tasks::on_clusters_of(cluster, tasks::emr_describe_cluster(created)),
                          {.result_path = "$.described"});
  auto& pause = g.wait("Pause", WaitFor::seconds(30));
  auto& fan = g.parallel("Fan", {.result_selector = Payload{{"first", Field::path("$[0]")}}, .result_path = "$.fan"});
  auto& left = fan.branch();
  left.task("AddStep", tasks::on_clusters_of(cluster, tasks::emr_add_step(created, Step::spark("etl", {.application = "s3://code/etl.py",
                                                                                                         .args = {"--date", "2026-01-01"}}))))
      .retry({.errors = {"EMR.AmazonElasticMapReduceException"}, .interval_seconds = 5, .max_attempts = 2, .max_delay_seconds = 60,
              .jitter = Jitter::Full});
  auto& right = fan.branch();
  right.task("Notify", tasks::sns_publish(topic, {.message = Field::intrinsic("States.Format('cluster {}', $.cluster.ClusterId)"),
                                                  .subject = "cluster up"}));
  auto& each = g.map("EachDay", {.items_path = "$.input.days", .item_selector = Payload{{"day", Field::path("$$.Map.Item.Value")}},
                                 .max_concurrency = 2, .result_path = ReferencePath::discard()});
  auto& wait_day = each.processor().wait("UntilDay", WaitFor::timestamp_path("$.day"));
  wait_day.next(each.processor().wait("Settle", WaitFor::seconds_path("$.settle")))
      .next(each.processor().wait("Deadline", WaitFor::until("2030-01-01T00:00:00Z")));
  auto& record = g.task("Record", tasks::dynamodb_put_item(runs, {{"Correlation_Id", tasks::attr_s(Field::path("$$.Execution.Name"))},
                                                                  {"Status", tasks::attr_s("SUCCEEDED")}}),
                        {.result_path = ReferencePath::discard()});
  auto& read = g.task("Read", tasks::dynamodb_get_item(runs, {{"Correlation_Id", tasks::attr_s(Field::path("$$.Execution.Name"))}}, true),
                      {.result_path = "$.item"});
  auto& relaunch = g.task("Relaunch", tasks::lambda_invoke(function), {.result_path = ReferencePath::discard()});
  auto& terminate = g.task("Terminate", tasks::on_clusters_of(cluster, tasks::emr_terminate_cluster(created, IntegrationPattern::RunJob)));
  auto& done = g.succeed("Done");
  auto& failed_record = g.task("RecordFailure",
                               tasks::dynamodb_update_item(runs, {.key = {{"Correlation_Id", tasks::attr_s(Field::path("$$.Execution.Name"))}},
                                                                  .update_expression = "SET #s = :s, #e = :e",
                                                                  .expression_attribute_names = {{"#s", "Status"}, {"#e", "Error"}},
                                                                  .expression_attribute_values = {{":s", tasks::attr_s("FAILED")},
                                                                                                  {":e", tasks::attr_s(Field::path("$.error.Cause"))}}}),
                               {.result_path = ReferencePath::discard()});
  auto& failed = g.fail("Failed", {.error = "RunFailed", .cause = "see the run log"});

  start.next(list).next(route);
  route.when(Condition::all_of({Condition::is_present("$.listed.clusters[0]"),
                                Condition::string_equals("$.listed.clusters[0].Status.State", "WAITING")}),
             describe)
      .when(Condition::any_of({Condition::string_matches("$.input.mode", "re*"), Condition::boolean_equals("$.input.force", true)}),
            relaunch)
      .when(Condition::negate(Condition::is_null("$.input.at")), pause)
      .when(Condition::numeric_greater_than("$.run.attempt", 3), failed)
      .when(Condition::timestamp_less_than_path("$.input.at", "$.input.deadline"), done)
      .otherwise(create);
  create.next(protect).next(describe).next(fan).next(each).next(record).next(read).next(terminate).next(done);
  pause.next(list);
  relaunch.next(done);
  for (RecoverableState* s : std::initializer_list<RecoverableState*>{&create, &fan, &each})
    s->catch_errors({.errors = {errors::all}, .result_path = "$.error", .next = &failed_record});
  failed_record.next(failed);

  stack.add<StateMachine>("Catalog", {.definition = std::move(g), .comment = "every state and integration", .tracing = true});
}

}  // namespace

int main(int argc, char** argv) { return drdb::run(argc, argv, build); }
