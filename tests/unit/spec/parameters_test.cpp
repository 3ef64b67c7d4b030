// Stack parameters in specs ({param: <name>}), and resources standing for the role they act with.
#include <doctest/doctest.h>

#include "unit/spec/spec_fixture.hpp"

using namespace drdb;
using namespace drdb::aws;
using spec_test::check_same_documents;
using spec_test::errors_of;
using spec_test::has;

TEST_CASE("spec parameters: declared once, referred to as {param: name}, the C++ program's bytes") {
  check_same_documents(R"(stacks:
  S:
    parameters:
      Endpoint: {description: Metastore host, allowed_pattern: "^[a-z.-]+$", min_length: 1}
      Retention: {type: number, default: "30", min_value: 1, max_value: 365}
      Token: {no_echo: true, allowed_values: [a, b]}
    resources:
      Data: {type: s3.Bucket}
    outputs:
      Host: {value: {param: Endpoint}}
      Url: {value: {join: ["jdbc:mysql://", {param: Endpoint}, ":3306/hive"]}}
)",
                       [](App& app) {
                         auto& s = app.add<Stack>("S");
                         auto& endpoint = s.add<Parameter>("Endpoint", {.description = "Metastore host", .allowed_pattern = "^[a-z.-]+$", .min_length = 1});
                         s.add<Parameter>("Retention", {.type = ParameterType::Number, .default_value = Value("30"), .min_value = 1, .max_value = 365});
                         s.add<Parameter>("Token", {.allowed_values = {"a", "b"}, .no_echo = true});
                         s.add<s3::Bucket>("Data", {});
                         s.add<Output>("Host", {.value = endpoint.as_str().value()});
                         s.add<Output>("Url", {.value = (Str("jdbc:mysql://") + endpoint.as_str() + ":3306/hive").value()});
                       });
}

TEST_CASE("spec parameters: unknown names and bad settings are reported where they are") {
  const auto e = errors_of(R"(stacks:
  S:
    parameters:
      Endpoint: {description: the host}
      Other: {typ: string}
    outputs:
      Host: {value: {param: Endpont}}
)");
  CHECK(has(e, "[app.yaml:5:15] unknown parameter key \"typ\" — did you mean \"type\"?"));
  CHECK(has(e, "[app.yaml:7:29] unknown parameter (declare it under the stack's parameters) \"Endpont\" — did you mean \"Endpoint\"?"));
}

TEST_CASE("a function or cluster stands for the role it acts with in grants and launches") {
  check_same_documents(R"(stacks:
  S:
    resources:
      Runs: {type: dynamodb.Table, partition_key: {name: id}}
      Fn:
        type: lambda.Function
        runtime: python3.12
        handler: index.handler
        code: {inline: "def handler(e, c):\n    return e\n"}
      Vpc: {type: ec2.Vpc, cidr: 10.1.0.0/16, max_azs: 2, subnet_groups: [{name: Emr, type: private_with_egress, mask: 20}, {name: Public, type: public, mask: 24}]}
      Spark:
        type: emr.Cluster
        release_label: emr-7.1.0
        launch: by_workflows
        applications: [Spark]
        instances: {groups: {primary: {instance_type: m5.xlarge}}}
        vpc: Vpc
        subnets: [{vpc: Vpc, type: private_with_egress, index: 0}]
        launched_by: [Fn]
      Data: {type: s3.Bucket, grants: [{role: Spark, access: read}]}
    outputs:
      Definition: {value: {ref: Spark, attribute: run_job_flow_json}}
)",
                       [](App& app) {
                         auto& s = app.add<Stack>("S");
                         auto& runs = s.add<dynamodb::Table>("Runs", {.partition_key = {"id"}});
                         (void)runs;
                         auto& fn = s.add<lambda::Function>("Fn", {.runtime = lambda::Runtime::Python312,
                                                                   .handler = "index.handler",
                                                                   .code = lambda::Code::from_inline("def handler(e, c):\n    return e\n")});
                         auto& vpc = s.add<ec2::Vpc>("Vpc", {.cidr = "10.1.0.0/16",
                                                             .max_azs = 2,
                                                             .subnet_groups = {{.name = "Emr", .type = ec2::SubnetType::PrivateWithEgress, .mask = 20},
                                                                               {.name = "Public", .type = ec2::SubnetType::Public, .mask = 24}}});
                         auto& cluster = s.add<emr::Cluster>("Spark", {.release_label = "emr-7.1.0",
                                                                       .launch = emr::Launch::ByWorkflows,
                                                                       .applications = {emr::Application::spark()},
                                                                       .instances = emr::InstanceGroups{.primary = {.instance_type = "m5.xlarge"}},
                                                                       .vpc = &vpc,
                                                                       .subnets = {vpc.private_subnets()[0]}});
                         auto& data = s.add<s3::Bucket>("Data", {});
                         cluster.grant_launch(fn.role());
                         data.grant_read(cluster.job_flow_role());
                         s.add<Output>("Definition", {.value = cluster.run_job_flow_json().value()});
                       });
}
