// The EMR examples as a user would check their own apps: no password in any output, and the facts
// each example promises, in both targets.
#include <doctest/doctest.h>

#include <drdb/testing/template.hpp>

#include "emr-hive3/emr_hive3.hpp"
#include "emr/emr.hpp"
#include "unit/aws/emr/emr_fixture.hpp"

using namespace emr_test;
using drdb::testing::any_value;
using drdb::testing::array_with;
using drdb::testing::Template;

namespace {

constexpr std::string_view password_key = "javax.jdo.option.ConnectionPassword";

// Every synthesized document with the annotated property name removed.
std::string without_annotation(std::string text) {
  const std::string annotated = "EMR.secret@" + std::string(password_key);
  for (auto at = text.find(annotated); at != std::string::npos; at = text.find(annotated, at)) text.erase(at, annotated.size());
  return text;
}

}  // namespace

TEST_CASE("emr-hive3: the metastore password is in no output, only the secret's ARN behind EMR's annotation") {
  App app;
  examples::emr_hive3::build(app);
  CHECK(validate(app).format() == "");
  const auto o = render_all(app);  // CloudFormation JSON and YAML, Terraform
  CHECK(contains(o.text, "EMR.secret@" + std::string(password_key)));
  const auto rest = without_annotation(o.text);
  CHECK_FALSE(contains(rest, password_key));       // never the plain property
  CHECK_FALSE(contains(rest, "resolve:secretsmanager"));  // never resolved into the cluster at deploy time
  CHECK_FALSE(contains(rest, "SecretString\""));   // CloudFormation sets no secret value
  CHECK_FALSE(contains(rest, "secret_string\""));  // nor Terraform, whose state would keep it

  const auto cfn = Template::cloudformation(app, "EmrHive3");
  const auto secret = cfn.resources_of("AWS::SecretsManager::Secret").at(0);
  CHECK(cfn.has_resource("AWS::EMR::Cluster",
                         Value::object({{"Configurations",
                                         array_with({Value::object(
                                             {{"Classification", "hive-site"},
                                              {"ConfigurationProperties",
                                               Value::object({{"EMR.secret@" + std::string(password_key), Value::object({{"Ref", secret}})},
                                                              {"javax.jdo.option.ConnectionUserName", "hive"}})}})})},
                                        {"ReleaseLabel", "emr-6.15.0"}})));
  // The service role reads the secret through the secret's own grant.
  CHECK(cfn.has_resource("AWS::IAM::Role",
                         Value::object({{"Policies", array_with({Value::object({{"PolicyDocument", Value::object({{"Statement",
                             array_with({Value::object({{"Action", Value(List{"secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"})},
                                                        {"Resource", Value::object({{"Ref", secret}})}})})}})}})})}})));
  // 3306 both ways between the primary group and the database's group.
  const auto db = Value::object({{"Fn::GetAtt", Value(List{"MetastoreDatabase", "GroupId"})}});
  CHECK(cfn.has_resource("AWS::EC2::SecurityGroupIngress",
                         Value::object({{"GroupId", db}, {"FromPort", 3306}, {"ToPort", 3306}, {"SourceSecurityGroupId", any_value()}})));
  CHECK(cfn.has_resource("AWS::EC2::SecurityGroupEgress",
                         Value::object({{"DestinationSecurityGroupId", db}, {"FromPort", 3306}, {"ToPort", 3306}})));
}

TEST_CASE("emr: encryption with the stack's key, logs, Glue, YARN-memory autoscaling, the warehouse policy") {
  App app;
  examples::emr::build(app);
  CHECK(validate(app).format() == "");
  const auto cfn = Template::cloudformation(app, "Emr");
  CHECK(cfn.resource_count("AWS::EMR::Cluster") == 1);
  CHECK(cfn.resource_count("AWS::EMR::SecurityConfiguration") == 1);
  CHECK(cfn.has_resource("AWS::S3::Bucket", Value::object({{"LoggingConfiguration",
                                                             Value::object({{"LogFilePrefix", "s3-access/data/"}})}})));
  CHECK(cfn.has_resource("AWS::S3::Bucket", Value::object({{"LifecycleConfiguration", any_value()}})));
  CHECK(cfn.has_resource("AWS::IAM::ManagedPolicy", Value::object({{"Roles", any_value()}})));
  CHECK(cfn.has_output("ClusterId", any_value()));
  CHECK(cfn.has_output("DataKeyArn", any_value()));

  const auto tf = Template::terraform(app, "Emr");
  CHECK(tf.resource_count("aws_emr_cluster") == 1);
  CHECK(tf.resource_count("aws_s3_bucket_lifecycle_configuration") == 1);
  CHECK(tf.resource_count("aws_s3_bucket_logging") == 1);
  CHECK(tf.resource_count("aws_iam_role_policy_attachment") >= 1);
}
