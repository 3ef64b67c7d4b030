// The external metastore's password secret: a secret construct of the app grants its own read (its
// customer key included) to the service role; an existing secret's ARN gets GetSecretValue only.
#include <doctest/doctest.h>

#include <drdb/testing/template.hpp>

#include "unit/aws/emr/emr_fixture.hpp"

using namespace emr_test;
using drdb::testing::array_with;
using drdb::testing::mismatch;
using drdb::testing::Template;

namespace {

Value role_statement(Value statement) {
  auto document = Value::object({{"Statement", array_with({std::move(statement)})}});
  return Value::object({{"Policies", array_with({Value::object({{"PolicyDocument", std::move(document)}})})}});
}

Cluster::Props with_hive(Env& env, Str secret_arn) {
  auto& db = env.stack.add<aws::ec2::SecurityGroup>("Db", {.description = "metastore", .vpc = &env.vpc});
  auto p = env.props();
  p.metastore = external_hive({.host = "db.example.internal", .password_secret_arn = std::move(secret_arn), .database_security_group = &db});
  return p;
}

}  // namespace

TEST_CASE("a secret construct with a customer key: read and decrypt through Secrets Manager, for the service role") {
  Env env;
  auto& key = env.stack.add<aws::kms::Key>("SecretKey", {.description = "metastore secret"});
  auto& secret = env.stack.add<aws::secretsmanager::Secret>(
      "HivePassword", {.description = "hive user password", .kms_key = &key});
  auto& cluster = env.cluster(with_hive(env, secret.secret_arn()));
  CHECK(diagnostics_of(env.app) == "");
  const auto cfn = Template::cloudformation(env.app, "S");
  const auto service = logical_id(cluster.service_role());
  CHECK(mismatch(cfn.properties("AWS::IAM::Role", service),
                 role_statement(Value::object({{"Action", Value(List{"secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"})},
                                               {"Resource", Value::object({{"Ref", logical_id(secret)}})}}))) == "");
  CHECK(mismatch(cfn.properties("AWS::IAM::Role", service),
                 role_statement(Value::object({{"Action", "kms:Decrypt"},
                                               {"Resource", Value::object({{"Fn::GetAtt", Value(List{"SecretKey", "Arn"})}})}}))) == "");
}

TEST_CASE("an existing secret by ARN: GetSecretValue on that ARN only") {
  Env env;
  const std::string arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:hive-AbCdEf";
  auto& cluster = env.cluster(with_hive(env, arn));
  CHECK(diagnostics_of(env.app) == "");
  const auto cfn = Template::cloudformation(env.app, "S");
  CHECK(mismatch(cfn.properties("AWS::IAM::Role", logical_id(cluster.service_role())),
                 role_statement(Value::object({{"Action", "secretsmanager:GetSecretValue"}, {"Resource", arn}}))) == "");
}
