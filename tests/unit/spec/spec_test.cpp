#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "unit/spec/spec_fixture.hpp"

using namespace drdb;
using namespace drdb::aws;
using spec_test::check_same_documents;
using spec_test::errors_of;
using spec_test::has;

namespace {

const char* platform_spec = R"(stacks:
  Platform:
    description: spec test
    region: eu-west-1
    tags: {team: data}
    resources:
      Vpc:
        type: ec2.Vpc
        cidr: 10.40.0.0/16
        max_azs: 2
        subnet_groups:
          - {name: Public, type: public, mask: 24}
          - {name: Emr, type: private_with_egress, mask: 20}
        nat_gateways: one
        gateway_endpoints: [s3]
        interface_endpoints: [sts]
        flow_logs: {traffic: reject, retention: three_months}
      Primary:
        type: ec2.SecurityGroup
        description: EMR primary
        vpc: Vpc
        egress:
          - {peer: 0.0.0.0/0, port: tcp/443, description: HTTPS}
      Metastore:
        type: ec2.SecurityGroup
        description: Hive metastore
        vpc: Vpc
        allow_from:
          - {source: Primary, port: tcp/3306, description: Hive metastore}
      Key:
        type: kms.Key
        description: data key
        alias: alias/spec-test
        grants:
          - {role: Jobs, access: encrypt_decrypt}
      Logs:
        type: s3.Bucket
        lifecycle_rules:
          - id: expire
            expiration_days: 90
            transitions: [{storage_class: glacier_ir, days: 30}]
      Data:
        type: s3.Bucket
        encryption: kms
        kms_key: Key
        versioned: true
        access_logs_bucket: Logs
        access_logs_prefix: data/
        grants:
          - {role: Jobs, access: read_write, keys: "raw/*"}
      Jobs:
        type: iam.Role
        assumed_by: [{service: ec2.amazonaws.com}]
        managed_policy_arns: ["arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"]
        statements:
          - {actions: ["glue:GetTable"], resources: ["*"]}
        instance_profile: true
    outputs:
      VpcId: {value: {ref: Vpc, attribute: vpc_id}, export_name: spec-vpc}
      DataBucket: {value: {ref: Data, attribute: bucket_name}, description: the data}
)";

void platform_cpp(App& app) {
  auto& stack = app.add<Stack>("Platform", {.description = "spec test", .region = "eu-west-1"});
  stack.tag("team", "data");
  auto& vpc = stack.add<ec2::Vpc>(
      "Vpc", {.cidr = "10.40.0.0/16",
              .max_azs = 2,
              .subnet_groups = {{.name = "Public", .type = ec2::SubnetType::Public, .mask = 24},
                                {.name = "Emr", .type = ec2::SubnetType::PrivateWithEgress, .mask = 20}},
              .nat_gateways = ec2::NatGateways::One,
              .gateway_endpoints = {ec2::EndpointService::s3()},
              .interface_endpoints = {ec2::EndpointService::sts()},
              .flow_logs = ec2::FlowLog::Props{.traffic = ec2::FlowLogTraffic::Reject,
                                               .retention = logs::Retention::ThreeMonths}});
  auto& primary = stack.add<ec2::SecurityGroup>("Primary", {.description = "EMR primary", .vpc = &vpc});
  auto& metastore = stack.add<ec2::SecurityGroup>("Metastore", {.description = "Hive metastore", .vpc = &vpc});
  auto& key = stack.add<kms::Key>("Key", {.description = "data key", .alias = "alias/spec-test"});
  auto& logs = stack.add<s3::Bucket>(
      "Logs", {.lifecycle_rules = {{.id = "expire",
                                    .expiration_days = 90,
                                    .transitions = {{.storage_class = s3::StorageClass::GlacierInstantRetrieval, .days = 30}}}}});
  auto& data = stack.add<s3::Bucket>("Data", {.encryption = s3::Encryption::Kms,
                                              .kms_key = &key,
                                              .versioned = true,
                                              .access_logs_bucket = &logs,
                                              .access_logs_prefix = "data/"});
  auto& jobs = stack.add<iam::Role>(
      "Jobs", {.assumed_by = {iam::Principal::service("ec2.amazonaws.com")},
               .managed_policy_arns = {Str("arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore")}});
  primary.add_egress(ec2::Peer::any_ipv4(), ec2::Port::tcp(443), "HTTPS");
  metastore.allow_from(primary, ec2::Port::tcp(3306), "Hive metastore");
  key.grant_encrypt_decrypt(jobs);
  data.grant_read_write(jobs, "raw/*");
  jobs.add_to_policy({.actions = {"glue:GetTable"}, .resources = {Str("*")}});
  jobs.instance_profile();
  stack.add<Output>("VpcId", {.value = vpc.vpc_id().value(), .export_name = "spec-vpc"});
  stack.add<Output>("DataBucket", {.value = data.bucket_name().value(), .description = "the data"});
}

std::vector<Document> synth(const App& app) { return synthesize(app); }

}  // namespace

TEST_CASE("spec: a spec and the equivalent C++ program synthesize the same bytes") {
  check_same_documents(platform_spec, platform_cpp);
}

TEST_CASE("spec: errors carry file:line:col and suggest the nearest key") {
  const auto e = errors_of("stacks:\n  S:\n    resources:\n      B:\n        type: s3.Bucket\n        versionned: true\n");
  CHECK(has(e, "[app.yaml:6:9] unknown s3.Bucket key \"versionned\" — did you mean \"versioned\"?"));
}

TEST_CASE("spec: unknown kinds, values and top-level keys") {
  CHECK(has(errors_of("stacks:\n  S:\n    resources:\n      B: {type: s3.Buckett}\n"),
            "[app.yaml:4:17] unknown resource kind \"s3.Buckett\" — did you mean \"s3.Bucket\"?"));
  CHECK(has(errors_of("stacks:\n  S:\n    resources:\n      B: {type: s3.Bucket, encryption: aes}\n"),
            "[app.yaml:4:40] unknown value \"aes\""));
  CHECK(has(errors_of("stack:\n  S: {}\n"), "[app.yaml:1:1] unknown app spec key \"stack\" — did you mean \"stacks\"?"));
  CHECK(has(errors_of("stacks:\n  S:\n    resource: {}\n"), "unknown stack key \"resource\" — did you mean \"resources\"?"));
}

TEST_CASE("spec: wrong types are errors, never coerced") {
  const auto e = errors_of("stacks:\n  S:\n    resources:\n      B: {type: s3.Bucket, versioned: 'yes'}\n"
                           "      V: {type: ec2.Vpc, max_azs: two}\n");
  CHECK(has(e, "[app.yaml:4:39] expected true or false, found \"yes\""));
  CHECK(has(e, "[app.yaml:5:35] expected a whole number, found \"two\""));
}

TEST_CASE("spec: references by id, checked for existence, order and kind") {
  const auto below = errors_of(
      "stacks:\n  S:\n    resources:\n      G: {type: ec2.SecurityGroup, description: g, vpc: Vpc}\n"
      "      Vpc: {type: ec2.Vpc}\n");
  CHECK(has(below, "[app.yaml:4:57] \"Vpc\" is declared below this reference"));
  const auto wrong = errors_of(
      "stacks:\n  S:\n    resources:\n      B: {type: s3.Bucket}\n"
      "      G: {type: ec2.SecurityGroup, description: g, vpc: B}\n");
  CHECK(has(wrong, "\"B\" is a s3.Bucket, not a ec2.Vpc"));
  const auto missing = errors_of(
      "stacks:\n  S:\n    resources:\n      Vpc: {type: ec2.Vpc}\n"
      "      G: {type: ec2.SecurityGroup, description: g, vpc: Vcp}\n");
  CHECK(has(missing, "unknown resource ec2.Vpc \"Vcp\" — did you mean \"Vpc\"?"));
  const auto attribute = errors_of(
      "stacks:\n  S:\n    resources:\n      B: {type: s3.Bucket}\n    outputs:\n      O: {value: {ref: B, attribute: name}}\n");
  CHECK(has(attribute, "unknown attribute of s3.Bucket \"name\""));
}

TEST_CASE("spec: actions may refer to resources declared below them") {
  App app;
  spec::load("stacks:\n  S:\n    resources:\n      B: {type: s3.Bucket, grants: [{role: R, access: read}]}\n"
             "      R: {type: iam.Role, assumed_by: [{service: ec2.amazonaws.com}]}\n",
             "app.yaml", app);
  const auto docs = synth(app);
  CHECK(has(docs[0].content, "s3:GetObject"));
}

TEST_CASE("spec: required fields, bad ports, duplicates and invalid YAML") {
  CHECK(has(errors_of("stacks:\n  S:\n    resources:\n      G: {type: ec2.SecurityGroup}\n"),
            "ec2.SecurityGroup needs \"description\""));
  CHECK(has(errors_of("stacks:\n  S:\n    resources:\n      G: {type: ec2.SecurityGroup, description: g, "
                      "ingress: [{peer: 10.0.0.0/8, port: tcp3306}]}\n"),
            "\"tcp3306\" is not a port — write tcp/443"));
  CHECK(has(errors_of("stacks:\n  S:\n    resources:\n      B: {type: s3.Bucket}\n      B: {type: s3.Bucket}\n"),
            "resource \"B\" is declared twice"));
  CHECK(has(errors_of("stacks: [\n"), "[app.yaml:2:1] not valid YAML"));
  CHECK(has(errors_of("stacks:\n  S:\n    resources:\n      B: {versioned: true}\n"), "resource \"B\" has no type"));
}

TEST_CASE("spec: the model's own checks still run, with construct paths") {
  App app;
  spec::load("stacks:\n  S:\n    resources:\n      V: {type: ec2.Vpc, cidr: 10.0.0.0/33}\n", "app.yaml", app);
  CHECK_THROWS_AS(synth(app), ValidationError);
}

TEST_CASE("spec: an unreadable file is an I/O error naming it") {
  App app;
  CHECK_THROWS_AS(spec::load_file("/nonexistent/app.yaml", app), Error);
}

TEST_CASE("spec: schemas/drdb-spec.schema.json is the loader's schema") {
  const char* path = DRDB_SOURCE_DIR "/schemas/drdb-spec.schema.json";
  if (std::getenv("DRDB_UPDATE_GOLDEN") != nullptr) std::ofstream(path, std::ios::binary) << spec::json_schema();
  std::ifstream in(path, std::ios::binary);
  std::ostringstream committed;
  committed << in.rdbuf();
  // After changing a kind: DRDB_UPDATE_GOLDEN=1 build/tests/drdb-unit-tests -tc='spec: schemas*'
  CHECK(committed.str() == spec::json_schema());
}

TEST_CASE("spec: suppressions on stacks and resources, each with its reason") {
  App app;
  spec::load("stacks:\n  S:\n    suppress: [{rule: S3.4, reason: logs bucket}]\n    resources:\n"
             "      B: {type: s3.Bucket, suppress: [{rule: S3.3, reason: public website}]}\n",
             "app.yaml", app);
  const auto* stack = app.stacks().at(0);
  REQUIRE(stack->suppressions().size() == 1);
  CHECK(stack->suppressions()[0].rule == "S3.4");
  const Construct* bucket = nullptr;
  walk(*stack, [&](const Construct& c) {
    if (c.id() == "B") bucket = &c;
  });
  REQUIRE(bucket != nullptr);
  REQUIRE(bucket->suppressions().size() == 1);
  CHECK(bucket->suppressions()[0].reason == "public website");
  CHECK(has(errors_of("stacks:\n  S:\n    resources:\n      B: {type: s3.Bucket, suppress: [{rule: S3.3}]}\n"),
            "suppression needs \"reason\""));
}
