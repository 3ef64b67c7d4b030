// lambda.Function, events.Rule and apigateway.RestApi in specs: each synthesizes the bytes of the
// equivalent C++ program, and mistakes are reported where made.
#include <doctest/doctest.h>

#include "unit/spec/spec_fixture.hpp"

using namespace drdb;
using namespace drdb::aws;
using spec_test::check_same_documents;
using spec_test::errors_of;
using spec_test::has;

namespace {

const std::string relauncher_dir = DRDB_SOURCE_DIR "/templates/lambda/relauncher";
const char* python_source = "def handler(event, context):\n    return event\n";

lambda::Function& python_fn(Stack& stack, const std::string& id) {
  return stack.add<lambda::Function>(
      id, {.runtime = lambda::Runtime::Python313, .handler = "index.handler", .code = lambda::Code::from_inline(python_source)});
}

// A stack of `resources` (YAML lines indented by six spaces) and `extra` stack sections.
std::string stack_spec(const std::string& resources, const std::string& extra = "") {
  return "stacks:\n  S:\n    region: eu-west-1\n    resources:\n" + resources + extra;
}

const std::string python_fn_yaml = "{type: lambda.Function, runtime: python3.13, handler: index.handler, "
                                   "code: {inline: \"def handler(event, context):\\n    return event\\n\"}}";

}  // namespace

TEST_CASE("spec kinds: lambda.Function synthesizes the C++ program's bytes") {
  check_same_documents(stack_spec(R"(      Vpc:
        type: ec2.Vpc
        cidr: 10.50.0.0/16
        max_azs: 2
        subnet_groups: [{name: Public, type: public, mask: 24}, {name: App, type: private_with_egress, mask: 22}]
        nat_gateways: one
      FnGroup: {type: ec2.SecurityGroup, description: functions, vpc: Vpc}
      LogKey: {type: kms.Key, allow_log_encryption: true}
      Data: {type: s3.Bucket}
      Jobs: {type: sqs.Queue, visibility_timeout_seconds: 360}
      Failed: {type: sqs.Queue}
      Orders: {type: dynamodb.Table, partition_key: {name: id}, stream: new_image}
      Worker:
        type: lambda.Function
        function_name: worker
        runtime: python3.12
        handler: index.handler
        code: {asset: )" + relauncher_dir + R"(}
        description: processes jobs
        memory_size: 512
        timeout: 60
        architecture: arm64
        environment:
          BUCKET: {ref: Data, attribute: bucket_name}
          MODE: batch
        vpc: {vpc: Vpc, subnets: private_with_egress, security_groups: [FnGroup]}
        reserved_concurrency: 5
        dead_letter: {arn: {ref: Failed, attribute: queue_arn}}
        log_retention: three_months
        log_key: LogKey
        event_sources:
          - {id: JobsSource, queue: Jobs, batch_size: 50, max_batching_window_seconds: 10, maximum_concurrency: 4}
          - id: OrdersSource
            table: Orders
            starting_position: trim_horizon
            maximum_retry_attempts: 3
            maximum_record_age_seconds: 3600
            bisect_batch_on_error: true
            report_batch_item_failures: false
          - {id: External, queue_arn: "arn:aws:sqs:eu-west-1:123456789012:ext.fifo", fifo: true, enabled: false}
          - {id: ExternalStream, stream_arn: "arn:aws:dynamodb:eu-west-1:123456789012:table/t/stream/2024-01-01T00:00:00.000"}
        grants: [{role: Caller, access: invoke}]
        invoke_permissions:
          - {id: S3Invoke, principal: s3.amazonaws.com, source_arn: {ref: Data, attribute: arn}, source_account: "123456789012"}
        statements:
          - {actions: ["s3:ListBucket"], resources: [{ref: Data, attribute: arn}]}
      Caller: {type: iam.Role, assumed_by: [{service: ec2.amazonaws.com}]}
      Inline: {type: lambda.Function, runtime: nodejs22.x, handler: index.handler, code: {inline: "exports.handler = async () => 1;"}, role: Caller}
      FromS3:
        type: lambda.Function
        runtime: java21
        handler: com.example.App::handle
        code: {s3: {bucket: artifacts, key: fn.zip, object_version: v1}}
        dead_letter: {kind: sns_topic, arn: "arn:aws:sns:eu-west-1:123456789012:dlq"}
)",
                                  R"(    outputs:
      Arn: {value: {ref: Worker, attribute: function_arn}}
      Name: {value: {ref: Inline, attribute: function_name}}
      Role: {value: {ref: Worker, attribute: role_arn}}
      Logs: {value: {ref: FromS3, attribute: log_group_name}}
)"),
                       [](App& app) {
                         auto& stack = app.add<Stack>("S", {.region = "eu-west-1"});
                         auto& vpc = stack.add<ec2::Vpc>(
                             "Vpc", {.cidr = "10.50.0.0/16",
                                     .max_azs = 2,
                                     .subnet_groups = {{.name = "Public", .type = ec2::SubnetType::Public, .mask = 24},
                                                       {.name = "App", .type = ec2::SubnetType::PrivateWithEgress, .mask = 22}},
                                     .nat_gateways = ec2::NatGateways::One});
                         auto& group = stack.add<ec2::SecurityGroup>("FnGroup", {.description = "functions", .vpc = &vpc});
                         auto& log_key = stack.add<kms::Key>("LogKey", {});
                         auto& data = stack.add<s3::Bucket>("Data", {});
                         auto& jobs = stack.add<sqs::Queue>("Jobs", {.visibility_timeout_seconds = 360});
                         auto& failed = stack.add<sqs::Queue>("Failed", {});
                         auto& orders = stack.add<dynamodb::Table>(
                             "Orders", {.partition_key = {.name = "id"}, .stream = dynamodb::StreamViewType::NewImage});
                         auto& worker = stack.add<lambda::Function>(
                             "Worker", {.function_name = "worker",
                                        .runtime = lambda::Runtime::Python312,
                                        .handler = "index.handler",
                                        .code = lambda::Code::from_asset(relauncher_dir, relauncher_dir),
                                        .description = "processes jobs",
                                        .memory_size = 512,
                                        .timeout = 60,
                                        .architecture = lambda::Architecture::Arm64,
                                        .environment = {{"BUCKET", data.bucket_name()}, {"MODE", Str("batch")}},
                                        .vpc = lambda::VpcPlacement{.vpc = &vpc, .security_groups = {&group}},
                                        .reserved_concurrency = 5,
                                        .dead_letter = lambda::DeadLetterTarget::sqs_queue(failed.queue_arn()),
                                        .log_retention = logs::Retention::ThreeMonths,
                                        .log_key = &log_key});
                         auto& caller = stack.add<iam::Role>("Caller", {.assumed_by = {iam::Principal::service("ec2.amazonaws.com")}});
                         auto& inline_fn = stack.add<lambda::Function>(
                             "Inline", {.runtime = lambda::Runtime::Nodejs22x,
                                        .handler = "index.handler",
                                        .code = lambda::Code::from_inline("exports.handler = async () => 1;"),
                                        .role = &caller});
                         auto& from_s3 = stack.add<lambda::Function>(
                             "FromS3", {.runtime = lambda::Runtime::Java21,
                                        .handler = "com.example.App::handle",
                                        .code = lambda::Code::from_s3("artifacts", "fn.zip", Str("v1")),
                                        .dead_letter = lambda::DeadLetterTarget::sns_topic("arn:aws:sns:eu-west-1:123456789012:dlq")});
                         logs::allow_log_encryption(log_key);
                         worker.add_event_source(
                             "JobsSource",
                             lambda::sqs_queue_source(jobs, {.batch_size = 50, .max_batching_window_seconds = 10, .maximum_concurrency = 4}));
                         worker.add_event_source("OrdersSource",
                                                 lambda::dynamodb_stream_source(orders, {.report_batch_item_failures = false,
                                                                                         .starting_position = lambda::StartingPosition::TrimHorizon,
                                                                                         .maximum_retry_attempts = 3,
                                                                                         .maximum_record_age_seconds = 3600,
                                                                                         .bisect_batch_on_error = true}));
                         worker.add_event_source(
                             "External", lambda::sqs_queue_source(Str("arn:aws:sqs:eu-west-1:123456789012:ext.fifo"), true, {.enabled = false}));
                         worker.add_event_source(
                             "ExternalStream",
                             lambda::dynamodb_stream_source(Str("arn:aws:dynamodb:eu-west-1:123456789012:table/t/stream/2024-01-01T00:00:00.000")));
                         worker.grant_invoke(caller);
                         worker.allow_invocation("S3Invoke", "s3.amazonaws.com", data.arn(), Str("123456789012"));
                         worker.role().add_to_policy({.actions = {"s3:ListBucket"}, .resources = {data.arn()}});
                         stack.add<Output>("Arn", {.value = worker.function_arn().value()});
                         stack.add<Output>("Name", {.value = inline_fn.function_name().value()});
                         stack.add<Output>("Role", {.value = worker.role().arn().value()});
                         stack.add<Output>("Logs", {.value = from_s3.log_group().log_group_name().value()});
                       });
}

TEST_CASE("spec kinds: a function's asset path is relative to the spec file and labelled as written") {
  const std::string written = "../../../templates/lambda/relauncher";
  App from_spec, from_cpp;
  spec::load(stack_spec("      Fn: {type: lambda.Function, runtime: python3.13, handler: index.handler, code: {asset: " + written + "}}\n"),
             DRDB_SOURCE_DIR "/tests/unit/spec/app.yaml", from_spec);
  auto& stack = from_cpp.add<Stack>("S", {.region = "eu-west-1"});
  stack.add<lambda::Function>("Fn", {.runtime = lambda::Runtime::Python313,
                                     .handler = "index.handler",
                                     .code = lambda::Code::from_asset(relauncher_dir, written)});
  const auto& fn = dynamic_cast<const lambda::Function&>(*from_spec.find_child("S")->find_child("Fn"));
  CHECK(fn.props().code.asset()->error().empty());
  CHECK(fn.props().code.asset()->source() == written);
  const auto a = asset_files(from_spec, {});
  const auto b = asset_files(from_cpp, {});
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].path == b[i].path);
    CHECK(a[i].content == b[i].content);
  }
}

TEST_CASE("spec kinds: events.Rule synthesizes the C++ program's bytes") {
  check_same_documents(stack_spec("      Landing: {type: s3.Bucket}\n      Handler: " + python_fn_yaml + "\n" + R"(      Jobs: {type: sqs.Queue, queue_name: jobs.fifo, fifo: true}
      Plain: {type: sqs.Queue}
      Nightly:
        type: events.Rule
        rule_name: nightly
        description: every night
        schedule: {cron: {minutes: 30, hours: 2, day_of_week: MON-FRI}}
        enabled: false
        targets:
          - function: Handler
            id: Run
            input: {json: {mode: full, bucket: {ref: Landing, attribute: bucket_name}, retries: 3}}
            max_retry_attempts: 2
            max_event_age_seconds: 3600
      Hourly:
        type: events.Rule
        schedule: {rate: {value: 1, unit: hours}}
        targets: [{queue: Jobs, message_group_id: hourly, input: {path: $.detail}}]
      Frequent: {type: events.Rule, schedule: {expression: rate(5 minutes)}, targets: [{queue: Plain}]}
      Uploaded:
        type: events.Rule
        event_pattern: {s3_object_created: {bucket: Landing, key_prefixes: [sales/, returns/]}}
        targets:
          - function: Handler
            input:
              transformer:
                paths: {bucket: $.detail.bucket.name, key: $.detail.object.key}
                template: '{"bucket": <bucket>, "key": <key>, "rule": "<aws.events.rule-name>"}'
      ClusterFailed:
        type: events.Rule
        event_pattern: {emr_cluster_state_change: {states: [terminated_with_errors], cluster_names: [etl]}}
        targets: [{function: Handler}]
      StepFailed:
        type: events.Rule
        event_pattern: {emr_step_status_change: {states: [failed, cancelled], step_names: [ingest], cluster_ids: [j-1]}}
        targets: [{queue: Plain, id: StepQueue}]
      Stopped:
        type: events.Rule
        event_bus_name: platform
        max_event_pattern_size: 4096
        event_pattern: {custom: {source: [aws.ec2], detail: {state: [stopped]}}}
        targets: [{function: Handler, id: Stopped}]
)",
                                  "    outputs:\n      Arn: {value: {ref: Nightly, attribute: rule_arn}}\n"
                                  "      Name: {value: {ref: Stopped, attribute: rule_name}}\n"),
                       [](App& app) {
                         using namespace drdb::aws::events;
                         auto& stack = app.add<Stack>("S", {.region = "eu-west-1"});
                         auto& landing = stack.add<s3::Bucket>("Landing", {});
                         auto& handler = python_fn(stack, "Handler");
                         auto& jobs = stack.add<sqs::Queue>("Jobs", {.queue_name = "jobs.fifo", .fifo = true});
                         auto& plain = stack.add<sqs::Queue>("Plain", {});
                         auto& nightly = stack.add<Rule>(
                             "Nightly", {.rule_name = "nightly",
                                         .description = "every night",
                                         .schedule = Schedule::cron({.minutes = "30", .hours = "2", .day_of_week = "MON-FRI"}),
                                         .enabled = false});
                         auto& hourly = stack.add<Rule>("Hourly", {.schedule = Schedule::rate(1, RateUnit::Hours)});
                         auto& frequent = stack.add<Rule>("Frequent", {.schedule = Schedule::expression("rate(5 minutes)")});
                         auto& uploaded = stack.add<Rule>(
                             "Uploaded", {.event_pattern = EventPattern::s3_object_created(landing, {"sales/", "returns/"})});
                         auto& cluster_failed = stack.add<Rule>(
                             "ClusterFailed", {.event_pattern = EventPattern::emr_cluster_state_change(
                                                   {.states = {ClusterState::TerminatedWithErrors}, .cluster_names = {"etl"}})});
                         auto& step_failed = stack.add<Rule>(
                             "StepFailed", {.event_pattern = EventPattern::emr_step_status_change({.states = {StepState::Failed, StepState::Cancelled},
                                                                                                   .step_names = {"ingest"},
                                                                                                   .cluster_ids = {Str("j-1")}})});
                         auto& stopped = stack.add<Rule>(
                             "Stopped", {.event_pattern = EventPattern::of(Value::object(
                                             {{"source", Value::list({"aws.ec2"})}, {"detail", Value::object({{"state", Value::list({"stopped"})}})}})),
                                         .event_bus_name = "platform",
                                         .max_event_pattern_size = 4096});
                         nightly.add_lambda_target(
                             handler, {.id = "Run",
                                       .input = TargetInput::json(Value::object(
                                           {{"mode", "full"}, {"bucket", landing.bucket_name().value()}, {"retries", 3}})),
                                       .max_retry_attempts = 2,
                                       .max_event_age_seconds = 3600});
                         hourly.add_queue_target(jobs, {.input = TargetInput::path("$.detail"), .message_group_id = "hourly"});
                         frequent.add_queue_target(plain);
                         uploaded.add_lambda_target(
                             handler, {.input = TargetInput::transform({{"bucket", "$.detail.bucket.name"}, {"key", "$.detail.object.key"}},
                                                                       R"({"bucket": <bucket>, "key": <key>, "rule": "<aws.events.rule-name>"})")});
                         cluster_failed.add_lambda_target(handler);
                         step_failed.add_queue_target(plain, {.id = "StepQueue"});
                         stopped.add_lambda_target(handler, {.id = "Stopped"});
                         stack.add<Output>("Arn", {.value = nightly.rule_arn().value()});
                         stack.add<Output>("Name", {.value = stopped.rule_name().value()});
                       });
}

TEST_CASE("spec kinds: events.Rule starts the state machine of a workflow") {
  check_same_documents(stack_spec(R"(      Net: {type: ec2.Vpc, cidr: 10.0.0.0/16, max_azs: 1, nat_gateways: one,
            subnet_groups: [{name: Public, type: public, mask: 24}, {name: Emr, type: private_with_egress, mask: 20}]}
      Model: {type: emr.Cluster, release_label: emr-7.1.0, launch: by_workflows, applications: [Spark],
              instances: {groups: {primary: {instance_type: m5.xlarge}}}, vpc: Net, subnets: [{vpc: Net}]}
      Lifecycle: {type: stepfunctions.ClusterLifecycle, cluster: Model, stop: {cron: {hours: 22}}}
      Starter: {type: iam.Role, assumed_by: [{service: events.amazonaws.com}]}
      Morning:
        type: events.Rule
        schedule: {cron: {hours: 5}}
        targets: [{state_machine: Lifecycle, role: Starter, input: {json: {action: start}}}]
      Evening:
        type: events.Rule
        schedule: {cron: {hours: 21}}
        targets: [{state_machine: Lifecycle, id: Stop, input: {json: {action: stop}}}]
)"),
                       [](App& app) {
                         using namespace drdb::aws::events;
                         auto& stack = app.add<Stack>("S", {.region = "eu-west-1"});
                         auto& net = stack.add<ec2::Vpc>(
                             "Net", {.cidr = "10.0.0.0/16",
                                     .max_azs = 1,
                                     .subnet_groups = {{.name = "Public", .type = ec2::SubnetType::Public, .mask = 24},
                                                       {.name = "Emr", .type = ec2::SubnetType::PrivateWithEgress, .mask = 20}},
                                     .nat_gateways = ec2::NatGateways::One});
                         auto& model = stack.add<emr::Cluster>("Model", {.release_label = "emr-7.1.0",
                                                                         .launch = emr::Launch::ByWorkflows,
                                                                         .applications = {emr::Application::spark()},
                                                                         .instances = emr::InstanceGroups{.primary = {.instance_type = "m5.xlarge"}},
                                                                         .vpc = &net,
                                                                         .subnets = {net.private_subnets()[0]}});
                         auto& lifecycle = stack.add<stepfunctions::ClusterLifecycle>(
                             "Lifecycle", {.cluster = &model, .stop = Schedule::cron({.hours = "22"})});
                         auto& starter = stack.add<iam::Role>("Starter", {.assumed_by = {iam::Principal::service("events.amazonaws.com")}});
                         auto& morning = stack.add<Rule>("Morning", {.schedule = Schedule::cron({.hours = "5"})});
                         auto& evening = stack.add<Rule>("Evening", {.schedule = Schedule::cron({.hours = "21"})});
                         morning.add_state_machine_target(
                             lifecycle.state_machine(),
                             {.input = TargetInput::json(Value::object({{"action", "start"}})), .role = &starter});
                         evening.add_state_machine_target(
                             lifecycle.state_machine(), {.id = "Stop", .input = TargetInput::json(Value::object({{"action", "stop"}}))});
                       });
}

TEST_CASE("spec kinds: apigateway.RestApi synthesizes the C++ program's bytes") {
  check_same_documents(stack_spec(std::string(R"(      AccessLogs: {type: logs.LogGroup, retention: one_month}
      Public:
        type: apigateway.RestApi
        api_name: public-api
        description: uploads
        endpoint_type: edge
        stage_name: v1
        access_log_group: AccessLogs
        tracing: true
        routes:
          - {method: POST, path: /invoke, function: Invoke}
          - {method: GET, path: /upload-url, function: Upload, authorization: none, api_key_required: true}
          - {method: ANY, path: "/files/{proxy+}", function: Upload}
      Internal: {type: apigateway.RestApi, routes: [{method: GET, path: /, function: Invoke}]}
)") + "      Invoke: " + python_fn_yaml + "\n      Upload: " + python_fn_yaml + "\n",
                                  R"(    outputs:
      Url: {value: {ref: Public, attribute: url}}
      Execution: {value: {ref: Public, attribute: execution_arn}}
      Id: {value: {ref: Internal, attribute: rest_api_id}}
      Root: {value: {ref: Internal, attribute: root_resource_id}}
)"),
                       [](App& app) {
                         using namespace drdb::aws::apigateway;
                         auto& stack = app.add<Stack>("S", {.region = "eu-west-1"});
                         auto& access = stack.add<logs::LogGroup>("AccessLogs", {.retention = logs::Retention::OneMonth});
                         auto& api = stack.add<RestApi>("Public", {.api_name = "public-api",
                                                                   .description = "uploads",
                                                                   .endpoint_type = EndpointType::Edge,
                                                                   .stage_name = "v1",
                                                                   .access_log_group = &access,
                                                                   .tracing = true});
                         auto& internal = stack.add<RestApi>("Internal", {});
                         auto& invoke = python_fn(stack, "Invoke");
                         auto& upload = python_fn(stack, "Upload");
                         api.add_lambda_route("POST", "/invoke", invoke);
                         api.add_lambda_route("GET", "/upload-url", upload, {.authorization = Authorization::None, .api_key_required = true});
                         api.add_lambda_route("ANY", "/files/{proxy+}", upload);
                         internal.add_lambda_route("GET", "/", invoke);
                         stack.add<Output>("Url", {.value = api.url().value()});
                         stack.add<Output>("Execution", {.value = api.execution_arn().value()});
                         stack.add<Output>("Id", {.value = internal.rest_api_id().value()});
                         stack.add<Output>("Root", {.value = internal.root_resource_id().value()});
                       });
}

TEST_CASE("spec kinds: misspelt keys and names of functions, rules and APIs suggest the nearest") {
  const std::string fn = "      F: " + python_fn_yaml + "\n";
  CHECK(has(errors_of(stack_spec("      G: {type: lambda.Function, runtime: python3.13, handler: h.h, code: {inline: x}, memory: 256}\n")),
            "[app.yaml:5:88] unknown lambda.Function key \"memory\" — did you mean \"memory_size\"?"));
  CHECK(has(errors_of(stack_spec("      G: {type: lambda.Function, runtime: pyhton3.13, handler: h.h, code: {inline: x}}\n")),
            "[app.yaml:5:43] unknown runtime \"pyhton3.13\" — did you mean \"python3.13\"?"));
  CHECK(has(errors_of(stack_spec("      G: {type: lambda.Function, runtime: python3.13, handler: h.h, code: {assett: fn/}}\n")),
            "[app.yaml:5:76] unknown code key \"assett\" — did you mean \"asset\"?"));
  CHECK(has(errors_of(stack_spec(fn + "      R: {type: events.Rule, schedul: {expression: rate(1 hour)}}\n")),
            "[app.yaml:6:30] unknown events.Rule key \"schedul\" — did you mean \"schedule\"?"));
  CHECK(has(errors_of(stack_spec(fn + "      R: {type: events.Rule, schedule: {crn: {hours: 6}}}\n")),
            "[app.yaml:6:41] unknown schedule key \"crn\" — did you mean \"cron\"?"));
  CHECK(has(errors_of(stack_spec(fn + "      R: {type: events.Rule, schedule: {cron: {hour: 6}}}\n")),
            "[app.yaml:6:48] unknown cron key \"hour\" — did you mean \"hours\"?"));
  CHECK(has(errors_of(stack_spec(fn + "      R: {type: events.Rule, targets: [{function: F, max_retry_attempt: 3}]}\n")),
            "[app.yaml:6:54] unknown target key \"max_retry_attempt\" — did you mean \"max_retry_attempts\"?"));
  CHECK(has(errors_of(stack_spec(fn + "      R: {type: events.Rule, event_pattern: {emr_cluster_state_change: {states: [terminted_with_errors]}}}\n")),
            "[app.yaml:6:82] unknown value \"terminted_with_errors\" — did you mean \"terminated_with_errors\"?"));
  CHECK(has(errors_of(stack_spec(fn + "      A: {type: apigateway.RestApi, routes: [{method: GET, pth: /, function: F}]}\n")),
            "[app.yaml:6:60] unknown route key \"pth\" — did you mean \"path\"?"));
  CHECK(has(errors_of(stack_spec(fn + "      Q: {type: sqs.Queue}\n      G: {type: lambda.Function, runtime: python3.13, handler: h.h, "
                                      "code: {inline: x}, event_sources: [{id: Q, queue: Q, batch_sise: 5}]}\n")),
            "unknown event source key \"batch_sise\" — did you mean \"batch_size\"?"));
}

TEST_CASE("spec kinds: functions, rules and APIs take values of the right type only") {
  const std::string fn = "      F: " + python_fn_yaml + "\n";
  const auto e = errors_of(stack_spec(
      fn + "      G: {type: lambda.Function, runtime: python3.13, handler: h.h, code: inline, memory_size: lots}\n" +
      "      R: {type: events.Rule, enabled: 'no', schedule: {cron: {hours: 6}, rate: {value: 1, unit: hours}}}\n" +
      "      A: {type: apigateway.RestApi, routes: {method: GET, path: /, function: F}}\n" +
      "      T: {type: events.Rule, schedule: {expression: rate(1 hour)}, targets: [{function: F, queue: F}, {id: x}]}\n"));
  CHECK(has(e, "[app.yaml:6:75] code takes exactly one of inline, s3, asset"));
  CHECK(has(e, "[app.yaml:6:96] expected a whole number, found \"lots\""));
  CHECK(has(e, "[app.yaml:7:39] expected true or false, found \"no\""));
  CHECK(has(e, "[app.yaml:7:55] schedule takes exactly one of cron, rate, expression"));
  CHECK(has(e, "[app.yaml:8:45] \"routes\" expects a list, found a mapping"));
  CHECK(has(e, "[app.yaml:9:78] target takes only one of function, queue, state_machine"));
  CHECK(has(e, "[app.yaml:9:103] target needs one of function, queue, state_machine"));
}

TEST_CASE("spec kinds: references of functions, rules and APIs to missing or other resources are errors") {
  const std::string fn = "      F: " + python_fn_yaml + "\n";
  CHECK(has(errors_of(stack_spec(fn + "      R: {type: events.Rule, schedule: {expression: rate(1 hour)}, targets: [{function: G}]}\n")),
            "[app.yaml:6:89] unknown resource lambda.Function \"G\" — did you mean \"F\"?"));
  CHECK(has(errors_of(stack_spec(fn + "      Q: {type: sqs.Queue}\n      A: {type: apigateway.RestApi, routes: [{method: GET, path: /, function: Q}]}\n")),
            "\"Q\" is a sqs.Queue, not a lambda.Function"));
  CHECK(has(errors_of(stack_spec("      R: {type: events.Rule, event_pattern: {s3_object_created: {bucket: B}}}\n      B: {type: s3.Bucket}\n")),
            "[app.yaml:5:74] \"B\" is declared below this reference"));
  CHECK(has(errors_of(stack_spec(fn + "      Q: {type: sqs.Queue}\n      R: {type: events.Rule, schedule: {expression: rate(1 hour)}, "
                                      "targets: [{state_machine: Q}]}\n")),
            "\"Q\" is a sqs.Queue, which has no state machine — refer to a stepfunctions.ClusterLifecycle or "
            "stepfunctions.EnsureClusterRunStep"));
  CHECK(has(errors_of(stack_spec(fn + "      R: {type: events.Rule, schedule: {expression: rate(1 hour)}, targets: [{state_machine: Flow}]}\n")),
            "unknown resource with a state machine \"Flow\""));
  CHECK(has(errors_of(stack_spec("      D: {type: s3.Bucket}\n      G: {type: lambda.Function, runtime: python3.13, handler: h.h, "
                                 "code: {inline: x}, environment: {B: {ref: D, attribute: bucket}}}\n")),
            "unknown attribute of s3.Bucket \"bucket\" — did you mean \"bucket_name\"?"));
  CHECK(has(errors_of(stack_spec("      G: {type: lambda.Function, runtime: python3.13, handler: h.h, code: {inline: x}, "
                                 "event_sources: [{id: S, queue: Jobs}]}\n")),
            "unknown resource sqs.Queue \"Jobs\""));
}
