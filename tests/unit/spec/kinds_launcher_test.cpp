// emr.ClusterLauncher and the deployment's own values ({pseudo}, {arn}) in specs: the C++ program's
// bytes, and mistakes reported where they were made. The reference architectures' specs
// (examples/*/*.yaml) compare whole apps against their programs (tests/golden).
#include <doctest/doctest.h>

#include "unit/spec/spec_fixture.hpp"

using namespace drdb;
using namespace drdb::aws;
using namespace drdb::aws::emr;
using spec_test::check_same_documents;
using spec_test::errors_of;
using spec_test::has;

namespace {

const char* launcher_stack = R"yaml(stacks:
  S:
    region: eu-west-1
    resources:
      Vpc: {type: ec2.Vpc, cidr: 10.0.0.0/16, max_azs: 1, subnet_groups: [{name: Emr, type: isolated, mask: 20}]}
      Logs: {type: s3.Bucket}
      Etl:
        type: emr.Cluster
        name: etl
        release_label: emr-7.1.0
        launch: by_workflows
        applications: [Spark]
        instances: {groups: {primary: {instance_type: m5.xlarge}}}
        vpc: Vpc
        subnets: [{vpc: Vpc, type: isolated, index: 0}]
        logs: {bucket: Logs}
      Runs: {type: dynamodb.Table, partition_key: {name: Correlation_Id}, sort_key: {name: DataProduct}}
      Jobs: {type: dynamodb.Table, partition_key: {name: JobName}}
      Password: {type: secretsmanager.Secret}
      Launcher:
        type: emr.ClusterLauncher
        cluster: Etl
        code: {inline: "def handler(event, context): pass"}
        steps: [{name: etl, spark: {application: {join: ["s3://", {ref: Logs, attribute: bucket_name}, /etl.py]}}}]
        run_log: Runs
        required_secrets: [Password]
        job_lock: {table: Jobs, job_name: etl}
        timeout: 30
        environment: {REGION_NAME: {pseudo: region}, CLUSTERS: {arn: {service: elasticmapreduce, resource: cluster/*}}}
        grants: [{role: Caller, access: invoke}]
      Caller: {type: iam.Role, assumed_by: [{service: lambda.amazonaws.com}]}
)yaml";

}  // namespace

TEST_CASE("spec emr.ClusterLauncher: the launcher, its contract and a function's actions, the C++ program's bytes") {
  check_same_documents(launcher_stack, [](App& app) {
    auto& stack = app.add<Stack>("S", {.region = "eu-west-1"});
    auto& vpc = stack.add<ec2::Vpc>("Vpc", {.cidr = "10.0.0.0/16",
                                             .max_azs = 1,
                                             .subnet_groups = {{.name = "Emr", .type = ec2::SubnetType::Isolated, .mask = 20}}});
    auto& logs = stack.add<s3::Bucket>("Logs");
    auto& cluster = stack.add<Cluster>("Etl", {.name = "etl",
                                              .release_label = "emr-7.1.0",
                                              .launch = Launch::ByWorkflows,
                                              .applications = {Application::spark()},
                                              .instances = InstanceGroups{.primary = {.instance_type = "m5.xlarge"}},
                                              .vpc = &vpc,
                                              .subnets = {vpc.isolated_subnets()[0]},
                                              .logs = LogDestination{.bucket = &logs}});
    auto& runs = stack.add<dynamodb::Table>("Runs", {.partition_key = {"Correlation_Id"}, .sort_key = dynamodb::Attribute{"DataProduct"}});
    auto& jobs = stack.add<dynamodb::Table>("Jobs", {.partition_key = {"JobName"}});
    auto& password = stack.add<secretsmanager::Secret>("Password");
    auto& launcher = stack.add<ClusterLauncher>(
        "Launcher", {.cluster = &cluster,
                     .code = lambda::Code::from_inline("def handler(event, context): pass"),
                     .steps = {Step::spark("etl", {.application = Str("s3://") + logs.bucket_name() + "/etl.py"})},
                     .run_log = &runs,
                     .required_secrets = {&password},
                     .job_lock = JobLock{.table = &jobs, .job_name = "etl"},
                     .timeout = 30,
                     .environment = {{"REGION_NAME", pseudo::region()}, {"CLUSTERS", pseudo::arn("elasticmapreduce", "cluster/*")}}});
    auto& caller = stack.add<iam::Role>("Caller", {.assumed_by = {iam::Principal::service("lambda.amazonaws.com")}});
    launcher.grant_invoke(caller);
  });
}

TEST_CASE("spec emr.ClusterLauncher: missing parts, wrong kinds and bad deployment values are reported where they are") {
  const std::string head = "stacks:\n  S:\n    resources:\n      Runs: {type: dynamodb.Table, partition_key: {name: Id}}\n";
  CHECK(has(errors_of(head + "      L: {type: emr.ClusterLauncher, code: {inline: x}, run_log: Runs}\n"),
            "[app.yaml:5:10] emr.ClusterLauncher needs \"cluster\""));
  CHECK(has(errors_of(head + "      L: {type: emr.ClusterLauncher, cluster: Runs, code: {inline: x}, steps: [], run_log: Runs}\n"),
            "\"Runs\" is a dynamodb.Table, not a emr.Cluster"));
  CHECK(has(errors_of(head + "      L: {type: emr.ClusterLauncher, job_lok: {}}\n"), "did you mean \"job_lock\"?"));
  CHECK(has(errors_of(head + "    outputs:\n      R: {value: {pseudo: regoin}}\n"), "[app.yaml:6:27] unknown pseudo value \"regoin\" — did you mean \"region\"?"));
  CHECK(has(errors_of(head + "    outputs:\n      R: {value: {arn: {service: s3}}}\n"),
            "[app.yaml:6:24] arn takes exactly a service and a resource"));
}
