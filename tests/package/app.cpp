// A user's app: one stack with a bucket and an output, and drdb's command line.
#include <drdb/drdb.hpp>

int main(int argc, char** argv) {
  drdb::App app;
  auto& stack = app.add<drdb::Stack>("Storage", {.description = "package test", .region = "eu-west-1"});
  auto& bucket = stack.add<drdb::aws::s3::Bucket>("Data", {.versioned = true});
  stack.add<drdb::Output>("BucketArn", {.value = bucket.arn().value(), .description = "the bucket", .export_name = ""});
  return drdb::run(app, argc, argv);
}
