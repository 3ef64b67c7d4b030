#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "drdb/diff/diff.hpp"

using namespace drdb;
using diff::Change;
using diff::OldResource;
using diff::Replacement;
using nlohmann::json;

namespace {

diff::Diff cfn_diff(const json& before, const json& after) {
  return diff::compare({{"cloudformation/S.template.json", before.dump()}}, {{"cloudformation/S.template.json", after.dump()}});
}

const diff::ResourceDiff* resource(const diff::Diff& d, const std::string& id) {
  for (const auto& f : d.files)
    for (const auto& r : f.resources)
      if (r.id == id) return &r;
  return nullptr;
}

json table(json key_schema, const char* replace_policy = nullptr) {
  json t = {{"Type", "AWS::DynamoDB::Table"},
            {"Properties",
             {{"BillingMode", "PAY_PER_REQUEST"},
              {"AttributeDefinitions", {{{"AttributeName", "pk"}, {"AttributeType", "S"}}}},
              {"KeySchema", std::move(key_schema)},
              {"Tags", {{{"Key", "team"}, {"Value", "data"}}}}}}};
  if (replace_policy != nullptr) t["UpdateReplacePolicy"] = t["DeletionPolicy"] = replace_policy;
  return t;
}

json network(const char* cidr) {
  return {{"Resources",
           {{"Vpc", {{"Type", "AWS::EC2::VPC"}, {"Properties", {{"CidrBlock", cidr}}}}},
            {"Group", {{"Type", "AWS::EC2::SecurityGroup"}, {"Properties", {{"GroupDescription", "g"}, {"VpcId", {{"Ref", "Vpc"}}}}}}},
            {"FromSelf",
             {{"Type", "AWS::EC2::SecurityGroupIngress"},
              {"Properties",
               {{"GroupId", {{"Fn::GetAtt", {"Group", "GroupId"}}}},
                {"SourceSecurityGroupId", {{"Fn::GetAtt", {"Group", "GroupId"}}}},
                {"IpProtocol", "tcp"},
                {"FromPort", 443},
                {"ToPort", 443}}}}},
            {"Queue", {{"Type", "AWS::SQS::Queue"}, {"Properties", {{"Tags", {{{"Key", "vpc"}, {"Value", {{"Ref", "Vpc"}}}}}}}}}}}},
          {"Outputs", {{"VpcId", {{"Value", {{"Ref", "Vpc"}}}, {"Export", {{"Name", "net-vpc"}}}}}}}};
}

}  // namespace

TEST_CASE("diff impact: a key-schema change replaces the table and deletes the old one with its data") {
  const json key = {{{"AttributeName", "pk"}, {"KeyType", "HASH"}}};
  json with_range = key;
  with_range.push_back({{"AttributeName", "sk"}, {"KeyType", "RANGE"}});
  const auto d = cfn_diff({{"Resources", {{"Runs", table(key)}}}}, {{"Resources", {{"Runs", table(with_range)}}}});
  const auto* r = resource(d, "Runs");
  REQUIRE(r != nullptr);
  CHECK(r->replacement == Replacement::Yes);
  CHECK(r->replaced_by == std::vector<std::string>{"KeySchema"});
  CHECK(r->old_resource == OldResource::Deleted);
  CHECK(r->data_loss);
  CHECK(diff::fails(d, diff::FailOn::DataLoss));
  CHECK(diff::fails(d, diff::FailOn::Replacement));
  CHECK(diff::to_text(d).find("REPLACED: KeySchema changed — DATA-LOSS RISK: a new, empty resource takes its place; the "
                               "old resource is deleted with its data") != std::string::npos);

  // Retained, the old table and its data are orphaned and the app writes to a new, empty one: still a risk.
  const auto kept = cfn_diff({{"Resources", {{"Runs", table(key, "Retain")}}}}, {{"Resources", {{"Runs", table(with_range, "Retain")}}}});
  CHECK(resource(kept, "Runs")->old_resource == OldResource::Retained);
  CHECK(resource(kept, "Runs")->data_loss);
  CHECK(diff::fails(kept, diff::FailOn::DataLoss));
  CHECK(diff::to_text(kept).find("DATA-LOSS RISK: a new, empty resource takes its place; the old resource is retained, "
                                 "orphaned outside the stack") != std::string::npos);
}

TEST_CASE("diff impact: a tag change updates in place and passes the data-loss and replacement gates") {
  const json key = {{{"AttributeName", "pk"}, {"KeyType", "HASH"}}};
  json after = {{"Resources", {{"Runs", table(key)}}}};
  after["Resources"]["Runs"]["Properties"]["Tags"][0]["Value"] = "platform";
  const auto d = cfn_diff({{"Resources", {{"Runs", table(key)}}}}, after);
  CHECK(resource(d, "Runs")->replacement == Replacement::No);
  CHECK(!diff::fails(d, diff::FailOn::DataLoss));
  CHECK(!diff::fails(d, diff::FailOn::Replacement));
  CHECK(diff::fails(d, diff::FailOn::Any));
}

TEST_CASE("diff impact: a replacement carries through create-only references, not through updatable ones") {
  const auto d = cfn_diff(network("10.0.0.0/16"), network("10.1.0.0/16"));
  CHECK(resource(d, "Vpc")->replacement == Replacement::Yes);
  const auto* group = resource(d, "Group");
  REQUIRE(group != nullptr);
  CHECK(group->replacement == Replacement::Yes);
  CHECK(group->values.empty());
  CHECK(group->caused_by == std::vector<diff::Cause>{{"Vpc", "VpcId"}});
  const auto* rule = resource(d, "FromSelf");  // through the group, two steps from the VPC
  REQUIRE(rule != nullptr);
  CHECK(rule->replacement == Replacement::Yes);
  CHECK(rule->caused_by.front().resource == "Group");
  CHECK(resource(d, "Queue") == nullptr);  // its tag takes the new id in place
  CHECK(diff::to_text(d).find("~ Group (AWS::EC2::SecurityGroup) REPLACED: VpcId refers to Vpc, which is replaced") !=
        std::string::npos);
}

TEST_CASE("diff impact: a replacement carries through an export into the stacks that import it") {
  const json importer = {{"Resources",
                          {{"Group",
                            {{"Type", "AWS::EC2::SecurityGroup"},
                             {"Properties", {{"GroupDescription", "g"}, {"VpcId", {{"Fn::ImportValue", "net-vpc"}}}}}}}}}};
  const auto d = diff::compare(
      {{"cloudformation/Net.template.json", network("10.0.0.0/16").dump()}, {"cloudformation/App.template.json", importer.dump()}},
      {{"cloudformation/Net.template.json", network("10.1.0.0/16").dump()}, {"cloudformation/App.template.json", importer.dump()}});
  REQUIRE(d.files.size() == 2);
  CHECK(d.files[0].file == "cloudformation/App.template.json");
  REQUIRE(d.files[0].resources.size() == 1);
  CHECK(d.files[0].resources[0].replacement == Replacement::Yes);
  CHECK(d.files[0].resources[0].caused_by == std::vector<diff::Cause>{{"Fn::ImportValue net-vpc", "VpcId"}});
}

TEST_CASE("diff impact: a renamed bucket replaces its bucket policy") {
  const auto doc = [](const char* name) {
    return json{{"Resources",
                 {{"Data", {{"Type", "AWS::S3::Bucket"}, {"Properties", {{"BucketName", name}}}}},
                  {"DataPolicy",
                   {{"Type", "AWS::S3::BucketPolicy"},
                    {"Properties",
                     {{"Bucket", {{"Ref", "Data"}}},
                      {"PolicyDocument",
                       {{"Statement",
                         {{{"Effect", "Deny"}, {"Action", "s3:*"}, {"Principal", "*"},
                           {"Resource", {{"Fn::Sub", "${Data.Arn}/*"}}}}}}}}}}}}}}};
  };
  const auto d = cfn_diff(doc("a"), doc("b"));
  CHECK(resource(d, "Data")->data_loss);
  CHECK(resource(d, "DataPolicy")->replacement == Replacement::Yes);
  CHECK(resource(d, "DataPolicy")->caused_by == std::vector<diff::Cause>{{"Data", "Bucket"}});
  CHECK(!resource(d, "DataPolicy")->data_loss);  // a policy holds no data
}

TEST_CASE("diff impact: nested update behaviour of an EMR cluster's instance groups") {
  const auto cluster = [](const char* type, int count) {
    return json{{"Resources",
                 {{"Spark",
                   {{"Type", "AWS::EMR::Cluster"},
                    {"Properties",
                     {{"Instances", {{"CoreInstanceGroup", {{"InstanceType", type}, {"InstanceCount", count}}}}}}}}}}}};
  };
  CHECK(resource(cfn_diff(cluster("m5.xlarge", 2), cluster("r5.xlarge", 2)), "Spark")->replacement == Replacement::Yes);
  CHECK(resource(cfn_diff(cluster("m5.xlarge", 2), cluster("m5.xlarge", 4)), "Spark")->replacement == Replacement::No);
}

TEST_CASE("diff impact: removals follow the deletion policy") {
  const json before = {{"Resources",
                        {{"Kept", {{"Type", "AWS::S3::Bucket"}, {"DeletionPolicy", "Retain"}}},
                         {"Gone", {{"Type", "AWS::S3::Bucket"}}},
                         {"Queue", {{"Type", "AWS::SNS::Topic"}}}}}};
  const auto d = cfn_diff(before, {{"Resources", json::object()}});
  CHECK(resource(d, "Kept")->old_resource == OldResource::Retained);
  CHECK(!resource(d, "Kept")->data_loss);
  CHECK(resource(d, "Gone")->data_loss);
  CHECK(!resource(d, "Queue")->data_loss);
  const auto j = json::parse(diff::to_json(d));
  CHECK(j["files"][0]["resources"][1]["id"] == "Kept");
  CHECK(j["files"][0]["resources"][1]["old_resource"] == "retained");
  CHECK(j["summary"][0]["retained"] == 1);
  CHECK(j["summary"][0]["data_loss"] == 1);
  CHECK(j["summary"][0]["stack"] == "S");
}

TEST_CASE("diff impact: Terraform replacements from the same knowledge, carried through interpolations") {
  const auto doc = [](const char* cidr, const char* hash_key, bool protect) {
    json table = {{"name", "runs"}, {"hash_key", hash_key}, {"billing_mode", "PAY_PER_REQUEST"}};
    if (protect) table["lifecycle"] = {{"prevent_destroy", true}};
    return json{{"resource",
                 {{"aws_vpc", {{"Vpc", {{"cidr_block", cidr}}}}},
                  {"aws_security_group", {{"Group", {{"description", "g"}, {"vpc_id", "${aws_vpc.Vpc.id}"}}}}},
                  {"aws_dynamodb_table", {{"Runs", table}}}}}};
  };
  const auto tf = [](const json& before, const json& after) {
    return diff::compare({{"terraform/S/main.tf.json", before.dump()}}, {{"terraform/S/main.tf.json", after.dump()}});
  };
  const auto d = tf(doc("10.0.0.0/16", "pk", false), doc("10.1.0.0/16", "id", false));
  CHECK(resource(d, "aws_vpc.Vpc")->replacement == Replacement::Yes);
  CHECK(resource(d, "aws_security_group.Group")->caused_by == std::vector<diff::Cause>{{"aws_vpc.Vpc", "vpc_id"}});
  CHECK(resource(d, "aws_dynamodb_table.Runs")->replacement == Replacement::Yes);
  CHECK(resource(d, "aws_dynamodb_table.Runs")->data_loss);

  // prevent_destroy makes terraform refuse the replacement, but does not protect a removed block.
  const auto blocked = tf(doc("10.0.0.0/16", "pk", true), doc("10.0.0.0/16", "id", true));
  CHECK(resource(blocked, "aws_dynamodb_table.Runs")->old_resource == OldResource::Blocked);
  CHECK(resource(blocked, "aws_dynamodb_table.Runs")->data_loss);
  json removed = doc("10.0.0.0/16", "pk", true);
  removed["resource"].erase("aws_dynamodb_table");
  CHECK(resource(tf(doc("10.0.0.0/16", "pk", true), removed), "aws_dynamodb_table.Runs")->data_loss);
}

TEST_CASE("diff impact: a Terraform resource forgotten by a removed block is retained, not lost") {
  const json table = {{"name", "runs"}, {"hash_key", "pk"}, {"lifecycle", {{"prevent_destroy", true}}}};
  const json before = {{"resource", {{"aws_dynamodb_table", {{"Runs", table}, {"Jobs", table}}}}}};
  const json after = {{"removed",
                       {{{"from", "aws_dynamodb_table.Runs"}, {"lifecycle", {{"destroy", false}}}},
                        {{"from", "aws_dynamodb_table.Jobs"}, {"lifecycle", {{"destroy", true}}}}}}};
  const auto d = diff::compare({{"terraform/S/main.tf.json", before.dump()}}, {{"terraform/S/main.tf.json", after.dump()}});
  CHECK(resource(d, "aws_dynamodb_table.Runs")->old_resource == OldResource::Retained);
  CHECK_FALSE(resource(d, "aws_dynamodb_table.Runs")->data_loss);
  // A removed block that destroys is a deletion like no block at all.
  CHECK(resource(d, "aws_dynamodb_table.Jobs")->old_resource == OldResource::Deleted);
  CHECK(resource(d, "aws_dynamodb_table.Jobs")->data_loss);
  CHECK(diff::fails(d, diff::FailOn::DataLoss));

  // A log group with skip_destroy is dropped from the state, not deleted, block or no block.
  const json logs = {{"resource", {{"aws_cloudwatch_log_group", {{"Logs", {{"name", "l"}, {"skip_destroy", true}}}}}}}};
  const auto kept = diff::compare({{"terraform/S/main.tf.json", logs.dump()}}, {{"terraform/S/main.tf.json", "{}"}});
  CHECK(resource(kept, "aws_cloudwatch_log_group.Logs")->old_resource == OldResource::Retained);
  CHECK_FALSE(resource(kept, "aws_cloudwatch_log_group.Logs")->data_loss);
}

TEST_CASE("diff impact: IAM statements and security-group rules as tables") {
  const auto role = [](json statements) {
    return json{{"Resources",
                 {{"Role",
                   {{"Type", "AWS::IAM::Role"},
                    {"Properties", {{"Policies", {{{"PolicyName", "p"}, {"PolicyDocument", {{"Statement", statements}}}}}}}}}}}}};
  };
  const json read = {{"Effect", "Allow"}, {"Action", {"s3:GetObject", "s3:ListBucket"}}, {"Resource", {{"Fn::GetAtt", {"Data", "Arn"}}}}};
  const json write = {{"Effect", "Allow"}, {"Action", "s3:PutObject"}, {"Resource", "*"}};
  const auto d = cfn_diff(role(json::array({read})), role(json::array({read, write})));
  REQUIRE(d.files[0].statements.size() == 1);
  CHECK(d.files[0].statements[0].change == Change::Added);
  CHECK(d.files[0].statements[0].actions == "s3:PutObject");
  const auto text = diff::to_text(d);
  CHECK(text.find("  IAM statement changes:\n") != std::string::npos);
  CHECK(text.find("+  Role      Allow   s3:PutObject  *") != std::string::npos);

  const auto sg_before = network("10.0.0.0/16");
  json sg_after = sg_before;
  sg_after["Resources"]["FromSelf"]["Properties"]["FromPort"] = 22;
  sg_after["Resources"]["FromSelf"]["Properties"]["ToPort"] = 22;
  const auto rules = cfn_diff(sg_before, sg_after);
  REQUIRE(rules.files[0].rules.size() == 2);
  CHECK(rules.files[0].rules[0].change == Change::Removed);
  CHECK(rules.files[0].rules[0].ports == "443");
  CHECK(rules.files[0].rules[1].ports == "22");
  CHECK(rules.files[0].rules[1].peer == "${Group.GroupId}");
  CHECK(diff::to_text(rules).find("  Security group rule changes:\n") != std::string::npos);
}

TEST_CASE("diff impact: long values are shown whole, below the change") {
  const std::string long_text(150, 'x');
  const auto d = cfn_diff({{"Resources", {{"Q", {{"Type", "AWS::SQS::Queue"}, {"Properties", {{"QueueName", "a"}}}}}}}},
                          {{"Resources", {{"Q", {{"Type", "AWS::SQS::Queue"}, {"Properties", {{"QueueName", long_text}}}}}}}});
  const auto text = diff::to_text(d);
  CHECK(text.find(long_text) != std::string::npos);
  CHECK(text.find("...") == std::string::npos);
  CHECK(text.find("      ~ Properties.QueueName:\n        before:\n") != std::string::npos);
}

TEST_CASE("diff impact: the summary comes first, per stack and target") {
  const auto d = cfn_diff(network("10.0.0.0/16"), network("10.1.0.0/16"));
  const auto text = diff::to_text(d);
  CHECK(text.rfind("1 file differs; resources: 0 added, 0 removed, 3 modified (3 replaced)\n  S, CloudFormation: ", 0) == 0);
}

TEST_CASE("diff impact: a resource that may be replaced may replace what refers to it, no more") {
  json after = network("10.0.0.0/16");
  after["Resources"]["Vpc"]["Properties"]["NotInTheSchema"] = 1;  // no update data: unknown
  const auto d = cfn_diff(network("10.0.0.0/16"), after);
  CHECK(resource(d, "Vpc")->replacement == Replacement::Unknown);
  CHECK(resource(d, "Group")->replacement == Replacement::Unknown);
  CHECK(resource(d, "Group")->caused_by == std::vector<diff::Cause>{{"Vpc", "VpcId"}});
}
