// Several stacks in one spec: "Stack/Id" refers to another stack's resource (props to stacks above,
// actions anywhere), depends_on orders stacks, and problems found by the model's validation name
// the spec's file:line:col.
#include <doctest/doctest.h>

#include "unit/spec/spec_fixture.hpp"

using namespace drdb;
using namespace drdb::aws;
using spec_test::check_same_documents;
using spec_test::errors_of;
using spec_test::has;

namespace {

const char* three_stacks = R"yaml(stacks:
  Storage:
    region: us-east-1
    resources:
      Data: {type: s3.Bucket, suppress: [{rule: S3.4, reason: a fixture}], grants: [{role: Compute/Worker, access: read}]}
      Jobs: {type: sqs.Queue, suppress: [{rule: SQS.2, reason: a fixture}], grants: [{role: Compute/Worker, access: send}]}
    outputs:
      DataBucketName: {value: {ref: Data, attribute: bucket_name}}
  Compute:
    region: us-east-1
    resources:
      Worker:
        type: iam.Role
        assumed_by: [{service: lambda.amazonaws.com}]
        description: reads the data bucket
        statements: [{actions: ["s3:ListBucket"], resources: [{ref: Storage/Data, attribute: arn}]}]
  Monitoring:
    region: us-east-1
    depends_on: [Compute]
    resources:
      Alerts: {type: sqs.Queue, suppress: [{rule: SQS.2, reason: a fixture}]}
    outputs:
      JobsQueueUrl: {value: {ref: Storage/Jobs, attribute: queue_url}}
)yaml";

}  // namespace

TEST_CASE("spec multi-stack: references across stacks and depends_on give the C++ program's bytes") {
  check_same_documents(three_stacks, [](App& app) {
    auto& storage = app.add<Stack>("Storage", {.region = "us-east-1"});
    auto& data = storage.add<s3::Bucket>("Data");
    data.suppress("S3.4", "a fixture");
    auto& jobs = storage.add<sqs::Queue>("Jobs");
    jobs.suppress("SQS.2", "a fixture");
    auto& compute = app.add<Stack>("Compute", {.region = "us-east-1"});
    auto& worker = compute.add<iam::Role>("Worker", {.assumed_by = {iam::Principal::service("lambda.amazonaws.com")},
                                                     .description = "reads the data bucket"});
    worker.add_to_policy({.actions = {"s3:ListBucket"}, .resources = {data.arn()}});
    auto& monitoring = app.add<Stack>("Monitoring", {.region = "us-east-1"});
    auto& alerts = monitoring.add<sqs::Queue>("Alerts");
    alerts.suppress("SQS.2", "a fixture");
    data.grant_read(worker);
    jobs.grant_send(worker);
    storage.add<Output>("DataBucketName", {.value = data.bucket_name().value()});
    monitoring.add_dependency(compute);
    monitoring.add<Output>("JobsQueueUrl", {.value = jobs.queue_url().value()});
  });
  App app;
  spec::load(three_stacks, "app.yaml", app);
  std::vector<std::string> order;
  for (const auto& d : deploy_order(app)) order.push_back(d.stack);
  CHECK(order == std::vector<std::string>{"Storage", "Compute", "Monitoring"});
}

TEST_CASE("spec multi-stack: unknown stacks, props reading a stack below, and bad depends_on are reported where they are") {
  const auto e = errors_of(R"(stacks:
  A:
    resources:
      Data: {type: s3.Bucket, access_logs_bucket: B/Logs}
      Other: {type: s3.Bucket, access_logs_bucket: Bee/Logs}
    depends_on: [C]
  B:
    resources:
      Logs: {type: s3.Bucket}
      More: {type: s3.Bucket, access_logs_bucket: A/Dta}
)");
  CHECK(has(e, "[app.yaml:4:51] \"B/Logs\" is declared below this reference (or could not be created) — declare its stack above this one"));
  CHECK(has(e, "[app.yaml:5:52] unknown stack of \"Bee/Logs\": \"Bee\" — did you mean \"B\"?"));
  CHECK(has(e, "[app.yaml:6:18] unknown stack \"C\""));
  CHECK(has(e, "[app.yaml:10:51] unknown resource s3.Bucket \"A/Dta\" — did you mean \"A/Data\"?"));
}

TEST_CASE("spec: what the model's validation finds names the spec's file:line:col and the construct") {
  App app;
  spec::load(R"(stacks:
  S:
    resources:
      Jobs: {type: sqs.Queue, visibility_timeout_seconds: 50000}
)",
             "app.yaml", app);
  const auto d = validate(app).format();
  CHECK(has(d, "[app.yaml:4:13 App/S/Jobs] "));
}
