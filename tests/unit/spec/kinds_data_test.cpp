// dynamodb.Table, sqs.Queue, secretsmanager.Secret, logs.LogGroup and ecr.Repository in specs:
// each synthesizes the bytes of the equivalent C++ program, and mistakes are reported where made.
#include <doctest/doctest.h>

#include "unit/spec/spec_fixture.hpp"

using namespace drdb;
using namespace drdb::aws;
using spec_test::check_same_documents;
using spec_test::errors_of;
using spec_test::has;

namespace {

iam::Role& lambda_role(Stack& stack, const std::string& id) {
  return stack.add<iam::Role>(id, {.assumed_by = {iam::Principal::service("lambda.amazonaws.com")}});
}

}  // namespace

TEST_CASE("spec kinds: dynamodb.Table synthesizes the C++ program's bytes") {
  check_same_documents(R"(stacks:
  Data:
    region: eu-west-1
    resources:
      Key: {type: kms.Key, description: table key}
      Reader: {type: iam.Role, assumed_by: [{service: lambda.amazonaws.com}]}
      Orders:
        type: dynamodb.Table
        table_name: orders
        partition_key: {name: customer}
        sort_key: {name: placed_at, type: number}
        billing_mode: provisioned
        read_capacity: 5
        write_capacity: 2
        time_to_live_attribute: expires_at
        point_in_time_recovery: false
        kms_key: Key
        global_secondary_indexes:
          - index_name: by-status
            partition_key: {name: status, type: string}
            sort_key: {name: placed_at, type: number}
            projection: include
            non_key_attributes: [total]
            read_capacity: 1
            write_capacity: 1
        stream: new_and_old_images
        deletion_protection: true
        grants:
          - {role: Reader, access: read}
          - {role: Writer, access: read_write}
          - {role: Reader, access: stream_read}
      Events: {type: dynamodb.Table, partition_key: {name: id, type: binary}, stream: keys_only,
               grants: [{role: Writer, access: write}]}
      Writer: {type: iam.Role, assumed_by: [{service: lambda.amazonaws.com}]}
    outputs:
      Stream: {value: {ref: Orders, attribute: stream_arn}}
      Arn: {value: {ref: Orders, attribute: table_arn}}
      Name: {value: {ref: Events, attribute: table_name}}
)",
                       [](App& app) {
                         auto& stack = app.add<Stack>("Data", {.region = "eu-west-1"});
                         auto& key = stack.add<kms::Key>("Key", {.description = "table key"});
                         auto& reader = lambda_role(stack, "Reader");
                         const dynamodb::Attribute placed_at{.name = "placed_at", .type = dynamodb::AttributeType::Number};
                         auto& orders = stack.add<dynamodb::Table>(
                             "Orders", {.table_name = "orders",
                                        .partition_key = {.name = "customer"},
                                        .sort_key = placed_at,
                                        .billing_mode = dynamodb::BillingMode::Provisioned,
                                        .read_capacity = 5,
                                        .write_capacity = 2,
                                        .time_to_live_attribute = "expires_at",
                                        .point_in_time_recovery = false,
                                        .kms_key = &key,
                                        .global_secondary_indexes = {{.index_name = "by-status",
                                                                      .partition_key = {.name = "status"},
                                                                      .sort_key = placed_at,
                                                                      .projection = dynamodb::ProjectionType::Include,
                                                                      .non_key_attributes = {"total"},
                                                                      .read_capacity = 1,
                                                                      .write_capacity = 1}},
                                        .stream = dynamodb::StreamViewType::NewAndOldImages,
                                        .deletion_protection = true});
                         auto& events = stack.add<dynamodb::Table>(
                             "Events", {.partition_key = {.name = "id", .type = dynamodb::AttributeType::Binary},
                                        .stream = dynamodb::StreamViewType::KeysOnly});
                         auto& writer = lambda_role(stack, "Writer");
                         orders.grant_read_data(reader);
                         orders.grant_read_write_data(writer);
                         orders.grant_stream_read(reader);
                         events.grant_write_data(writer);
                         stack.add<Output>("Stream", {.value = orders.stream_arn().value()});
                         stack.add<Output>("Arn", {.value = orders.table_arn().value()});
                         stack.add<Output>("Name", {.value = events.table_name().value()});
                       });
}

TEST_CASE("spec kinds: sqs.Queue synthesizes the C++ program's bytes") {
  check_same_documents(R"(stacks:
  Data:
    region: eu-west-1
    resources:
      Key: {type: kms.Key}
      Failed: {type: sqs.Queue, queue_name: jobs-failed.fifo, fifo: true, retention_period_seconds: 1209600}
      Jobs:
        type: sqs.Queue
        queue_name: jobs.fifo
        fifo: true
        content_based_deduplication: true
        kms_key: Key
        kms_data_key_reuse_period_seconds: 600
        visibility_timeout_seconds: 120
        retention_period_seconds: 86400
        delivery_delay_seconds: 5
        receive_wait_time_seconds: 20
        dead_letter_queue: {queue: Failed, max_receive_count: 5}
        grants:
          - {role: Worker, access: consume}
          - {role: Worker, access: purge}
          - {role: Producer, access: send}
        resource_policy:
          - principals: [{service: events.amazonaws.com}]
            actions: ["sqs:SendMessage"]
            resources: [{ref: Jobs, attribute: queue_arn}]
      Plain: {type: sqs.Queue, enforce_ssl: false}
      Worker: {type: iam.Role, assumed_by: [{service: lambda.amazonaws.com}]}
      Producer: {type: iam.Role, assumed_by: [{service: lambda.amazonaws.com}]}
    outputs:
      Url: {value: {ref: Jobs, attribute: queue_url}}
      Name: {value: {ref: Plain, attribute: queue_name}}
)",
                       [](App& app) {
                         auto& stack = app.add<Stack>("Data", {.region = "eu-west-1"});
                         auto& key = stack.add<kms::Key>("Key", {});
                         auto& failed = stack.add<sqs::Queue>(
                             "Failed", {.queue_name = "jobs-failed.fifo", .fifo = true, .retention_period_seconds = 1209600});
                         auto& jobs = stack.add<sqs::Queue>("Jobs", {.queue_name = "jobs.fifo",
                                                                     .fifo = true,
                                                                     .content_based_deduplication = true,
                                                                     .kms_key = &key,
                                                                     .kms_data_key_reuse_period_seconds = 600,
                                                                     .visibility_timeout_seconds = 120,
                                                                     .retention_period_seconds = 86400,
                                                                     .delivery_delay_seconds = 5,
                                                                     .receive_wait_time_seconds = 20,
                                                                     .dead_letter_queue = sqs::DeadLetterQueue{&failed, 5}});
                         auto& plain = stack.add<sqs::Queue>("Plain", {.enforce_ssl = false});
                         auto& worker = lambda_role(stack, "Worker");
                         auto& producer = lambda_role(stack, "Producer");
                         jobs.grant_consume(worker);
                         jobs.grant_purge(worker);
                         jobs.grant_send(producer);
                         jobs.add_to_resource_policy({.actions = {"sqs:SendMessage"},
                                                      .resources = {jobs.queue_arn()},
                                                      .principals = {iam::Principal::service("events.amazonaws.com")}});
                         stack.add<Output>("Url", {.value = jobs.queue_url().value()});
                         stack.add<Output>("Name", {.value = plain.queue_name().value()});
                       });
}

TEST_CASE("spec kinds: secretsmanager.Secret synthesizes the C++ program's bytes") {
  check_same_documents(R"(stacks:
  Data:
    region: eu-west-1
    resources:
      Key: {type: kms.Key}
      Warehouse: {type: s3.Bucket, bucket_name: spec-warehouse}
      Metastore:
        type: secretsmanager.Secret
        secret_name: platform/metastore
        description: Hive metastore credentials
        kms_key: Key
        generate:
          password_length: 40
          exclude_characters: "\"@/\\"
          exclude_punctuation: true
          exclude_numbers: false
          exclude_uppercase: false
          exclude_lowercase: false
          include_space: false
          require_each_included_type: true
          secret_string_template:
            username: hive
            port: 3306
            ssl: true
            ratio: 0.5
            version: '8.0'
            replicas: [a, b]
            warehouse: {ref: Warehouse, attribute: bucket_name}
          generate_string_key: password
        rotation:
          rotation_lambda_arn: arn:aws:lambda:eu-west-1:123456789012:function:rotate
          automatically_after_days: 30
          duration: 3h
          rotate_immediately: false
        grants: [{role: Reader, access: read}]
      Token: {type: secretsmanager.Secret, generate: {}}
      Reader: {type: iam.Role, assumed_by: [{service: lambda.amazonaws.com}]}
    outputs:
      Arn: {value: {ref: Metastore, attribute: secret_arn}}
      Name: {value: {ref: Token, attribute: secret_name}}
)",
                       [](App& app) {
                         auto& stack = app.add<Stack>("Data", {.region = "eu-west-1"});
                         auto& key = stack.add<kms::Key>("Key", {});
                         auto& warehouse = stack.add<s3::Bucket>("Warehouse", {.bucket_name = "spec-warehouse"});
                         const Object credentials{{"username", "hive"},
                                                  {"port", 3306},
                                                  {"ssl", true},
                                                  {"ratio", 0.5},
                                                  {"version", "8.0"},
                                                  {"replicas", Value::list({"a", "b"})},
                                                  {"warehouse", warehouse.bucket_name().value()}};
                         auto& metastore = stack.add<secretsmanager::Secret>(
                             "Metastore",
                             {.secret_name = "platform/metastore",
                              .description = "Hive metastore credentials",
                              .generate = secretsmanager::GeneratedSecret{.password_length = 40,
                                                                          .exclude_characters = "\"@/\\",
                                                                          .exclude_punctuation = true,
                                                                          .secret_string_template = credentials,
                                                                          .generate_string_key = "password"},
                              .kms_key = &key,
                              .rotation = secretsmanager::Rotation{
                                  .rotation_lambda_arn = "arn:aws:lambda:eu-west-1:123456789012:function:rotate",
                                  .automatically_after_days = 30,
                                  .duration = "3h",
                                  .rotate_immediately = false}});
                         auto& token =
                             stack.add<secretsmanager::Secret>("Token", {.generate = secretsmanager::GeneratedSecret{}});
                         auto& reader = lambda_role(stack, "Reader");
                         metastore.grant_read(reader);
                         stack.add<Output>("Arn", {.value = metastore.secret_arn().value()});
                         stack.add<Output>("Name", {.value = token.secret_name().value()});
                       });
}

TEST_CASE("spec kinds: logs.LogGroup synthesizes the C++ program's bytes") {
  check_same_documents(R"(stacks:
  Data:
    region: eu-west-1
    resources:
      Key: {type: kms.Key, allow_log_encryption: true}
      App:
        type: logs.LogGroup
        log_group_name: /platform/app
        retention: three_months
        kms_key: Key
        removal_policy: destroy
        grants: [{role: Writer, access: write}]
      Audit: {type: logs.LogGroup, retention: ten_years}
      Writer: {type: iam.Role, assumed_by: [{service: lambda.amazonaws.com}]}
    outputs:
      Arn: {value: {ref: App, attribute: log_group_arn}}
      Name: {value: {ref: Audit, attribute: log_group_name}}
)",
                       [](App& app) {
                         auto& stack = app.add<Stack>("Data", {.region = "eu-west-1"});
                         auto& key = stack.add<kms::Key>("Key", {});
                         auto& group = stack.add<logs::LogGroup>("App", {.log_group_name = Str("/platform/app"),
                                                                         .retention = logs::Retention::ThreeMonths,
                                                                         .kms_key = &key,
                                                                         .removal_policy = RemovalPolicy::Destroy});
                         auto& audit = stack.add<logs::LogGroup>("Audit", {.retention = logs::Retention::TenYears});
                         auto& writer = lambda_role(stack, "Writer");
                         logs::allow_log_encryption(key);
                         group.grant_write(writer);
                         stack.add<Output>("Arn", {.value = group.log_group_arn().value()});
                         stack.add<Output>("Name", {.value = audit.log_group_name().value()});
                       });
}

TEST_CASE("spec kinds: ecr.Repository synthesizes the C++ program's bytes") {
  check_same_documents(R"(stacks:
  Data:
    region: eu-west-1
    resources:
      Key: {type: kms.Key}
      Images:
        type: ecr.Repository
        repository_name: platform/jobs
        scan_on_push: false
        immutable_tags: false
        kms_key: Key
        lifecycle_rules:
          - {priority: 1, description: untagged, tag_status: untagged, max_age_days: 14}
          - {priority: 2, tag_status: tagged, tag_prefixes: [release-], max_image_count: 20}
          - {priority: 3, tag_status: any, max_image_count: 100}
        grants: [{role: Builder, access: push}, {role: Runner, access: pull}]
      Base: {type: ecr.Repository}
      Builder: {type: iam.Role, assumed_by: [{service: codebuild.amazonaws.com}]}
      Runner: {type: iam.Role, assumed_by: [{service: lambda.amazonaws.com}]}
    outputs:
      Uri: {value: {ref: Images, attribute: repository_uri}}
      Arn: {value: {ref: Base, attribute: repository_arn}}
      Name: {value: {ref: Base, attribute: repository_name}}
)",
                       [](App& app) {
                         auto& stack = app.add<Stack>("Data", {.region = "eu-west-1"});
                         auto& key = stack.add<kms::Key>("Key", {});
                         auto& images = stack.add<ecr::Repository>(
                             "Images", {.repository_name = "platform/jobs",
                                        .scan_on_push = false,
                                        .immutable_tags = false,
                                        .kms_key = &key,
                                        .lifecycle_rules = {ecr::LifecycleRule{.priority = 1,
                                                                               .description = "untagged",
                                                                               .tag_status = ecr::TagStatus::Untagged,
                                                                               .max_age_days = 14},
                                                            ecr::LifecycleRule{.priority = 2,
                                                                               .tag_status = ecr::TagStatus::Tagged,
                                                                               .tag_prefixes = {"release-"},
                                                                               .max_image_count = 20},
                                                            ecr::LifecycleRule{.priority = 3,
                                                                               .tag_status = ecr::TagStatus::Any,
                                                                               .max_image_count = 100}}});
                         auto& base = stack.add<ecr::Repository>("Base", {});
                         auto& builder = stack.add<iam::Role>(
                             "Builder", {.assumed_by = {iam::Principal::service("codebuild.amazonaws.com")}});
                         auto& runner = lambda_role(stack, "Runner");
                         images.grant_push(builder);
                         images.grant_pull(runner);
                         stack.add<Output>("Uri", {.value = images.repository_uri().value()});
                         stack.add<Output>("Arn", {.value = base.repository_arn().value()});
                         stack.add<Output>("Name", {.value = base.repository_name().value()});
                       });
}

TEST_CASE("spec kinds: a misspelt key of each data kind is reported where it is, with the nearest name") {
  const std::string head = "stacks:\n  S:\n    resources:\n";
  CHECK(has(errors_of(head + "      T: {type: dynamodb.Table, partition_key: {name: id}, billing: provisioned}\n"),
            "[app.yaml:4:60] unknown dynamodb.Table key \"billing\" — did you mean \"billing_mode\"?"));
  CHECK(has(errors_of(head + "      T: {type: dynamodb.Table, partition_key: {name: id, typ: number}}\n"),
            "[app.yaml:4:59] unknown key attribute key \"typ\" — did you mean \"type\"?"));
  CHECK(has(errors_of(head + "      Q: {type: sqs.Queue, visibility_timeout: 60}\n"),
            "[app.yaml:4:28] unknown sqs.Queue key \"visibility_timeout\" — did you mean \"visibility_timeout_seconds\"?"));
  CHECK(has(errors_of(head + "      D: {type: sqs.Queue}\n"
                             "      Q: {type: sqs.Queue, dead_letter_queue: {queue: D, max_recieve_count: 5}}\n"),
            "[app.yaml:5:58] unknown dead-letter queue key \"max_recieve_count\" — did you mean \"max_receive_count\"?"));
  CHECK(has(errors_of(head + "      S: {type: secretsmanager.Secret, generate: {password_lenght: 20}}\n"),
            "[app.yaml:4:51] unknown generated secret key \"password_lenght\" — did you mean \"password_length\"?"));
  CHECK(has(errors_of(head + "      L: {type: logs.LogGroup, retension: one_week}\n"),
            "[app.yaml:4:32] unknown logs.LogGroup key \"retension\" — did you mean \"retention\"?"));
  CHECK(has(errors_of(head + "      R: {type: ecr.Repository, scan_on_pus: true}\n"),
            "[app.yaml:4:33] unknown ecr.Repository key \"scan_on_pus\" — did you mean \"scan_on_push\"?"));
}

TEST_CASE("spec kinds: misspelt names of values and grants suggest the nearest") {
  const std::string head =
      "stacks:\n  S:\n    resources:\n      R: {type: iam.Role, assumed_by: [{service: ec2.amazonaws.com}]}\n";
  CHECK(has(errors_of(head + "      L: {type: logs.LogGroup, retention: one_yaer}\n"),
            "[app.yaml:5:43] unknown value \"one_yaer\" — did you mean \"one_year\"?"));
  CHECK(has(errors_of(head + "      T: {type: dynamodb.Table, partition_key: {name: id}, grants: [{role: R, access: raed}]}\n"),
            "[app.yaml:5:87] unknown access \"raed\" — did you mean \"read\"?"));
  CHECK(has(errors_of(head + "      E: {type: ecr.Repository, grants: [{role: R, access: pul}]}\n"),
            "unknown access \"pul\" — did you mean \"pull\"?"));
}

TEST_CASE("spec kinds: values of the wrong type are errors, never coerced") {
  const std::string head = "stacks:\n  S:\n    resources:\n";
  const auto e = errors_of(head + "      Q: {type: sqs.Queue, visibility_timeout_seconds: thirty}\n" +
                           "      T: {type: dynamodb.Table, partition_key: {name: id}, point_in_time_recovery: 'no'}\n" +
                           "      L: {type: logs.LogGroup, retention: 365}\n" +
                           "      E: {type: ecr.Repository, lifecycle_rules: {priority: 1}}\n" +
                           "      S: {type: secretsmanager.Secret, generate: {secret_string_template: [a]}}\n");
  CHECK(has(e, "[app.yaml:4:56] expected a whole number, found \"thirty\""));
  CHECK(has(e, "[app.yaml:5:84] expected true or false, found \"no\""));
  CHECK(has(e, "[app.yaml:6:43] unknown value \"365\""));
  CHECK(has(e, "[app.yaml:7:50] \"lifecycle_rules\" expects a list, found a mapping"));
  CHECK(has(e, "[app.yaml:8:75] \"generate.secret_string_template\" expects a mapping, found a list"));
}

TEST_CASE("spec kinds: references to missing, later or other resources are errors") {
  const std::string head = "stacks:\n  S:\n    resources:\n";
  CHECK(has(errors_of(head + "      D: {type: sqs.Queue}\n      Q: {type: sqs.Queue, dead_letter_queue: {queue: Dlq}}\n"),
            "[app.yaml:5:55] unknown resource sqs.Queue \"Dlq\" — did you mean \"D\"?"));
  CHECK(has(errors_of(head + "      Q: {type: sqs.Queue, dead_letter_queue: {queue: D}}\n      D: {type: sqs.Queue}\n"),
            "[app.yaml:4:55] \"D\" is declared below this reference"));
  CHECK(has(errors_of(head + "      D: {type: ecr.Repository}\n      Q: {type: sqs.Queue, dead_letter_queue: {queue: D}}\n"),
            "\"D\" is a ecr.Repository, not a sqs.Queue"));
  CHECK(has(errors_of(head + "      Key: {type: kms.Key}\n      S: {type: secretsmanager.Secret, kms_key: Kye}\n"),
            "[app.yaml:5:49] unknown resource kms.Key \"Kye\" — did you mean \"Key\"?"));
  CHECK(has(errors_of(head + "      L: {type: logs.LogGroup, grants: [{role: Writer, access: write}]}\n"),
            "unknown resource iam.Role \"Writer\""));
  CHECK(has(errors_of(head + "      T: {type: dynamodb.Table, partition_key: {name: id}}\n"
                             "    outputs:\n      O: {value: {ref: T, attribute: arn}}\n"),
            "unknown attribute of dynamodb.Table \"arn\""));
}

TEST_CASE("spec kinds: the stream of a table without one cannot be referenced") {
  const auto e = errors_of(
      "stacks:\n  S:\n    resources:\n      T: {type: dynamodb.Table, partition_key: {name: id}}\n"
      "    outputs:\n      O: {value: {ref: T, attribute: stream_arn}}\n");
  CHECK(has(e, "[app.yaml:6:38] [App/S/T] the table has no stream, so it has no stream ARN"));
}
