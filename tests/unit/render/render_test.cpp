// What the renderers produce for the core features: parameters, outputs, tags, dependencies,
// escape hatches, escaping. Asserted on the parsed documents, not on text.
#include <doctest/doctest.h>

#include <drdb/drdb.hpp>
#include <drdb/l1/cfn/ssm.hpp>
#include <nlohmann/json.hpp>

using namespace drdb;
using nlohmann::json;

namespace {

struct Rendered {
  json cfn;
  std::string yaml;
  json tf;
};

Rendered render(const App& app, const std::string& stack) {
  Rendered out;
  for (const auto& d : synthesize(app)) {
    if (d.stack != stack) continue;
    if (d.format == Format::CloudFormationJson) out.cfn = json::parse(d.content);
    if (d.format == Format::CloudFormationYaml) out.yaml = d.content;
    if (d.format == Format::Terraform) out.tf = json::parse(d.content);
  }
  return out;
}

aws::iam::Role& ec2_role(Stack& s, std::string id) {
  return s.add<aws::iam::Role>(std::move(id), {.assumed_by = {aws::iam::Principal::service("ec2.amazonaws.com")}});
}

}  // namespace

TEST_CASE("parameters and outputs render to both targets, with exports") {
  App app;
  auto& s = app.add<Stack>("S", {.region = "eu-west-1"});
  auto& size = s.add<Parameter>("Size", {.type = ParameterType::Number, .default_value = Value(3), .min_value = 1.0, .max_value = 10.0});
  auto& bucket = s.add<aws::s3::Bucket>("Data");
  s.add<Output>("BucketArn", {.value = bucket.arn().value(), .export_name = "data-arn"});
  s.add<Output>("SizeOut", {.value = size.as_num().value()});
  const auto r = render(app, "S");
  CHECK(r.cfn["Parameters"]["Size"] == json({{"Type", "Number"}, {"Default", 3}, {"MinValue", 1.0}, {"MaxValue", 10.0}}));
  CHECK(r.cfn["Outputs"]["BucketArn"]["Value"] == json({{"Fn::GetAtt", {"Data", "Arn"}}}));
  CHECK(r.cfn["Outputs"]["BucketArn"]["Export"]["Name"] == "data-arn");
  CHECK(r.tf["variable"]["Size"]["type"] == "number");
  CHECK(r.tf["variable"]["Size"]["validation"].size() == 2);
  CHECK(r.tf["variable"]["region"]["default"] == "eu-west-1");
  CHECK(r.tf["provider"]["aws"]["region"] == "${var.region}");
  CHECK(r.tf["output"]["BucketArn"]["value"] == "${aws_s3_bucket.Data.arn}");
  CHECK(r.tf["output"]["SizeOut"]["value"] == "${var.Size}");
  CHECK(r.tf["terraform"]["required_providers"]["aws"]["source"] == "hashicorp/aws");
}

TEST_CASE("tags reach every taggable resource below a scope; the nearest scope wins") {
  App app;
  auto& s = app.add<Stack>("S");
  s.tag("team", "data");
  s.tag("env", "dev");
  auto& bucket = s.add<aws::s3::Bucket>("Data");
  bucket.tag("env", "prod");
  const auto r = render(app, "S");
  CHECK(r.cfn["Resources"]["Data"]["Properties"]["Tags"] ==
        json::parse(R"([{"Key":"env","Value":"prod"},{"Key":"team","Value":"data"}])"));
  CHECK(r.tf["resource"]["aws_s3_bucket"]["Data"]["tags"] == json({{"env", "prod"}, {"team", "data"}}));
  // Bucket policies have no tags.
  CHECK_FALSE(r.cfn["Resources"][logical_id(bucket.policy())]["Properties"].contains("Tags"));
}

TEST_CASE("explicit dependencies render as DependsOn / depends_on; implied ones are not repeated") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& data = s.add<aws::s3::Bucket>("Data");
  auto& logs = s.add<aws::s3::Bucket>("Logs");
  auto& role = ec2_role(s, "Role");
  data.grant_read(role);
  role.add_dependency(logs);  // a whole construct: the bucket and its policy
  role.add_dependency(data);  // the bucket itself is already implied by the grant's reference
  const auto r = render(app, "S");
  const auto logs_policy = logical_id(logs.policy());
  const auto data_policy = logical_id(data.policy());
  CHECK(r.cfn["Resources"]["Role"]["DependsOn"] == json({data_policy, "Logs", logs_policy}));
  const auto& tf_deps = r.tf["resource"]["aws_iam_role"]["Role"]["depends_on"];
  // In Terraform the grant's reference lives on aws_iam_role_policy, not on the role itself, so the
  // role depends explicitly on all 5 resources of each bucket.
  CHECK(tf_deps.size() == 10);
  CHECK(std::find(tf_deps.begin(), tf_deps.end(), "aws_s3_bucket.Data") != tf_deps.end());
  CHECK(std::find(tf_deps.begin(), tf_deps.end(), "aws_s3_bucket_policy." + logs_policy) != tf_deps.end());
}

TEST_CASE("raw resources and generated L1 structs are escape hatches, checked against the schema") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& raw = s.add<RawResource>("Param", {.cloudformation = RawResource::Definition{"AWS::SSM::Parameter",
                                                                                     Value::object({{"Type", "String"}, {"Value", "v"}})},
                                           .terraform = RawResource::Definition{"aws_ssm_parameter",
                                                                                Value::object({{"name", "/p"}, {"type", "String"}, {"value", "v"}})}});
  l1::cfn::ssm::Parameter typed;
  typed.type = "String";
  typed.value = raw.attr("Ref");
  s.add<L1<l1::cfn::ssm::Parameter>>("Typed", typed);
  Diagnostics d = validate(app, {.formats = {Format::CloudFormationJson}});
  CHECK_FALSE(d.has_errors());
  const auto docs = synthesize(app, {.formats = {Format::CloudFormationJson}});
  const auto cfn = json::parse(docs.at(0).content);
  CHECK(cfn["Resources"]["Typed"]["Properties"]["Value"] == json({{"Ref", "Param"}}));
  CHECK(cfn["Resources"]["Param"]["Type"] == "AWS::SSM::Parameter");
  // A CloudFormation-only L1 construct cannot render to Terraform: an error naming it.
  CHECK(validate(app).format().find("[App/S/Typed] this raw resource has no Terraform definition") != std::string::npos);
  // Raw properties are checked too.
  s.add<RawResource>("Bad", {.cloudformation = RawResource::Definition{"AWS::SSM::Parameter", Value::object({{"Type", 5}})}});
  const auto text = validate(app, {.formats = {Format::CloudFormationJson}}).format();
  CHECK(text.find("[App/S/Bad] Properties") != std::string::npos);
}

TEST_CASE("overrides change rendered properties in one target; null deletes") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& bucket = s.add<aws::s3::Bucket>("Data");
  bucket.cfn_override("AccelerateConfiguration.AccelerationStatus", "Enabled");
  bucket.cfn_override("OwnershipControls", nullptr);
  bucket.tf_override("force_destroy", true);
  bucket.tf_override("rule.0.object_ownership", "BucketOwnerPreferred", "aws_s3_bucket_ownership_controls");
  const auto r = render(app, "S");
  const auto& props = r.cfn["Resources"]["Data"]["Properties"];
  CHECK(props["AccelerateConfiguration"]["AccelerationStatus"] == "Enabled");
  CHECK_FALSE(props.contains("OwnershipControls"));
  CHECK(r.tf["resource"]["aws_s3_bucket"]["Data"]["force_destroy"] == true);
  CHECK(r.tf["resource"]["aws_s3_bucket_ownership_controls"]["Data"]["rule"][0]["object_ownership"] == "BucketOwnerPreferred");
}

TEST_CASE("literal ${ is escaped for Terraform; documents keep their references") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& bucket = s.add<aws::s3::Bucket>("Data");
  auto& role = ec2_role(s, "Role");
  role.add_to_policy({.actions = {"s3:GetObject"}, .resources = {bucket.arn_for_objects("${aws:username}/*")}});
  const auto r = render(app, "S");
  bool found = false;
  for (const auto& [name, body] : r.tf["resource"]["aws_iam_role_policy"].items()) {
    const auto policy = body["policy"].get<std::string>();
    found = policy.find("\"${aws_s3_bucket.Data.arn}/$${aws:username}/*\"") != std::string::npos;
  }
  CHECK(found);
  // CloudFormation keeps the document an object; the literal stays literal.
  const auto& statement = r.cfn["Resources"]["Role"]["Properties"]["Policies"][0]["PolicyDocument"]["Statement"][0];
  CHECK(statement["Resource"] == json({{"Fn::Join", {"", {{{"Fn::GetAtt", {"Data", "Arn"}}}, "/${aws:username}/*"}}}}));
}

TEST_CASE("YAML uses short-form intrinsics and quotes what YAML 1.1 would misread") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& bucket = s.add<aws::s3::Bucket>("Data");
  bucket.tag("enabled", "yes");
  bucket.tag("version", "010");
  s.add<Output>("Arn", {.value = bucket.arn().value()});
  const auto r = render(app, "S");
  CHECK(r.yaml.find("AWSTemplateFormatVersion: \"2010-09-09\"") != std::string::npos);
  CHECK(r.yaml.find("Value: !GetAtt Data.Arn") != std::string::npos);
  CHECK(r.yaml.find("Value: \"yes\"") != std::string::npos);
  CHECK(r.yaml.find("Value: \"010\"") != std::string::npos);
  CHECK(r.yaml.find("Bucket: !Ref Data") != std::string::npos);
  CHECK(r.yaml.back() == '\n');
}

TEST_CASE("synthesis is deterministic") {
  auto build = [] {
    auto app = std::make_unique<App>();
    auto& s = app->add<Stack>("S");
    auto& vpc = s.add<aws::ec2::Vpc>("Network");
    auto& a = s.add<aws::ec2::SecurityGroup>("A", {.description = "a", .vpc = &vpc});
    auto& b = s.add<aws::ec2::SecurityGroup>("B", {.description = "b", .vpc = &vpc});
    a.allow_from(b, aws::ec2::Port::tcp(3306));
    b.allow_from(a, aws::ec2::Port::tcp(3306));  // mutual references: rules are separate, no cycle
    return app;
  };
  const auto first = synthesize(*build());
  const auto second = synthesize(*build());
  REQUIRE(first.size() == second.size());
  for (std::size_t i = 0; i < first.size(); ++i) {
    CHECK(first[i].path == second[i].path);
    CHECK(first[i].content == second[i].content);
  }
}
