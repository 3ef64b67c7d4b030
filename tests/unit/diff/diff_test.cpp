#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "drdb/core/error.hpp"
#include "drdb/diff/diff.hpp"

using namespace drdb;
using diff::Change;
using diff::Replacement;

namespace {

const char* vpc_template = R"({"Resources": {
  "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16", "Tags": [{"Key": "team", "Value": "data"}]}},
  "Logs": {"Type": "AWS::S3::Bucket", "Properties": {}}},
 "Outputs": {"VpcId": {"Value": {"Ref": "Vpc"}}}})";

std::string with(std::string text, const std::string& from, const std::string& to) {
  text.replace(text.find(from), from.size(), to);
  return text;
}

const diff::ResourceDiff& only_resource(const diff::Diff& d) {
  REQUIRE(d.files.size() == 1);
  REQUIRE(d.files[0].resources.size() == 1);
  return d.files[0].resources[0];
}

}  // namespace

TEST_CASE("diff: identical outputs have no differences") {
  const diff::Files files{{"cloudformation/S.template.json", vpc_template}, {"assets.json", "{}"}};
  const auto d = diff::compare(files, files);
  CHECK(d.empty());
  CHECK(diff::to_text(d) == "no differences\n");
  CHECK(nlohmann::json::parse(diff::to_json(d))["equal"] == true);
}

TEST_CASE("diff: a changed create-only property replaces a CloudFormation resource") {
  const auto d = diff::compare({{"S.template.json", vpc_template}},
                               {{"S.template.json", with(vpc_template, "10.0.0.0/16", "10.1.0.0/16")}});
  const auto& r = only_resource(d);
  CHECK(r.id == "Vpc");
  CHECK(r.change == Change::Modified);
  CHECK(r.replacement == Replacement::Yes);
  CHECK(r.replaced_by == std::vector<std::string>{"CidrBlock"});
  REQUIRE(r.values.size() == 1);
  CHECK(r.values[0].path == "Properties.CidrBlock");
  CHECK(r.values[0].before == "\"10.0.0.0/16\"");
  CHECK(r.values[0].after == "\"10.1.0.0/16\"");
  CHECK(diff::to_text(d).find("~ Vpc (AWS::EC2::VPC) REPLACED: CidrBlock changed") != std::string::npos);
}

TEST_CASE("diff: tags change in place, with the path into the list") {
  const auto d = diff::compare({{"S.template.json", vpc_template}},
                               {{"S.template.json", with(vpc_template, "\"data\"", "\"platform\"")}});
  const auto& r = only_resource(d);
  CHECK(r.replacement == Replacement::No);
  REQUIRE(r.values.size() == 1);
  CHECK(r.values[0].path == "Properties.Tags[0].Value");
}

TEST_CASE("diff: a changed type replaces the resource") {
  const auto d = diff::compare({{"S.template.json", vpc_template}},
                               {{"S.template.json", with(vpc_template, "AWS::S3::Bucket", "AWS::SQS::Queue")}});
  const auto& r = only_resource(d);
  CHECK(r.id == "Logs");
  CHECK(r.type == "AWS::SQS::Queue");
  CHECK(r.replaced_by == std::vector<std::string>{"Type"});
}

TEST_CASE("diff: resources added and removed, and outputs by path") {
  const std::string after = with(with(vpc_template, "\"Logs\"", "\"Archive\""), "{\"Ref\": \"Vpc\"}", "\"vpc-1\"");
  const auto d = diff::compare({{"S.template.json", vpc_template}}, {{"S.template.json", after}});
  REQUIRE(d.files.size() == 1);
  const auto& f = d.files[0];
  REQUIRE(f.resources.size() == 2);
  CHECK(f.resources[0].id == "Archive");
  CHECK(f.resources[0].change == Change::Added);
  CHECK(f.resources[1].id == "Logs");
  CHECK(f.resources[1].change == Change::Removed);
  REQUIRE(f.sections.size() == 1);
  CHECK(f.sections[0].path == "Outputs.VpcId.Value");
  const auto text = diff::to_text(d);
  CHECK(text.find("  + Archive (AWS::S3::Bucket)\n") != std::string::npos);
  CHECK(text.find("  - Logs (AWS::S3::Bucket) — DATA-LOSS RISK: the old resource is deleted with its data\n") != std::string::npos);
  CHECK(text.find("1 file differs; resources: 1 added, 1 removed, 0 modified (0 replaced)") != std::string::npos);
}

TEST_CASE("diff: a new stack file lists its resources as added") {
  const auto d = diff::compare({}, {{"S.template.json", vpc_template}});
  REQUIRE(d.files.size() == 1);
  CHECK(d.files[0].change == Change::Added);
  CHECK(d.files[0].resources.size() == 2);
}

TEST_CASE("diff: Terraform resources by type and name; replacement through the CloudFormation mapping") {
  const char* before = R"({"resource": {"aws_vpc": {"Vpc": {"cidr_block": "10.0.0.0/16"}}}})";
  const char* after = R"({"resource": {"aws_vpc": {"Vpc": {"cidr_block": "10.2.0.0/16"}}, "aws_sqs_queue": {"Q": {}}}})";
  const auto d = diff::compare({{"terraform/S/main.tf.json", before}}, {{"terraform/S/main.tf.json", after}});
  REQUIRE(d.files.size() == 1);
  const auto& rs = d.files[0].resources;
  REQUIRE(rs.size() == 2);
  CHECK(rs[0].id == "aws_sqs_queue.Q");
  CHECK(rs[0].change == Change::Added);
  CHECK(rs[1].id == "aws_vpc.Vpc");
  CHECK(rs[1].replacement == Replacement::Yes);
  CHECK(rs[1].replaced_by == std::vector<std::string>{"cidr_block"});
  CHECK(rs[1].values[0].path == "cidr_block");
}

TEST_CASE("diff: YAML templates are read with their short forms, and said once when the JSON twin says the same") {
  const std::string yaml_a = "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Ref Name\n";
  const std::string yaml_b = "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !GetAtt Other.Name\n";
  const auto d = diff::compare({{"S.template.yaml", yaml_a}}, {{"S.template.yaml", yaml_b}});
  const auto& r = only_resource(d);
  REQUIRE(r.values.size() == 2);
  CHECK(r.values[0].path == "Properties.BucketName.Fn::GetAtt");
  CHECK(r.values[0].after == R"(["Other","Name"])");
  CHECK(r.values[1].path == "Properties.BucketName.Ref");
  CHECK(r.replacement == Replacement::Yes);  // BucketName is create-only

  // A YAML-only change is a change of its own, with its paths.
  const auto yaml_only = diff::compare({{"S.template.yaml", yaml_a}, {"S.template.json", vpc_template}},
                                       {{"S.template.yaml", yaml_b}, {"S.template.json", vpc_template}});
  REQUIRE(yaml_only.files.size() == 1);
  CHECK(yaml_only.files[0].file == "S.template.yaml");
  CHECK(yaml_only.files[0].same_as.empty());
  CHECK(yaml_only.files[0].resources.size() == 1);

  // The same change in both: the YAML file points at its twin and is not counted twice.
  const std::string json_a = R"({"Resources": {"B": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": {"Ref": "Name"}}}}})";
  const std::string json_b = R"({"Resources": {"B": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": {"Fn::GetAtt": ["Other", "Name"]}}}}})";
  const auto both = diff::compare({{"S.template.yaml", yaml_a}, {"S.template.json", json_a}},
                                  {{"S.template.yaml", yaml_b}, {"S.template.json", json_b}});
  REQUIRE(both.files.size() == 2);
  CHECK(both.files[1].file == "S.template.yaml");
  CHECK(both.files[1].same_as == "S.template.json");
  CHECK(both.files[1].resources.empty());
  CHECK(diff::to_text(both).find("~ S.template.yaml: the same changes as S.template.json\n") != std::string::npos);
  CHECK(diff::to_text(both).find("2 files differ; resources: 0 added, 0 removed, 1 modified (1 replaced)") != std::string::npos);
}

TEST_CASE("diff: YAML plain scalars keep their types, quoted ones stay strings") {
  const auto d = diff::compare({{"S.template.yaml", "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      DelaySeconds: 5\n      FifoQueue: true\n"}},
                               {{"S.template.yaml", "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      DelaySeconds: '5'\n      FifoQueue: true\n"}});
  const auto& r = only_resource(d);
  REQUIRE(r.values.size() == 1);
  CHECK(r.values[0].before == "5");
  CHECK(r.values[0].after == "\"5\"");
}

TEST_CASE("diff: other JSON files by path, anything else by content hash") {
  const auto d = diff::compare({{"assets.json", "{\"a\":1}"}, {"assets/x.zip", "PK"}, {"assets/y.zip", "PK1"}},
                               {{"assets.json", "{\"a\":2}"}, {"assets/y.zip", "PK2"}});
  REQUIRE(d.files.size() == 3);
  CHECK(d.files[0].file == "assets.json");
  CHECK(d.files[0].change == Change::Modified);
  REQUIRE(d.files[0].sections.size() == 1);
  CHECK(d.files[0].sections[0].path == "a");
  CHECK(d.files[1].change == Change::Removed);
  REQUIRE(d.files[2].sections.size() == 1);
  CHECK(d.files[2].sections[0].path == "sha256");
  // Whitespace alone is no difference in a JSON file.
  CHECK(diff::compare({{"manifest.json", "{\"a\": 1}"}}, {{"manifest.json", "{\"a\":1}\n"}}).empty());
}

TEST_CASE("diff: a JSON document held in a string (a state machine's definition) is compared inside") {
  const std::string before = R"({"Resources": {"Flow": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {
    "DefinitionString": {"Fn::Sub": "{\"StartAt\":\"Run\",\"States\":{\"Run\":{\"Type\":\"Wait\",\"Seconds\":60,\"End\":true}}}"},
    "StateMachineName": "not json"}}}})";
  const auto d = diff::compare({{"S.template.json", before}}, {{"S.template.json", with(before, "60", "30")}});
  const auto& r = only_resource(d);
  REQUIRE(r.values.size() == 1);
  CHECK(r.values[0].path == "Properties.DefinitionString.Fn::Sub(json).States.Run.Seconds");
  CHECK(r.values[0].before == "60");
  CHECK(r.values[0].after == "30");
  CHECK(r.replacement == Replacement::No);
  const auto plain = diff::compare({{"S.template.json", before}}, {{"S.template.json", with(before, "not json", "{broken")}});
  CHECK(only_resource(plain).values[0].path == "Properties.StateMachineName");
}

TEST_CASE("diff: what tools keep beside the output is not read as output") {
  const auto dir = std::filesystem::temp_directory_path() / "drdb-diff-tool-files";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "terraform/S/.terraform/providers");
  const auto write = [&](const std::string& name) { std::ofstream(dir / name) << "x"; };
  for (const auto* name : {"manifest.json", "terraform/S/main.tf.json", "terraform/S/.terraform.lock.hcl", "terraform/S/terraform.tfstate",
                           "terraform/S/terraform.tfstate.backup", "terraform/S/override.tf.json", "terraform/S/mock_override.tf.json",
                           "terraform/S/.terraform/providers/p", "terraform/S/plan.tfplan"})
    write(name);
  const auto files = diff::read_directory(dir);
  std::vector<std::string> names;
  for (const auto& [name, content] : files) names.push_back(name);
  CHECK(names == std::vector<std::string>{"manifest.json", "terraform/S/main.tf.json"});
  std::filesystem::remove_all(dir);
}

TEST_CASE("diff: a file that does not parse differs, with what is wrong, and fails every gate") {
  const auto d = diff::compare({{"S.template.json", "{"}}, {{"S.template.json", "{}"}});
  REQUIRE(d.files.size() == 1);
  CHECK(d.files[0].error.rfind("cannot be read as JSON: ", 0) == 0);
  CHECK(diff::fails(d, diff::FailOn::DataLoss));
  CHECK(diff::to_text(d).find("! S.template.json: does not parse, so it differs: ") != std::string::npos);
  CHECK(nlohmann::json::parse(diff::to_json(d))["equal"] == false);

  // A YAML template with garbage appended, though its JSON twin is fine and unchanged.
  const std::string yaml = "Resources:\n  B:\n    Type: AWS::S3::Bucket\n";
  const auto y = diff::compare({{"S.template.yaml", yaml + "garbage: [\n"}}, {{"S.template.yaml", yaml}});
  REQUIRE(y.files.size() == 1);
  CHECK(y.files[0].error.find("cannot be read as YAML") != std::string::npos);
  // The same unreadable bytes on both sides are no more readable.
  CHECK(!diff::compare({{"S.template.yaml", yaml + "garbage: [\n"}}, {{"S.template.yaml", yaml + "garbage: [\n"}}).empty());
}

TEST_CASE("diff: JSON output for machines") {
  const auto d = diff::compare({{"S.template.json", vpc_template}},
                               {{"S.template.json", with(vpc_template, "10.0.0.0/16", "10.1.0.0/16")}});
  const auto j = nlohmann::json::parse(diff::to_json(d));
  CHECK(j["equal"] == false);
  CHECK(j["files"][0]["resources"][0]["replacement"] == "yes");
  CHECK(j["files"][0]["resources"][0]["values"][0]["after"] == "10.1.0.0/16");
}

TEST_CASE("diff: committed golden directories compare equal to themselves and differ from each other") {
  const auto network = diff::read_directory(DRDB_SOURCE_DIR "/tests/golden/network");
  const auto foundation = diff::read_directory(DRDB_SOURCE_DIR "/tests/golden/foundation");
  REQUIRE(!network.empty());
  CHECK(diff::compare(network, network).empty());
  const auto d = diff::compare(network, foundation);
  CHECK(!d.empty());
  CHECK(diff::read_directory("/nonexistent/drdb").empty());
}

#include "diff/documents.hpp"

TEST_CASE("diff: a YAML template reads back as its JSON twin (every bundled example)") {
  for (const char* example : {"foundation", "network"}) {
    const auto files = diff::read_directory(std::string(DRDB_SOURCE_DIR "/tests/golden/") + example);
    for (const auto& file : files) {
      const std::string& name = file.first;  // not a structured binding: CAPTURE takes it, which clang 14 refuses
      const std::string& content = file.second;
      if (diff::detail::kind_of(name) != diff::detail::Kind::CfnYaml) continue;
      const auto json_name = name.substr(0, name.size() - 5) + ".json";
      CAPTURE(name);
      CHECK(diff::detail::parse(name, content, diff::detail::Kind::CfnYaml) ==
            diff::detail::parse(json_name, files.at(json_name), diff::detail::Kind::CfnJson));
    }
  }
}
