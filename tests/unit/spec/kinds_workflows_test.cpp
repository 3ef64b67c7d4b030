// stepfunctions.EnsureClusterRunStep and stepfunctions.ClusterLifecycle in specs: each synthesizes
// the bytes of the equivalent C++ program, and mistakes are reported where they were made.
#include <doctest/doctest.h>

#include "unit/spec/spec_fixture.hpp"

using namespace drdb;
using namespace drdb::aws;
using namespace drdb::aws::emr;
using aws::events::Schedule;
using aws::stepfunctions::ClusterLifecycle;
using aws::stepfunctions::EnsureClusterRunStep;
using spec_test::check_same_documents;
using spec_test::errors_of;
using spec_test::has;

namespace {

// The stack of examples/pipeline/app.cpp up to its workflows: a cluster model launched by the
// workflows, the run log, the ensure-cluster workflow with its triggers, and the lifecycle.
const char* pipeline_resources = R"yaml(stacks:
  Pipeline:
    description: "drdb example: an event-driven EMR pipeline with a run log"
    region: us-east-1
    tags: {project: drdb-pipeline}
    resources:
      Vpc:
        type: ec2.Vpc
        cidr: 10.40.0.0/16
        max_azs: 2
        subnet_groups: [{name: Public, type: public, mask: 24}, {name: Emr, type: private_with_egress, mask: 20}]
        nat_gateways: one
        gateway_endpoints: [s3, dynamodb]
      Logs: {type: s3.Bucket, lifecycle_rules: [{id: AgeOutLogs, expiration_days: 365}]}
      Landing: {type: s3.Bucket, versioned: true, access_logs_bucket: Logs, access_logs_prefix: s3-access/landing/}
      Code: {type: s3.Bucket, versioned: true, access_logs_bucket: Logs, access_logs_prefix: s3-access/code/}
      ClusterKey: {type: kms.Key, description: EMRFS data and local disks of the pipeline's clusters}
      Encryption:
        type: emr.SecurityConfiguration
        s3_encryption: {mode: sse_kms, kms_key_arn: {ref: ClusterKey, attribute: key_arn}}
        local_disk_encryption: {kms_key_arn: {ref: ClusterKey, attribute: key_arn}}
      Spark:
        type: emr.Cluster
        name: drdb-pipeline
        release_label: emr-7.1.0
        launch: by_workflows
        applications: [Spark, Hive]
        instances: {groups: {primary: {instance_type: m5.xlarge}, core: {instance_type: m5.xlarge, count: 2}}}
        vpc: Vpc
        subnets: [{vpc: Vpc, type: private_with_egress, index: 0}]
        security_configuration: Encryption
        logs: {bucket: Logs, prefix: emr/}
        metastore: {glue_catalog: {}}
        managed_scaling: {min_capacity: 2, max_capacity: 10}
        idle_timeout_seconds: 3600
        bucket_grants: [{bucket: Code, access: read, keys: jobs/*}, {bucket: Landing, access: read, keys: sales/*}]
        suppress: [{rule: EMR.4, reason: batch steps in private subnets}]
      RunLog:
        type: dynamodb.Table
        partition_key: {name: Correlation_Id}
        time_to_live_attribute: TimeToExist
        global_secondary_indexes: [{index_name: ByCluster, partition_key: {name: ClusterId}}]
      Ingest:
        type: stepfunctions.EnsureClusterRunStep
        cluster: Spark
        step:
          name: ingest-sales
          spark:
            application: {join: ["s3://", {ref: Code, attribute: bucket_name}, /jobs/ingest_sales.py]}
            args: [{join: ["s3://", {ref: Landing, attribute: bucket_name}, /sales/]}]
            conf: {spark.sql.adaptive.enabled: "true"}
        run_log: RunLog
        data_product: sales
        record_retention_days: 90
        run_on_upload: {bucket: Landing, prefixes: [sales/]}
        run_on_schedule: {cron: {minutes: "0", hours: "2"}}
        grants: [{role: Relauncher, access: start_execution}]
      ClusterSchedule:
        type: stepfunctions.ClusterLifecycle
        cluster: Spark
        start: {cron: {hours: "6", day_of_week: MON-FRI}}
        stop: {cron: {hours: "22", day_of_week: MON-FRI}}
        recycle: {expression: "cron(0 13 ? * WED *)"}
      Relauncher: {type: iam.Role, assumed_by: [{service: lambda.amazonaws.com}]}
)yaml";

const char* pipeline_outputs = R"(    outputs:
      StateMachineArn: {value: {ref: Ingest, attribute: state_machine_arn}, description: The ensure-cluster workflow}
      LifecycleName: {value: {ref: ClusterSchedule, attribute: state_machine_name}}
)";

void pipeline_program(App& app) {
  auto& stack = app.add<Stack>("Pipeline", {.description = "drdb example: an event-driven EMR pipeline with a run log", .region = "us-east-1"});
  stack.tag("project", "drdb-pipeline");
  auto& vpc = stack.add<ec2::Vpc>("Vpc", {.cidr = "10.40.0.0/16",
                                          .max_azs = 2,
                                          .subnet_groups = {{.name = "Public", .type = ec2::SubnetType::Public, .mask = 24},
                                                            {.name = "Emr", .type = ec2::SubnetType::PrivateWithEgress, .mask = 20}},
                                          .nat_gateways = ec2::NatGateways::One,
                                          .gateway_endpoints = {ec2::EndpointService::s3(), ec2::EndpointService::dynamodb()}});
  auto& logs = stack.add<s3::Bucket>("Logs", {.lifecycle_rules = {{.id = "AgeOutLogs", .expiration_days = 365}}});
  auto& landing = stack.add<s3::Bucket>("Landing", {.versioned = true, .access_logs_bucket = &logs, .access_logs_prefix = "s3-access/landing/"});
  auto& code = stack.add<s3::Bucket>("Code", {.versioned = true, .access_logs_bucket = &logs, .access_logs_prefix = "s3-access/code/"});
  auto& key = stack.add<kms::Key>("ClusterKey", {.description = "EMRFS data and local disks of the pipeline's clusters"});
  auto& security = stack.add<SecurityConfiguration>(
      "Encryption", {.s3_encryption = S3Encryption{.mode = S3EncryptionMode::SseKms, .kms_key_arn = key.key_arn()},
                     .local_disk_encryption = LocalDiskEncryption{.kms_key_arn = key.key_arn(), .encrypt_ebs = true}});
  auto& cluster = stack.add<Cluster>("Spark", {.name = "drdb-pipeline",
                                               .release_label = "emr-7.1.0",
                                               .launch = Launch::ByWorkflows,
                                               .applications = {Application::spark(), Application::hive()},
                                               .instances = InstanceGroups{.primary = {.instance_type = "m5.xlarge"},
                                                                           .core = InstanceGroup{.instance_type = "m5.xlarge", .count = 2}},
                                               .vpc = &vpc,
                                               .subnets = {vpc.private_subnets()[0]},
                                               .security_configuration = &security,
                                               .logs = LogDestination{.bucket = &logs, .prefix = "emr/"},
                                               .metastore = glue_catalog(),
                                               .managed_scaling = ManagedScaling{.min_capacity = 2, .max_capacity = 10},
                                               .idle_timeout_seconds = 3600});
  cluster.suppress("EMR.4", "batch steps in private subnets");
  code.grant_read(cluster.job_flow_role(), "jobs/*");
  landing.grant_read(cluster.job_flow_role(), "sales/*");
  auto& runs = stack.add<dynamodb::Table>("RunLog", {.partition_key = {"Correlation_Id"},
                                                     .time_to_live_attribute = "TimeToExist",
                                                     .global_secondary_indexes = {{.index_name = "ByCluster", .partition_key = {"ClusterId"}}}});
  auto& ingest = stack.add<EnsureClusterRunStep>(
      "Ingest", {.cluster = &cluster,
                 .step = Step::spark("ingest-sales", {.application = Str("s3://") + code.bucket_name() + "/jobs/ingest_sales.py",
                                                      .args = {Str("s3://") + landing.bucket_name() + "/sales/"},
                                                      .conf = {{"spark.sql.adaptive.enabled", "true"}}}),
                 .run_log = &runs,
                 .data_product = "sales",
                 .record_retention_days = 90});
  ingest.run_on_upload(landing, {"sales/"});
  ingest.run_on_schedule(Schedule::cron({.minutes = "0", .hours = "2"}));
  auto& lifecycle = stack.add<ClusterLifecycle>("ClusterSchedule", {.cluster = &cluster,
                                                                    .start = Schedule::cron({.hours = "6", .day_of_week = "MON-FRI"}),
                                                                    .stop = Schedule::cron({.hours = "22", .day_of_week = "MON-FRI"}),
                                                                    .recycle = Schedule::cron({.hours = "13", .day_of_week = "WED"})});
  auto& relauncher = stack.add<iam::Role>("Relauncher", {.assumed_by = {iam::Principal::service("lambda.amazonaws.com")}});
  ingest.grant_start_execution(relauncher);
  stack.add<Output>("StateMachineArn", {.value = ingest.state_machine_arn().value(), .description = "The ensure-cluster workflow"});
  stack.add<Output>("LifecycleName", {.value = lifecycle.state_machine().state_machine_name().value()});
}

// A model cluster and a run log for the workflows of the smaller specs below (their resources follow).
const char* model_resources = R"(stacks:
  S:
    resources:
      Net: {type: ec2.Vpc, cidr: 10.0.0.0/16, max_azs: 1, nat_gateways: one,
            subnet_groups: [{name: Public, type: public, mask: 24}, {name: Emr, type: private_with_egress, mask: 20}]}
      Model: {type: emr.Cluster, release_label: emr-7.1.0, launch: by_workflows, applications: [Spark],
              instances: {groups: {primary: {instance_type: m5.xlarge}}}, vpc: Net, subnets: [{vpc: Net}]}
      Runs: {type: dynamodb.Table, partition_key: {name: Correlation_Id}, time_to_live_attribute: TimeToExist}
      Audit: {type: logs.LogGroup}
)";

void model_program(Stack& stack, const Cluster*& model, const dynamodb::Table*& runs, const logs::LogGroup*& audit) {
  auto& net = stack.add<ec2::Vpc>("Net", {.cidr = "10.0.0.0/16",
                                          .max_azs = 1,
                                          .subnet_groups = {{.name = "Public", .type = ec2::SubnetType::Public, .mask = 24},
                                                            {.name = "Emr", .type = ec2::SubnetType::PrivateWithEgress, .mask = 20}},
                                          .nat_gateways = ec2::NatGateways::One});
  model = &stack.add<Cluster>("Model", {.release_label = "emr-7.1.0",
                                        .launch = Launch::ByWorkflows,
                                        .applications = {Application::spark()},
                                        .instances = InstanceGroups{.primary = {.instance_type = "m5.xlarge"}},
                                        .vpc = &net,
                                        .subnets = {net.private_subnets()[0]}});
  runs = &stack.add<dynamodb::Table>("Runs", {.partition_key = {"Correlation_Id"}, .time_to_live_attribute = "TimeToExist"});
  audit = &stack.add<logs::LogGroup>("Audit", {});
}

}  // namespace

TEST_CASE("spec kinds: the pipeline's workflows synthesize the C++ program's bytes") {
  check_same_documents(std::string(pipeline_resources) + pipeline_outputs, pipeline_program);
}

TEST_CASE("spec kinds: workflow settings that none turns off, attributes, logging and rate schedules") {
  check_same_documents(std::string(model_resources) + R"(      Jar:
        type: stepfunctions.EnsureClusterRunStep
        cluster: Model
        step: {name: tool, action_on_failure: terminate_cluster, jar: {jar: s3://tools/tool.jar, args: [--all]}}
        run_log: Runs
        data_product: tools
        attributes: {run_id: Execution, status: State}
        record_retention_days: none
        poll_seconds: 30
        timeout_seconds: none
        logging: {destination: Audit, level: all, include_execution_data: true}
        run_on_schedule: {rate: {value: 6, unit: hours}}
      Lifecycle: {type: stepfunctions.ClusterLifecycle, cluster: Model, stop: {rate: {value: 1, unit: days}}, logging: none}
)",
                       [](App& app) {
                         auto& stack = app.add<Stack>("S", {});
                         const Cluster* model = nullptr;
                         const dynamodb::Table* runs = nullptr;
                         const logs::LogGroup* audit = nullptr;
                         model_program(stack, model, runs, audit);
                         auto& jar = stack.add<EnsureClusterRunStep>(
                             "Jar", {.cluster = model,
                                     .step = Step::custom_jar("tool", "s3://tools/tool.jar", {"--all"}, {}, ActionOnFailure::TerminateCluster),
                                     .run_log = runs,
                                     .data_product = "tools",
                                     .attributes = {.run_id = "Execution", .status = "State"},
                                     .record_retention_days = std::nullopt,
                                     .poll_seconds = 30,
                                     .timeout_seconds = std::nullopt,
                                     .logging = stepfunctions::Logging{.destination = audit,
                                                                       .level = stepfunctions::LogLevel::All,
                                                                       .include_execution_data = true}});
                         jar.run_on_schedule(Schedule::rate(6, events::RateUnit::Hours));
                         stack.add<ClusterLifecycle>("Lifecycle", {.cluster = model,
                                                                   .stop = Schedule::rate(1, events::RateUnit::Days),
                                                                   .logging = std::nullopt});
                       });
}

TEST_CASE("spec kinds: workflow mistakes are reported at their place, with the nearest name") {
  const std::string base = std::string(model_resources) +
                           "      Run: {type: stepfunctions.EnsureClusterRunStep, cluster: Model, run_log: Runs, data_product: d,\n"
                           "            step: {name: s, spark: {application: s3://b/s.py}}, ";
  CHECK(errors_of(base + "poll_seconds: 10}\n") == "");
  CHECK(has(errors_of(base + "run_on_uplod: {bucket: Runs}}\n"),
            "[app.yaml:11:65] unknown stepfunctions.EnsureClusterRunStep key \"run_on_uplod\" — did you mean \"run_on_upload\"?"));
  CHECK(has(errors_of(base + "run_on_schedule: {crn: {hours: \"2\"}}}\n"), "[app.yaml:11:83] unknown schedule key \"crn\""));
  CHECK(has(errors_of(base + "poll_seconds: soon}\n"), "[app.yaml:11:79] expected a whole number, found \"soon\""));
  CHECK(has(errors_of(base + "logging: off}\n"), "[app.yaml:11:74] \"logging\" expects a mapping of logging settings, found a single value"));
  CHECK(has(errors_of(base + "run_on_upload: {bucket: Runs}}\n"),
            "[app.yaml:11:89] \"Runs\" is a dynamodb.Table, not a s3.Bucket"));
  CHECK(has(errors_of(base + "grants: [{role: Ghost, access: start_execution}]}\n"),
            "[app.yaml:11:81] unknown resource iam.Role \"Ghost\""));
  CHECK(has(errors_of(std::string(model_resources) + "      L: {type: stepfunctions.ClusterLifecycle, cluster: Modle}\n"),
            "[app.yaml:10:58] unknown resource emr.Cluster \"Modle\" — did you mean \"Model\"?"));
  CHECK(has(errors_of(std::string(model_resources) + "      L: {type: stepfunctions.ClusterLifecycle, cluster: Runs}\n"),
            "[app.yaml:10:58] \"Runs\" is a dynamodb.Table, not a emr.Cluster"));
}
