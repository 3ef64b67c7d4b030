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

TEST_CASE("a generated password secret must be plain text and fit EMR's 1,024-character secret limit") {
  Env env;
  auto& json_secret = env.stack.add<aws::secretsmanager::Secret>(
      "JsonPassword", {.generate = aws::secretsmanager::GeneratedSecret{
                           .secret_string_template = Object{{"username", Value("hive")}}, .generate_string_key = "password"}});
  env.cluster(with_hive(env, json_secret.secret_arn()));
  CHECK(diagnostics_of(env.app).find("the password secret App/S/JsonPassword is a JSON document, and EMR passes the whole "
                                     "secret string as the password") != std::string::npos);

  Env long_env;
  auto& long_secret = long_env.stack.add<aws::secretsmanager::Secret>(
      "LongPassword", {.generate = aws::secretsmanager::GeneratedSecret{.password_length = 1000}});
  long_env.cluster(with_hive(long_env, long_secret.secret_arn()));
  CHECK(diagnostics_of(long_env.app).find("javax.jdo.option.ConnectionPassword and a 1000-character password take 1035 — "
                                          "generate a password of at most 989 characters") != std::string::npos);

  Env ok_env;
  auto& plain = ok_env.stack.add<aws::secretsmanager::Secret>(
      "Password", {.generate = aws::secretsmanager::GeneratedSecret{.password_length = 64, .exclude_characters = "\"@/\\"}});
  ok_env.cluster(with_hive(ok_env, plain.secret_arn()));
  CHECK(!validate(ok_env.app).has_errors());
}
