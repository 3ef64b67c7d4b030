// Retained resources that leave a Terraform module are forgotten, not destroyed: `removed` blocks
// computed from the module an earlier synth wrote.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "render/tf/removed_blocks.hpp"

using nlohmann::json;
using drdb::render::tf::keep_retained;
using drdb::render::tf::removed_blocks;
using drdb::render::tf::retained_addresses;

namespace {

json retained(json body = json::object()) {
  body["lifecycle"] = {{"prevent_destroy", true}};
  return body;
}

json forget(const char* address) { return {{"from", address}, {"lifecycle", {{"destroy", false}}}}; }

// A module as drdb renders it: a retained table, a retained bucket with the parts the provider
// splits off it, and a queue, which is not retained.
json module() {
  return {{"terraform", {{"required_version", ">= 1.5.0"}}},
          {"resource",
           {{"aws_dynamodb_table", {{"RunLog", retained({{"name", "runs"}})}}},
            {"aws_s3_bucket", {{"Data", retained()}}},
            {"aws_s3_bucket_versioning", {{"Data", {{"bucket", "${aws_s3_bucket.Data.bucket}"}}}}},
            {"aws_sqs_queue", {{"Jobs", json::object()}}}}}};
}

json without(json m, const char* type) {
  m["resource"].erase(type);
  return m;
}

}  // namespace

TEST_CASE("removed blocks: the retained addresses are the prevent_destroy resources and their parts") {
  CHECK(retained_addresses(module()) ==
        std::set<std::string>{"aws_dynamodb_table.RunLog", "aws_s3_bucket.Data", "aws_s3_bucket_versioning.Data"});
  CHECK(retained_addresses(json::object()).empty());
  CHECK(retained_addresses(json::array()).empty());
}

TEST_CASE("removed blocks: a retained resource that leaves the module is forgotten") {
  CHECK(removed_blocks(module(), without(module(), "aws_dynamodb_table")) == json::array({forget("aws_dynamodb_table.RunLog")}));
  // A bucket goes with its versioning, which CloudFormation holds in the bucket itself.
  auto no_bucket = without(without(module(), "aws_s3_bucket"), "aws_s3_bucket_versioning");
  CHECK(removed_blocks(module(), no_bucket) ==
        json::array({forget("aws_s3_bucket.Data"), forget("aws_s3_bucket_versioning.Data")}));
}

TEST_CASE("removed blocks: a resource that is not retained is destroyed as before") {
  CHECK(removed_blocks(module(), without(module(), "aws_sqs_queue")).empty());
  // Versioning turned off on a bucket that stays: its own resource goes, as asked.
  CHECK(removed_blocks(module(), without(module(), "aws_s3_bucket_versioning")).empty());
  auto m = without(module(), "aws_sqs_queue");
  CHECK_FALSE(keep_retained(m, module()));
  CHECK(m == without(module(), "aws_sqs_queue"));  // no block, no newer Terraform required
}

TEST_CASE("removed blocks: earlier blocks are carried until their resource is back") {
  auto earlier = without(module(), "aws_dynamodb_table");
  REQUIRE(keep_retained(earlier, module()));
  CHECK(earlier["removed"] == json::array({forget("aws_dynamodb_table.RunLog")}));
  CHECK(earlier["terraform"]["required_version"] == ">= 1.7.0");
  // Synthesized again before an apply: the block stays, though the earlier module no longer has the table.
  CHECK(removed_blocks(earlier, without(module(), "aws_dynamodb_table")) == json::array({forget("aws_dynamodb_table.RunLog")}));
  // The table back in the model: the block goes.
  CHECK(removed_blocks(earlier, module()).empty());
  // A block written as one object rather than a list, or one that destroys, as Terraform reads them.
  earlier["removed"] = forget("aws_dynamodb_table.RunLog");
  CHECK(removed_blocks(earlier, json::object()).size() == 3);
  earlier["removed"] = {{"from", "aws_dynamodb_table.RunLog"}, {"lifecycle", {{"destroy", true}}}};
  CHECK(removed_blocks(earlier, module()).empty());
  CHECK(removed_blocks(earlier, without(module(), "aws_dynamodb_table")).size() == 0);
}
