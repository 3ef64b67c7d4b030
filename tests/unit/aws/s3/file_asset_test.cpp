// File assets: a local file deployed as it is to the assets bucket under its content hash, read by
// what names its URI. CloudFormation gets no resource (the deployment uploads it, assets.json);
// Terraform uploads it with aws_s3_object. Grants are one object; other stacks' roles get a
// managed policy of the asset's stack.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "drdb/spec/spec.hpp"
#include "unit/aws/iam/rendered.hpp"

using namespace drdb;
using drdb::aws::s3::FileAsset;
using drdb::test::contains;
using nlohmann::json;

namespace {

const std::string hive_script = "SELECT 1;\n";

std::string asset_json(const App& app) {
  for (const auto& f : asset_files(app, {}))
    if (f.path == "assets.json") return f.content;
  return "";
}

}  // namespace

TEST_CASE("a file asset is uploaded as it is, under its content hash, in both targets") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& asset = s.add<FileAsset>("Job", {.path = "jobs/append.q", .content = hive_script});
  auto& role = test::ec2_role(s, "Reader");
  asset.grant_read(role);
  s.add<Output>("Uri", {.value = asset.s3_uri().value()});

  CHECK(asset.asset().content() == hive_script);
  CHECK(!asset.asset().archive());
  CHECK(asset.object_key() == "assets/" + asset.asset().sha256() + ".q");
  CHECK(test::diagnostics_of(app) == "");
  const auto r = test::render(app);

  // CloudFormation: the assets bucket parameter, no resource, the object's URI and one-object grant.
  CHECK(r.cfn["Parameters"].contains("AssetsBucket"));
  for (const auto& [id, resource] : r.cfn["Resources"].items()) CHECK(resource["Type"] != "AWS::S3::Object");
  CHECK(r.cfn["Outputs"]["Uri"]["Value"] == json{{"Fn::Join", {"", {"s3://", {{"Ref", "AssetsBucket"}}, "/" + asset.object_key()}}}});
  const auto cfn_policy = r.cfn.dump();
  CHECK(contains(cfn_policy, "\"s3:GetObject\""));
  CHECK(contains(cfn_policy, ":s3:::\",{\"Ref\":\"AssetsBucket\"},\"/" + asset.object_key()));

  // Terraform: the same bucket as a variable, uploaded by the module from the copy beside it.
  CHECK(r.tf["variable"].contains("AssetsBucket"));
  const auto& object = r.body("aws_s3_object", "Job");
  CHECK(object["bucket"] == "${var.AssetsBucket}");
  CHECK(object["key"] == asset.object_key());
  CHECK(object["source"] == "../../" + asset.object_key());
  CHECK(object["source_hash"] == asset.asset().sha256_base64());
  CHECK(!object.contains("server_side_encryption"));  // the bucket's default, as for CloudFormation's upload

  // assets.json: where CloudFormation deployments upload it, and how Terraform does.
  const auto manifest = json::parse(asset_json(app));
  REQUIRE(manifest["assets"].size() == 1);
  const auto& entry = manifest["assets"][0];
  CHECK(entry["file"] == asset.object_key());
  CHECK(entry["source"] == "jobs/append.q");
  CHECK(entry["cloudformation"] == json{{"bucket_parameter", "AssetsBucket"}, {"key", asset.object_key()}});
  CHECK(entry["terraform"]["bucket_variable"] == "AssetsBucket");
  CHECK(entry["terraform"]["key"] == asset.object_key());
}

TEST_CASE("the assets bucket is a Terraform variable only when Terraform uploads to it") {
  App app;
  auto& s = app.add<Stack>("S");
  CHECK(s.assets_bucket(false).props().cloudformation_only);  // Lambda code: CloudFormation reads the bucket
  CHECK(&s.assets_bucket(true) == &s.assets_bucket(false));   // one parameter, widened
  CHECK(!s.assets_bucket(false).props().cloudformation_only);
}

TEST_CASE("a role of another stack reads a file asset through a managed policy of the asset's stack") {
  App app;
  auto& emr = app.add<Stack>("Emr");
  auto& role = test::ec2_role(emr, "ClusterRole");
  auto& jobs = app.add<Stack>("Jobs");
  auto& asset = jobs.add<FileAsset>("Job", {.path = "job.py", .content = "print('hi')\n"});
  asset.grant_read(role);
  asset.grant_read(role);  // once is enough: the same policy
  CHECK(test::diagnostics_of(app) == "");
  const auto r = test::render(app, "Jobs");
  int policies = 0;
  for (const auto& [id, resource] : r.cfn["Resources"].items()) {
    if (resource["Type"] != "AWS::IAM::ManagedPolicy") continue;
    ++policies;
    CHECK(resource["Properties"]["PolicyDocument"]["Statement"].size() == 1);
    CHECK(resource["Properties"]["Roles"].size() == 1);  // imported from Emr
  }
  CHECK(policies == 1);
  const auto emr_rendered = test::render(app, "Emr");
  CHECK(!contains(emr_rendered.cfn.dump(), "s3:GetObject"));  // nothing in the role's own stack
}

TEST_CASE("a file asset that cannot be read is a validation error naming the construct") {
  App app;
  auto& s = app.add<Stack>("S");
  s.add<FileAsset>("Missing", {.path = "no/such/file.py"});
  s.add<FileAsset>("Empty", {.path = "empty.q", .content = ""});
  s.add<FileAsset>("Directory", {.path = "."});
  const auto text = test::diagnostics_of(app);
  CHECK(contains(text, "App/S/Missing"));
  CHECK(contains(text, "no/such/file.py does not exist"));
  CHECK(contains(text, "empty.q is empty"));
  CHECK(contains(text, ". is not a regular file"));
}

TEST_CASE("s3.FileAsset in a spec: relative to the spec, or embedded with it") {
  const std::string text = R"(stacks:
  S:
    resources:
      Reader: {type: iam.Role, assumed_by: [{service: ec2.amazonaws.com}]}
      Job: {type: s3.FileAsset, path: jobs/append.q, grants: [{role: Reader, access: read}]}
    outputs:
      Uri: {value: {ref: Job, attribute: s3_uri}}
)";
  App embedded;
  spec::load(text, "specs/app.yaml", embedded, {{"jobs/append.q", hive_script}});
  const auto* job = dynamic_cast<const FileAsset*>(embedded.find_child("S")->find_child("Job"));
  REQUIRE(job != nullptr);
  CHECK(job->asset().content() == hive_script);
  CHECK(job->asset().source() == "jobs/append.q");
  CHECK(test::diagnostics_of(embedded) == "");

  App on_disk;
  spec::load(text, "specs/app.yaml", on_disk);
  const auto* read = dynamic_cast<const FileAsset*>(on_disk.find_child("S")->find_child("Job"));
  REQUIRE(read != nullptr);
  CHECK(read->props().path.generic_string() == "specs/jobs/append.q");  // beside the spec
  CHECK(read->asset().source() == "jobs/append.q");                     // as written
  CHECK(contains(test::diagnostics_of(on_disk), "specs/jobs/append.q does not exist"));
}

TEST_CASE("a .zip file asset is still a file Terraform uploads, not Lambda code it points at") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& deps = s.add<FileAsset>("Deps", {.path = "deps.zip", .content = "PK\x03\x04 not really a zip"});
  CHECK(!deps.asset().archive());
  CHECK(deps.object_key().ends_with(".zip"));
  const auto entry = json::parse(asset_json(app))["assets"][0];
  CHECK(entry["terraform"]["bucket_variable"] == "AssetsBucket");
  CHECK(!entry["terraform"].contains("filename"));
}

TEST_CASE("the same bytes as two kinds of file are two uploads") {
  App app;
  auto& s = app.add<Stack>("S");
  s.add<FileAsset>("Script", {.path = "job.py", .content = "x = 1\n"});
  s.add<FileAsset>("Text", {.path = "job.txt", .content = "x = 1\n"});
  std::vector<std::string> written;
  for (const auto& f : asset_files(app, {})) written.push_back(f.path);
  REQUIRE(written.size() == 3);  // both files, and assets.json
  CHECK(written[0].ends_with(".py"));
  CHECK(written[1].ends_with(".txt"));
  CHECK(json::parse(asset_json(app))["assets"].size() == 2);
}
