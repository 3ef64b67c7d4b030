#include <nlohmann/json.hpp>

#include "unit/rules/rules_fixture.hpp"

using namespace rules_test;

TEST_CASE("--rules values: a level to fail on, packs, none; anything else is a usage error") {
  CHECK(rules::parse_options("error").fail_on == rules::Level::Error);
  const auto o = rules::parse_options(" warning , s3,emr");
  CHECK(o.fail_on == rules::Level::Warning);
  CHECK(o.packs == std::vector<std::string>{"s3", "emr"});
  CHECK_FALSE(rules::parse_options("none").enabled);
  try {
    rules::parse_options("warnings");
    FAIL("expected a usage error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::Usage);
    CHECK(std::string(e.what()).find("unknown rule pack \"warnings\"") != std::string::npos);
    CHECK(std::string(e.what()).find("s3") != std::string::npos);
  }
}

TEST_CASE("failing on warning turns warnings into errors; info never reaches the diagnostics") {
  Env env;
  env.stack.add<aws::s3::Bucket>("Data");  // S3.4, a warning
  CHECK(env.findings().passes());
  CHECK(env.findings().has_warning("S3.4: server access logging is off"));
  SynthOptions strict;
  strict.rules = rules::parse_options("warning");
  const auto f = testing::Findings::of(env.app, strict);
  CHECK_FALSE(f.passes());
  CHECK(f.has_error("S3.4: server access logging is off"));
}

TEST_CASE("the report as JSON and as a table") {
  Env env;
  auto& ssh = env.stack.add<aws::ec2::SecurityGroup>(
      "Ssh", {.description = "ssh", .vpc = &env.stack.add<aws::ec2::Vpc>("Network", {.cidr = "10.20.0.0/16"})});
  ssh.add_ingress(aws::ec2::Peer::any_ipv4(), aws::ec2::Port::tcp(22));
  env.stack.add<aws::s3::Bucket>("Data").suppress("S3.4", "example data");
  const auto report = env.findings().report();

  const auto doc = nlohmann::json::parse(report.json());
  CHECK(doc["passed"] == false);
  CHECK(doc["fail_on"] == "error");
  CHECK(doc["summary"]["error"] == 1);
  CHECK(doc["summary"]["suppressed"] == 1);
  CHECK(doc["findings"][0]["rule"] == "EC2.1");
  CHECK(doc["findings"][0]["path"] == "App/S/Ssh");
  CHECK(doc["findings"][0]["fix"].get<std::string>().find("Session Manager") != std::string::npos);
  CHECK(doc["suppressed"][0]["reason"] == "example data");
  CHECK(doc["suppressions"][0] == nlohmann::json{{"path", "App/S/Data"}, {"rule", "S3.4"}, {"reason", "example data"}, {"uses", 1}});

  const auto table = report.table();
  CHECK(table.find("error      EC2.1    App/S/Ssh\n") != std::string::npos);
  CHECK(table.find("fix: allow port 22 only from") != std::string::npos);
  CHECK(table.find("suppressed S3.4     App/S/Data\n") != std::string::npos);
  CHECK(table.find("reason (App/S/Data): example data\n") != std::string::npos);
  CHECK(table.find("FAILED: 1 error, 0 warnings, 0 info, 1 suppressed") != std::string::npos);
}
