// DynamoDB tables: secure defaults, keys and indexes in both targets, grants, and validation.
#include <doctest/doctest.h>

#include "unit/aws/iam/rendered.hpp"

using namespace drdb;
using namespace drdb::aws::dynamodb;
using drdb::test::contains;
using nlohmann::json;

namespace {

// The run log of the pipeline: one item per correlation id and data product, expiring by TimeToExist.
Table& job_status(Stack& s, Table::Props extra = {}) {
  extra.partition_key = {"Correlation_Id", AttributeType::String};
  extra.sort_key = Attribute{"DataProduct", AttributeType::String};
  extra.time_to_live_attribute = "TimeToExist";
  return s.add<Table>("JobStatus", std::move(extra));
}

}  // namespace

TEST_CASE("a table bills on demand, recovers to a point in time, uses KMS and is retained by default") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& table = job_status(s);
  s.add<Output>("TableName", {.value = table.table_name().value()});
  s.add<Output>("TableArn", {.value = table.table_arn().value()});
  const auto r = test::render(app);
  const auto& entry = r.cfn["Resources"]["JobStatus"];
  CHECK(entry["Type"] == "AWS::DynamoDB::Table");
  CHECK(entry["DeletionPolicy"] == "Retain");
  CHECK(entry["Properties"] == json::parse(R"({
    "AttributeDefinitions": [{"AttributeName": "Correlation_Id", "AttributeType": "S"},
                             {"AttributeName": "DataProduct", "AttributeType": "S"}],
    "BillingMode": "PAY_PER_REQUEST",
    "DeletionProtectionEnabled": true,
    "KeySchema": [{"AttributeName": "Correlation_Id", "KeyType": "HASH"}, {"AttributeName": "DataProduct", "KeyType": "RANGE"}],
    "PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": true},
    "SSESpecification": {"SSEEnabled": true, "SSEType": "KMS"},
    "TimeToLiveSpecification": {"AttributeName": "TimeToExist", "Enabled": true}})"));
  CHECK(r.cfn["Outputs"]["TableName"]["Value"] == json::parse(R"({"Ref": "JobStatus"})"));
  CHECK(r.cfn["Outputs"]["TableArn"]["Value"] == json::parse(R"({"Fn::GetAtt": ["JobStatus", "Arn"]})"));

  const auto& body = r.body("aws_dynamodb_table", "JobStatus");
  CHECK(body["name"] == "S-JobStatus");
  CHECK(body["hash_key"] == "Correlation_Id");
  CHECK(body["range_key"] == "DataProduct");
  CHECK(body["billing_mode"] == "PAY_PER_REQUEST");
  CHECK(body["attribute"] == json::parse(R"([{"name": "Correlation_Id", "type": "S"}, {"name": "DataProduct", "type": "S"}])"));
  CHECK(body["point_in_time_recovery"][0]["enabled"] == true);
  CHECK(body["server_side_encryption"][0]["enabled"] == true);
  CHECK(body["ttl"][0] == json::parse(R"({"attribute_name": "TimeToExist", "enabled": true})"));
  CHECK(body["lifecycle"]["prevent_destroy"] == true);
  CHECK(body["deletion_protection_enabled"] == true);
  CHECK(r.tf["output"]["TableArn"]["value"] == "${aws_dynamodb_table.JobStatus.arn}");
}

TEST_CASE("deletion protection follows retention unless it is set") {
  App app;
  auto& s = app.add<Stack>("S");
  s.add<Table>("Kept", {.partition_key = {"Id"}});
  s.add<Table>("Scratch", {.partition_key = {"Id"}}).set_removal_policy(RemovalPolicy::Destroy);
  s.add<Table>("Unprotected", {.partition_key = {"Id"}, .deletion_protection = false});
  s.add<Table>("Protected", {.partition_key = {"Id"}, .deletion_protection = true}).set_removal_policy(RemovalPolicy::Destroy);
  const auto r = test::render(app);
  for (const std::string id : {"Kept", "Scratch", "Unprotected", "Protected"}) {
    const bool on = id == "Kept" || id == "Protected";
    CHECK_MESSAGE(r.props(id)["DeletionProtectionEnabled"] == on, id);
    CHECK_MESSAGE(r.body("aws_dynamodb_table", id)["deletion_protection_enabled"] == on, id);
  }
}

TEST_CASE("provisioned capacity, a customer key, a stream and global secondary indexes") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& key = s.add<aws::kms::Key>("Key");
  auto& table = s.add<Table>(
      "Runs", {.table_name = "drdb-runs",
               .partition_key = {"RunId"},
               .billing_mode = BillingMode::Provisioned,
               .read_capacity = 5,
               .write_capacity = 2,
               .kms_key = &key,
               .global_secondary_indexes = {{.index_name = "ByStatus",
                                             .partition_key = {"Status"},
                                             .sort_key = Attribute{"StartedAt", AttributeType::Number},
                                             .projection = ProjectionType::Include,
                                             .non_key_attributes = {"ClusterId"},
                                             .read_capacity = 1,
                                             .write_capacity = 1}},
               .stream = StreamViewType::NewAndOldImages,
               .deletion_protection = true});
  s.add<Output>("Stream", {.value = table.stream_arn().value()});
  const auto r = test::render(app);
  const auto& p = r.props("Runs");
  CHECK(p["TableName"] == "drdb-runs");
  CHECK(p["BillingMode"] == "PROVISIONED");
  CHECK(p["ProvisionedThroughput"] == json::parse(R"({"ReadCapacityUnits": 5, "WriteCapacityUnits": 2})"));
  CHECK(p["SSESpecification"]["KMSMasterKeyId"] == json::parse(R"({"Fn::GetAtt": ["Key", "Arn"]})"));
  CHECK(p["StreamSpecification"]["StreamViewType"] == "NEW_AND_OLD_IMAGES");
  CHECK(p["DeletionProtectionEnabled"] == true);
  CHECK(p["AttributeDefinitions"].size() == 3);
  CHECK(p["AttributeDefinitions"][1] == json::parse(R"({"AttributeName": "StartedAt", "AttributeType": "N"})"));
  CHECK(p["GlobalSecondaryIndexes"][0] == json::parse(R"({"IndexName": "ByStatus",
    "KeySchema": [{"AttributeName": "Status", "KeyType": "HASH"}, {"AttributeName": "StartedAt", "KeyType": "RANGE"}],
    "Projection": {"NonKeyAttributes": ["ClusterId"], "ProjectionType": "INCLUDE"},
    "ProvisionedThroughput": {"ReadCapacityUnits": 1, "WriteCapacityUnits": 1}})"));
  CHECK(r.cfn["Outputs"]["Stream"]["Value"] == json::parse(R"({"Fn::GetAtt": ["Runs", "StreamArn"]})"));

  const auto& body = r.body("aws_dynamodb_table", "Runs");
  CHECK(body["name"] == "drdb-runs");
  CHECK(body["read_capacity"] == 5);
  CHECK(body["stream_enabled"] == true);
  CHECK(body["stream_view_type"] == "NEW_AND_OLD_IMAGES");
  CHECK(body["server_side_encryption"][0]["kms_key_arn"] == "${aws_kms_key.Key.arn}");
  CHECK(body["global_secondary_index"][0]["hash_key"] == "Status");
  CHECK(body["global_secondary_index"][0]["range_key"] == "StartedAt");
  CHECK(body["global_secondary_index"][0]["non_key_attributes"] == json({"ClusterId"}));
  CHECK(body["deletion_protection_enabled"] == true);
  CHECK(r.tf["output"]["Stream"]["value"] == "${aws_dynamodb_table.Runs.stream_arn}");
}

TEST_CASE("table grants cover the table, its indexes and the customer key through DynamoDB") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& key = s.add<aws::kms::Key>("Key");
  auto& table = s.add<Table>("Runs", {.partition_key = {"RunId"},
                                       .kms_key = &key,
                                       .global_secondary_indexes = {{.index_name = "ByStatus", .partition_key = {"Status"}}},
                                       .stream = StreamViewType::KeysOnly});
  auto& plain = job_status(s);
  auto& reader = test::ec2_role(s, "Reader");
  auto& writer = test::ec2_role(s, "Writer");
  auto& both = test::ec2_role(s, "Both");
  auto& streamer = test::ec2_role(s, "Streamer");
  table.grant_read_data(reader);
  table.grant_write_data(writer);
  plain.grant_read_write_data(both);
  table.grant_stream_read(streamer);
  const auto r = test::render(app);
  auto statements = [&](const char* role) { return r.props(role)["Policies"][0]["PolicyDocument"]["Statement"]; };
  const auto via = json::parse(R"({"StringEquals": {"kms:ViaService": {"Fn::Join": ["", ["dynamodb.", {"Ref": "AWS::Region"}, ".", {"Ref": "AWS::URLSuffix"}]]}}})");
  const auto read = statements("Reader");
  REQUIRE(read.size() == 2);
  CHECK(read[0]["Action"] == json({"dynamodb:BatchGetItem", "dynamodb:ConditionCheckItem", "dynamodb:DescribeTable",
                                   "dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan"}));
  CHECK(read[0]["Resource"] == json::parse(R"([{"Fn::GetAtt": ["Runs", "Arn"]},
    {"Fn::Join": ["", [{"Fn::GetAtt": ["Runs", "Arn"]}, "/index/*"]]}])"));
  CHECK(read[1] == json{{"Action", "kms:Decrypt"}, {"Effect", "Allow"}, {"Resource", json::parse(R"({"Fn::GetAtt": ["Key", "Arn"]})")}, {"Condition", via}});
  CHECK(statements("Writer")[0]["Action"] == json({"dynamodb:BatchWriteItem", "dynamodb:DeleteItem", "dynamodb:DescribeTable",
                                                   "dynamodb:PutItem", "dynamodb:UpdateItem"}));
  CHECK(statements("Writer")[1]["Action"] == json({"kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"}));
  const auto both_statements = statements("Both");
  REQUIRE(both_statements.size() == 1);  // no customer key, no index
  CHECK(both_statements[0]["Action"].size() == 10);
  CHECK(both_statements[0]["Resource"] == json::parse(R"({"Fn::GetAtt": ["JobStatus", "Arn"]})"));
  const auto stream = statements("Streamer");
  CHECK(stream[0]["Action"] == json({"dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ListStreams"}));
  CHECK(stream[0]["Resource"] == json::parse(R"({"Fn::Join": ["", [{"Fn::GetAtt": ["Runs", "Arn"]}, "/stream/*"]]})"));
  CHECK(stream[1]["Action"] == "kms:Decrypt");
}

TEST_CASE("a table without a stream has no stream ARN") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& table = job_status(s);
  auto& role = test::ec2_role(s, "Role");
  try {
    (void)table.stream_arn();
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::Usage);
    CHECK(contains(e.what(), "[App/S/JobStatus] the table has no stream"));
    CHECK(contains(e.what(), "set .stream"));
  }
  CHECK_THROWS_AS(table.grant_stream_read(role), Error);
}

TEST_CASE("table validation names the table and says how to fix each problem") {
  App app;
  auto& s = app.add<Stack>("S");
  s.add<Table>("NoKey", {});
  s.add<Table>("Bad", {.table_name = "x",
                       .partition_key = {"Id", AttributeType::String},
                       .sort_key = Attribute{"Id", AttributeType::Number},
                       .read_capacity = 5,
                       .time_to_live_attribute = "Id",
                       .global_secondary_indexes = {{.index_name = "ByDate", .partition_key = {"Date", AttributeType::Number},
                                                     .non_key_attributes = {"X"}},
                                                    {.index_name = "ByDate", .partition_key = {"Date", AttributeType::String},
                                                     .projection = ProjectionType::Include, .write_capacity = 3}}});
  s.add<Table>("Provisioned", {.partition_key = {"Id"},
                               .billing_mode = BillingMode::Provisioned,
                               .read_capacity = 0,
                               .time_to_live_attribute = "Expires",
                               .global_secondary_indexes = {{.index_name = "Gsi", .partition_key = {"Expires", AttributeType::String}}}});
  const auto text = test::diagnostics_of(app);
  CHECK(contains(text, "[App/S/NoKey] the partition key has no attribute name — name the key attribute"));
  CHECK(contains(text, "[App/S/Bad] table name \"x\" is not valid — use 3-255 letters"));
  CHECK(contains(text, "[App/S/Bad] the sort key declares \"Id\" as N but the partition key declares it as S"));
  CHECK(contains(text, "[App/S/Bad] \"Id\" is both partition and sort key"));
  CHECK(contains(text, "[App/S/Bad] the table sets a read or write capacity but the table bills on demand — drop the capacities, or set .billing_mode = BillingMode::Provisioned"));
  CHECK(contains(text, "[App/S/Bad] global secondary index \"ByDate\" lists non_key_attributes but does not project INCLUDE"));
  CHECK(contains(text, "[App/S/Bad] global secondary index \"ByDate\" projects INCLUDE but lists no non_key_attributes"));
  CHECK(contains(text, "[App/S/Bad] global secondary index \"ByDate\" partition key declares \"Date\" as S but global secondary index \"ByDate\" partition key declares it as N"));
  CHECK(contains(text, "[App/S/Bad] global secondary index \"ByDate\" sets a read or write capacity but the table bills on demand"));
  CHECK(contains(text, "[App/S/Bad] two global secondary indexes are named \"ByDate\" — give each index its own name"));
  CHECK(contains(text, "[App/S/Bad] the TTL attribute \"Id\" is a key declared as S; DynamoDB expires items by a Number"));
  CHECK(contains(text, "[App/S/Provisioned] the table needs both read_capacity and write_capacity with provisioned billing"));
  CHECK(contains(text, "[App/S/Provisioned] the table read_capacity is 0 — use at least 1 capacity unit"));
  CHECK(contains(text, "[App/S/Provisioned] global secondary index \"Gsi\" needs both read_capacity and write_capacity"));
  CHECK(contains(text, "[App/S/Provisioned] the TTL attribute \"Expires\" is a key declared as S"));
}
