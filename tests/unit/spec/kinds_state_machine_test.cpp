// stepfunctions.StateMachine in specs: graphs written state by state synthesize the bytes of the
// equivalent C++ program, and mistakes are reported where they were made.
#include <doctest/doctest.h>

#include "drdb/aws/events/rule.hpp"
#include "drdb/aws/lambda/function.hpp"
#include "drdb/aws/stepfunctions/state_machine.hpp"
#include "drdb/aws/stepfunctions/tasks/dynamodb.hpp"
#include "drdb/aws/stepfunctions/tasks/emr.hpp"
#include "drdb/aws/stepfunctions/tasks/messaging.hpp"
#include "unit/spec/spec_fixture.hpp"

using namespace drdb;
using namespace drdb::aws;
using namespace drdb::aws::stepfunctions;
using emr::Cluster;
using spec_test::check_same_documents;
using spec_test::errors_of;
using spec_test::has;

namespace {

// A cluster model, a run log and a log group for the state machines below (their resources follow).
const char* base_resources = R"(stacks:
  S:
    resources:
      Net: {type: ec2.Vpc, cidr: 10.1.0.0/16, max_azs: 1, nat_gateways: one,
            subnet_groups: [{name: Public, type: public, mask: 24}, {name: Emr, type: private_with_egress, mask: 20}]}
      Spark: {type: emr.Cluster, release_label: emr-7.1.0, launch: by_workflows, applications: [Spark],
              instances: {groups: {primary: {instance_type: m5.xlarge}}}, vpc: Net, subnets: [{vpc: Net}]}
      Runs: {type: dynamodb.Table, partition_key: {name: Correlation_Id}}
      Audit: {type: logs.LogGroup}
)";

struct Base {
  Stack* stack;
  const Cluster* spark;
  const dynamodb::Table* runs;
  const logs::LogGroup* audit;
};

Base base_program(App& app) {
  auto& stack = app.add<Stack>("S", {});
  auto& net = stack.add<ec2::Vpc>("Net", {.cidr = "10.1.0.0/16",
                                          .max_azs = 1,
                                          .subnet_groups = {{.name = "Public", .type = ec2::SubnetType::Public, .mask = 24},
                                                            {.name = "Emr", .type = ec2::SubnetType::PrivateWithEgress, .mask = 20}},
                                          .nat_gateways = ec2::NatGateways::One});
  auto& spark = stack.add<Cluster>("Spark", {.release_label = "emr-7.1.0",
                                             .launch = emr::Launch::ByWorkflows,
                                             .applications = {emr::Application::spark()},
                                             .instances = emr::InstanceGroups{.primary = {.instance_type = "m5.xlarge"}},
                                             .vpc = &net,
                                             .subnets = {net.private_subnets()[0]}});
  auto& runs = stack.add<dynamodb::Table>("Runs", {.partition_key = {"Correlation_Id"}});
  auto& audit = stack.add<logs::LogGroup>("Audit", {});
  return {&stack, &spark, &runs, &audit};
}

// Find a waiting cluster or create one, add a step, and log the run; errors end in a Fail state.
const char* run_step_flow = R"(      Flow:
        type: stepfunctions.StateMachine
        timeout_seconds: 7200
        definition:
          states:
            LogStart:
              task: {dynamodb_put_item: {table: Runs, item: {Correlation_Id: {S: {path: $$.Execution.Name}}, Status: {S: STARTED}}}}
              result_path: ~
              next: ListClusters
            ListClusters: {task: {emr_list_clusters: {states: [WAITING]}}, result_path: $.clusters, next: AnyWaiting}
            AnyWaiting:
              choice: [{when: {is_present: "$.clusters.Clusters[0]"}, next: ReuseCluster}]
              otherwise: CreateCluster
            ReuseCluster: {pass: {}, parameters: {ClusterId: {path: "$.clusters.Clusters[0].Id"}}, result_path: $.cluster, next: AddStep}
            CreateCluster:
              task: {emr_create_cluster: {cluster: Spark}}
              result_path: $.cluster
              retry: [{errors: [EMR.AmazonEMRException], interval_seconds: 30, max_attempts: 2}]
              catch: [{errors: [States.ALL], result_path: $.error, next: Failed}]
              next: AddStep
            AddStep:
              task: {emr_add_step: {cluster_id: {path: $.cluster.ClusterId}, step: {name: etl, spark: {application: s3://code/etl.py}}}}
              result_path: $.step
              catch: [{result_path: $.error, next: Failed}]
              next: LogDone
            LogDone:
              task:
                dynamodb_update_item:
                  table: Runs
                  key: {Correlation_Id: {S: {path: $$.Execution.Name}}}
                  update_expression: "SET #status = :status"
                  expression_attribute_names: {"#status": Status}
                  expression_attribute_values: {":status": {S: SUCCEEDED}}
              end: true
            Failed: {fail: {error: RunFailed, cause: the cluster or the step failed}}
        grants: [{role: Starter, access: start_execution}]
      Starter: {type: iam.Role, assumed_by: [{service: lambda.amazonaws.com}]}
    outputs:
      FlowArn: {value: {ref: Flow, attribute: state_machine_arn}}
)";

void run_step_program(App& app) {
  const Base b = base_program(app);
  Graph g;
  auto& log_start = g.task("LogStart",
                           tasks::dynamodb_put_item(*b.runs, {{"Correlation_Id", tasks::attr_s(Field::path("$$.Execution.Name"))},
                                                              {"Status", tasks::attr_s("STARTED")}}),
                           {.result_path = ReferencePath::discard()});
  auto& list = g.task("ListClusters", tasks::emr_list_clusters({.states = {"WAITING"}}), {.result_path = "$.clusters"});
  auto& any_waiting = g.choice("AnyWaiting");
  auto& reuse = g.pass("ReuseCluster", {.parameters = Payload{{"ClusterId", Field::path("$.clusters.Clusters[0].Id")}}, .result_path = "$.cluster"});
  auto& create = g.task("CreateCluster", tasks::emr_create_cluster(*b.spark), {.result_path = "$.cluster"});
  auto& add = g.task("AddStep",
                     tasks::emr_add_step(tasks::ClusterId::from_path("$.cluster.ClusterId"),
                                         emr::Step::spark("etl", {.application = "s3://code/etl.py"})),
                     {.result_path = "$.step"});
  tasks::UpdateItem done_update{.key = {{"Correlation_Id", tasks::attr_s(Field::path("$$.Execution.Name"))}},
                                .update_expression = "SET #status = :status",
                                .expression_attribute_names = {{"#status", Field("Status")}},
                                .expression_attribute_values = {{":status", tasks::attr_s("SUCCEEDED")}}};
  auto& log_done = g.task("LogDone", tasks::dynamodb_update_item(*b.runs, std::move(done_update)));
  auto& failed = g.fail("Failed", {.error = "RunFailed", .cause = "the cluster or the step failed"});
  log_start.next(list).next(any_waiting).when(Condition::is_present("$.clusters.Clusters[0]"), reuse).otherwise(create);
  reuse.next(add);
  create.next(add);
  create.retry({.errors = {"EMR.AmazonEMRException"}, .interval_seconds = 30, .max_attempts = 2})
      .catch_errors({.errors = {errors::all}, .result_path = "$.error", .next = &failed});
  add.next(log_done);
  add.catch_errors({.result_path = "$.error", .next = &failed});
  auto& flow = b.stack->add<StateMachine>("Flow", {.definition = std::move(g), .timeout_seconds = 7200});
  auto& starter = b.stack->add<iam::Role>("Starter", {.assumed_by = {iam::Principal::service("lambda.amazonaws.com")}});
  flow.grant_start_execution(starter);
  b.stack->add<Output>("FlowArn", {.value = flow.state_machine_arn().value()});
}

// A parallel state whose first branch maps over files, a wait, and a choice of combined conditions.
const char* fan_out_flow = R"yaml(      Fan:
        type: stepfunctions.StateMachine
        state_machine_type: express
        state_machine_name: fan-out
        comment: checks each file and notifies
        tracing: true
        logging: {destination: Audit, level: all}
        definition:
          start_at: Setup
          states:
            Setup: {pass: {}, result: {limit: 5, tags: [a, b]}, result_path: $.config, next: Both}
            Both:
              parallel:
                - states:
                    Each:
                      map:
                        states:
                          Check:
                            task: {lambda_invoke: {function_arn: "arn:aws:lambda:us-east-1:123456789012:function:check", payload: {file: {path: $}}}}
                            retry: [{errors: [Lambda.TooManyRequestsException], backoff_rate: 1.5, max_delay_seconds: 60, jitter: full}]
                      items_path: $.files
                      max_concurrency: 4
                      item_selector: {name: {path: $$.Map.Item.Value}, run: {intrinsic: "States.Format('run-{}', $$.Execution.Name)"}}
                - start_at: Pause
                  states:
                    Notify: {task: {sns_publish: {topic_arn: "arn:aws:sns:us-east-1:123456789012:runs", message: {path: $.message}, subject: run}}}
                    Pause: {wait: {seconds: 30}, next: Notify}
              result_path: $.results
              next: Route
            Route:
              choice:
                - when: {all_of: [{numeric_greater_than: [$.config.limit, 3]}, {negate: {is_null: $.results}}]}
                  next: Done
                - when: {any_of: [{string_matches: [$.status, "fail*"]}, {timestamp_less_than: [$.deadline, "2026-01-31T00:00:00Z"]}, {is_string: [$.note, false]}]}
                  next: Stop
              otherwise: Hold
            Hold: {wait: {timestamp_path: $.until}, next: Done}
            Done: {succeed: {}, output_path: $.results}
            Stop: {fail: {error_path: $.error, cause_path: $.cause}, comment: stopped}
)yaml";

void fan_out_program(App& app) {
  const Base b = base_program(app);
  Graph g;
  auto& setup = g.pass("Setup", {.result = Value(Object{{"limit", Value(5)}, {"tags", Value(List{Value("a"), Value("b")})}}),
                                 .result_path = "$.config"});
  auto& both = g.parallel("Both", {.result_path = "$.results"});
  auto& each = both.branch().map("Each", {.items_path = "$.files",
                                          .item_selector = Payload{{"name", Field::path("$$.Map.Item.Value")},
                                                                   {"run", Field::intrinsic("States.Format('run-{}', $$.Execution.Name)")}},
                                          .max_concurrency = 4});
  each.processor()
      .task("Check", tasks::lambda_invoke(Str("arn:aws:lambda:us-east-1:123456789012:function:check"), {.payload = Payload{{"file", Field::path("$")}}}))
      .retry({.errors = {"Lambda.TooManyRequestsException"}, .backoff_rate = 1.5, .max_delay_seconds = 60, .jitter = Jitter::Full});
  auto& second = both.branch();
  auto& notify = second.task("Notify", tasks::sns_publish("arn:aws:sns:us-east-1:123456789012:runs", {.message = Field::path("$.message"), .subject = "run"}));
  auto& pause = second.wait("Pause", WaitFor::seconds(30));
  pause.next(notify);
  second.start_at(pause);
  auto& route = g.choice("Route");
  auto& hold = g.wait("Hold", WaitFor::timestamp_path("$.until"));
  auto& done = g.succeed("Done", {.output_path = "$.results"});
  auto& stop = g.fail("Stop", {.comment = "stopped", .error_path = "$.error", .cause_path = "$.cause"});
  setup.next(both).next(route);
  route
      .when(Condition::all_of({Condition::numeric_greater_than("$.config.limit", 3), Condition::negate(Condition::is_null("$.results"))}), done)
      .when(Condition::any_of({Condition::string_matches("$.status", "fail*"), Condition::timestamp_less_than("$.deadline", "2026-01-31T00:00:00Z"),
                               Condition::is_string("$.note", false)}),
            stop)
      .otherwise(hold);
  hold.next(done);
  g.start_at(setup);
  b.stack->add<StateMachine>("Fan", {.definition = std::move(g),
                                     .comment = "checks each file and notifies",
                                     .type = StateMachineType::Express,
                                     .state_machine_name = "fan-out",
                                     .logging = Logging{.destination = b.audit, .level = LogLevel::All},
                                     .tracing = true});
}

// Every other integration: EMR cluster calls, a DynamoDB read, a Lambda function of the stack
// waiting for a task token, a custom call with its statements; a given role and no logs.
const char* operations_flow = R"yaml(      Notify: {type: lambda.Function, runtime: nodejs22.x, handler: index.handler, code: {inline: "exports.handler = async () => 1;"}}
      Runner: {type: iam.Role, assumed_by: [{service: states.amazonaws.com}]}
      Ops:
        type: stepfunctions.StateMachine
        role: Runner
        logging: none
        definition:
          states:
            Describe:
              task: {emr_describe_cluster: {cluster_id: j-ABC}}
              result_selector: {state: {path: $.Cluster.Status.State}}
              result_path: $.cluster
              next: Page
            Page: {task: {emr_list_clusters: {marker_path: $.page.Marker}}, result_path: $.page, next: More}
            More: {choice: [{when: {is_present: $.page.Marker}, next: Page}], otherwise: Unprotect}
            Unprotect: {task: {emr_set_termination_protection: {cluster_id: {path: $.id}, protect: false}}, result_path: ~, next: Stop}
            Stop: {task: {emr_terminate_cluster: {cluster_id: {path: $.id}, pattern: run_job}}, result_path: ~, next: Lookup}
            Lookup:
              task: {dynamodb_get_item: {table: Runs, key: {Correlation_Id: {S: {path: $.id}}}, consistent_read: true}}
              result_path: $.item
              next: Tell
            Tell:
              task: {lambda_invoke: {function: Notify, pattern: wait_for_task_token, payload: {token: {path: $$.Task.Token}}}}
              heartbeat_seconds: 600
              next: Glue
            Glue:
              task:
                custom:
                  resource: "arn:aws:states:::glue:startJobRun.sync"
                  parameters: {JobName: nightly}
                  pattern: run_job
                  statements: [{actions: ["glue:StartJobRun"], resources: ["arn:aws:glue:us-east-1:123456789012:job/nightly"]}]
              timeout_seconds: 3600
              next: Later
            Later: {wait: {seconds_path: $.delay}, comment: let it settle, end: true}
          bounded_loops: [Page]
)yaml";

void operations_program(App& app) {
  const Base b = base_program(app);
  auto& notify = b.stack->add<lambda::Function>("Notify", {.runtime = lambda::Runtime::Nodejs22x,
                                                           .handler = "index.handler",
                                                           .code = lambda::Code::from_inline("exports.handler = async () => 1;")});
  auto& runner = b.stack->add<iam::Role>("Runner", {.assumed_by = {iam::Principal::service("states.amazonaws.com")}});
  Graph g;
  auto& describe = g.task("Describe", tasks::emr_describe_cluster("j-ABC"),
                          {.result_selector = Payload{{"state", Field::path("$.Cluster.Status.State")}}, .result_path = "$.cluster"});
  auto& page = g.task("Page", tasks::emr_list_clusters({.marker_path = "$.page.Marker"}), {.result_path = "$.page"});
  auto& more = g.choice("More");
  auto& unprotect = g.task("Unprotect", tasks::emr_set_termination_protection(tasks::ClusterId::from_path("$.id"), false),
                           {.result_path = ReferencePath::discard()});
  auto& stop = g.task("Stop", tasks::emr_terminate_cluster(tasks::ClusterId::from_path("$.id"), IntegrationPattern::RunJob),
                      {.result_path = ReferencePath::discard()});
  auto& lookup = g.task("Lookup", tasks::dynamodb_get_item(*b.runs, {{"Correlation_Id", tasks::attr_s(Field::path("$.id"))}}, true),
                        {.result_path = "$.item"});
  auto& tell = g.task("Tell",
                      tasks::lambda_invoke(notify, {.payload = Payload{{"token", Field::path("$$.Task.Token")}},
                                                    .pattern = IntegrationPattern::WaitForTaskToken}),
                      {.heartbeat_seconds = 600});
  auto& glue = g.task("Glue",
                      ServiceCall::custom("arn:aws:states:::glue:startJobRun.sync", Payload{{"JobName", Field("nightly")}},
                                          {iam::Statement{.actions = {"glue:StartJobRun"}, .resources = {"arn:aws:glue:us-east-1:123456789012:job/nightly"}}},
                                          IntegrationPattern::RunJob),
                      {.timeout_seconds = 3600});
  auto& later = g.wait("Later", WaitFor::seconds_path("$.delay"), {.comment = "let it settle"});
  describe.next(page).next(more).when(Condition::is_present("$.page.Marker"), page).otherwise(unprotect);
  unprotect.next(stop).next(lookup).next(tell).next(glue).next(later);
  g.bounded_loop(page);
  b.stack->add<StateMachine>("Ops", {.definition = std::move(g), .role = &runner, .logging = std::nullopt});
}

// A state machine of `states` (each line indented under states:).
std::string machine(const std::string& states) {
  return std::string(base_resources) + "      M:\n        type: stepfunctions.StateMachine\n        definition:\n          states:\n" + states;
}

// What the model's validation reports about a spec that loads.
std::string validation_of(const std::string& text) {
  App app;
  spec::load(text, "app.yaml", app);
  return validate(app).format();
}

}  // namespace

TEST_CASE("spec kinds: a state machine finding or creating a cluster synthesizes the C++ program's bytes") {
  check_same_documents(std::string(base_resources) + run_step_flow, run_step_program);
}

TEST_CASE("spec kinds: a state machine with parallel branches, a map and combined conditions synthesizes the C++ program's bytes") {
  check_same_documents(std::string(base_resources) + fan_out_flow, fan_out_program);
}

TEST_CASE("spec kinds: a state machine using every other integration synthesizes the C++ program's bytes") {
  check_same_documents(std::string(base_resources) + operations_flow, operations_program);
}

TEST_CASE("spec kinds: a rule starts a state machine written state by state") {
  check_same_documents(std::string(base_resources) + R"(      Tick:
        type: stepfunctions.StateMachine
        definition: {states: {Hello: {pass: {}, end: true}}}
      Nightly: {type: events.Rule, schedule: {cron: {hours: "2"}}, targets: [{state_machine: Tick}]}
)",
                       [](App& app) {
                         const Base b = base_program(app);
                         Graph g;
                         g.pass("Hello");
                         auto& tick = b.stack->add<StateMachine>("Tick", {.definition = std::move(g)});
                         b.stack->add<events::Rule>("Nightly", {.schedule = events::Schedule::cron({.hours = "2"})})
                             .add_state_machine_target(tick);
                       });
}

TEST_CASE("spec kinds: state machine mistakes are reported at their place, with the nearest name") {
  const std::string add_step = "            A: {task: {emr_add_step: {cluster_id: j-1, step: {name: s, spark: {application: s3://b/s.py}}}}, ";
  CHECK(errors_of(machine(add_step + "next: Done}\n            Done: {succeed: {}}\n")) == "");
  CHECK(has(errors_of(machine(add_step + "next: Dnoe}\n            Done: {succeed: {}}\n")),
            "[app.yaml:14:116] unknown state \"Dnoe\" — did you mean \"Done\"?"));
  CHECK(has(errors_of(machine(add_step + "reslt_path: $.x}\n")),
            "[app.yaml:14:110] unknown task state key \"reslt_path\" — did you mean \"result_path\"?"));
  CHECK(has(errors_of(machine("            A: {task: {emr_create_cluster: {cluster: Runs}}}\n")),
            "[app.yaml:14:54] \"Runs\" is a dynamodb.Table, not a emr.Cluster"));
  CHECK(has(errors_of(machine("            A: {task: {emr_add_step: {step: {name: s, spark: {application: s3://b/s.py}}}}}\n")),
            "[app.yaml:14:38] emr_add_step needs \"cluster_id\""));
  CHECK(has(errors_of(machine("            A: {task: {emr_ad_step: {}}}\n")), "[app.yaml:14:24] unknown task key \"emr_ad_step\" — did you mean \"emr_add_step\"?"));
  CHECK(has(errors_of(machine("            A: {choice: [{when: {is_presnt: $.x}, next: A}]}\n")),
            "[app.yaml:14:34] unknown condition key \"is_presnt\" — did you mean \"is_present\"?"));
  CHECK(has(errors_of(machine("            A: {choice: [{when: {numeric_equals: [$.x]}, next: A}]}\n")),
            "[app.yaml:14:50] numeric_equals takes [variable, operand]"));
  CHECK(has(errors_of(machine("            A: {next: B}\n")), "[app.yaml:14:16] state \"A\" needs one of pass, task, choice, wait, parallel, map, succeed, fail"));
  CHECK(has(errors_of(machine("            A: {pass: {}, next: B, end: true}\n            B: {succeed: {}}\n")),
            "[app.yaml:14:41] a state with next does not end"));
  CHECK(has(errors_of(machine("            A: {wait: {minutes: 5}}\n")), "[app.yaml:14:24] unknown wait key \"minutes\" — use one of: seconds, timestamp, seconds_path, timestamp_path"));
  CHECK(has(errors_of(std::string(base_resources) + "      M: {type: stepfunctions.StateMachine, definition: {start_at: X, states: {A: {succeed: {}}}}}\n"),
            "[app.yaml:10:68] unknown state \"X\" — did you mean \"A\"?"));
}

TEST_CASE("spec kinds: the graph checks of the C++ model apply to state machines of specs") {
  CHECK(has(validation_of(machine("            A: {succeed: {}}\n            B: {succeed: {}}\n")),
            "[app.yaml:11:9 App/S/M] state \"B\" is unreachable"));
  CHECK(has(validation_of(machine("            A: {pass: {}, next: B}\n            B: {wait: {seconds: 5}, next: A}\n")),
            "[app.yaml:11:9 App/S/M] the state machine: from \"A\", \"B\" no path leads to a terminal state"));
  // A branch's states are its own: a transition to a state of the enclosing graph names no state.
  CHECK(has(errors_of(machine("            P: {parallel: [{states: {X: {pass: {}, next: Done}}}], next: Done}\n            Done: {succeed: {}}\n")),
            "[app.yaml:14:58] unknown state \"Done\" — use one of: X"));
}
