// Three stacks that read each other's values: the lint suite checks what they render with cfn-lint
// and terraform validate, and tests/e2e/test_multi_stack{,_terraform}.py deploy them in manifest
// order and read back the SSM parameters holding what each stack received.
//   Storage     a bucket and a queue; exports the bucket's name under a chosen name
//   Compute     a role reading the bucket and sending to the queue (cross-stack references), a
//               parameter holding the bucket's ARN (the same reference: one export) and one holding
//               the exported name (import_value)
//   Monitoring  a queue, after Compute (add_dependency), and a parameter holding Storage's queue URL
#include <drdb/drdb.hpp>

namespace {

using namespace drdb;

constexpr const char* data_bucket_export = "drdb-multi-stack-data-bucket";

// An SSM parameter named /drdb-multi-stack/<Stack>/<id> holding `value`, in both targets.
void parameter(Stack& stack, const std::string& id, const Str& value) {
  const std::string name = "/drdb-multi-stack/" + stack.name() + "/" + id;
  stack.add<RawResource>(
      id, {.cloudformation = RawResource::Definition{"AWS::SSM::Parameter",
                                                     Value::object({{"Name", name}, {"Type", "String"}, {"Value", value.value()}})},
           .terraform = RawResource::Definition{
               "aws_ssm_parameter", Value::object({{"name", name}, {"type", "String"}, {"value", value.value()}})}});
}

void build(App& app) {
  auto& storage = app.add<Stack>("Storage", {.description = "drdb lint: values other stacks read", .region = "us-east-1"});
  auto& data = storage.add<aws::s3::Bucket>("Data");
  data.suppress("S3.4", "lint fixture for cross-stack references; access logging is linted by the examples");
  auto& jobs = storage.add<aws::sqs::Queue>("Jobs");
  jobs.suppress("SQS.2", "lint fixture for cross-stack references; dead-letter queues are linted by the examples");
  storage.add<Output>("DataBucketName", {.value = data.bucket_name().value(),
                                         .description = "the data bucket",
                                         .export_name = data_bucket_export});

  auto& compute = app.add<Stack>("Compute", {.description = "drdb lint: a stack reading Storage", .region = "us-east-1"});
  auto& worker = compute.add<aws::iam::Role>(
      "Worker", {.assumed_by = {aws::iam::Principal::service("lambda.amazonaws.com")}, .description = "reads the data bucket"});
  data.grant_read(worker);
  jobs.grant_send(worker);
  parameter(compute, "DataBucketArn", data.arn());
  parameter(compute, "SharedBucketName", import_value(data_bucket_export));

  auto& monitoring = app.add<Stack>("Monitoring", {.description = "drdb lint: a stack after Compute", .region = "us-east-1"});
  auto& alerts = monitoring.add<aws::sqs::Queue>("Alerts");
  alerts.suppress("SQS.2", "lint fixture for cross-stack references; dead-letter queues are linted by the examples");
  monitoring.add_dependency(compute);
  parameter(monitoring, "JobsQueueUrl", jobs.queue_url());
}

}  // namespace

int main(int argc, char** argv) { return drdb::run(argc, argv, build); }
