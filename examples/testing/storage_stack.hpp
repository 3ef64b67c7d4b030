// The stack under test: what a user's own code would define (here, a data bucket with its access
// log bucket and a role that reads it).
#pragma once

#include <drdb/drdb.hpp>

namespace storage {

inline drdb::Stack& build(drdb::App& app) {
  using namespace drdb;
  auto& stack = app.add<Stack>("Storage", {.region = "eu-west-1"});
  auto& logs = stack.add<aws::s3::Bucket>("AccessLogs");
  auto& data = stack.add<aws::s3::Bucket>("Data", {.versioned = true, .access_logs_bucket = &logs, .access_logs_prefix = "data/"});
  auto& reader = stack.add<aws::iam::Role>("Reader", {.assumed_by = {aws::iam::Principal::service("ec2.amazonaws.com")}});
  data.grant_read(reader, "reports/*");
  stack.add<Output>("DataBucket", {.value = data.bucket_name().value()});
  return stack;
}

}  // namespace storage
