// ECR repositories: secure defaults, the typed lifecycle policy, grants, and validation.
#include <doctest/doctest.h>

#include "unit/aws/iam/rendered.hpp"

using namespace drdb;
using namespace drdb::aws::ecr;
using drdb::test::contains;
using nlohmann::json;

TEST_CASE("a repository scans on push, has immutable tags, AES-256 and is retained by default") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& repo = s.add<Repository>("Jobs");
  s.add<Output>("Uri", {.value = repo.repository_uri().value()});
  const auto r = test::render(app);
  CHECK(r.cfn["Resources"]["Jobs"]["DeletionPolicy"] == "Retain");
  CHECK(r.props("Jobs") == json::parse(R"({"EncryptionConfiguration": {"EncryptionType": "AES256"},
    "ImageScanningConfiguration": {"ScanOnPush": true}, "ImageTagMutability": "IMMUTABLE"})"));
  CHECK(r.cfn["Outputs"]["Uri"]["Value"] == json::parse(R"({"Fn::GetAtt": ["Jobs", "RepositoryUri"]})"));
  const auto& body = r.body("aws_ecr_repository", "Jobs");
  CHECK(body["name"] == "s-jobs");
  CHECK(body["image_tag_mutability"] == "IMMUTABLE");
  CHECK(body["image_scanning_configuration"][0]["scan_on_push"] == true);
  CHECK(body["encryption_configuration"][0]["encryption_type"] == "AES256");
  CHECK(body["force_delete"] == false);
  CHECK_FALSE(r.tf["resource"].contains("aws_ecr_lifecycle_policy"));
  CHECK(r.tf["output"]["Uri"]["value"] == "${aws_ecr_repository.Jobs.repository_url}");
}

TEST_CASE("a KMS key and a lifecycle policy rendered from typed rules, sorted by priority") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& key = s.add<aws::kms::Key>("Key");
  auto& repo = s.add<Repository>("Jobs", {.repository_name = "drdb/spark-jobs", .kms_key = &key});
  repo.add_lifecycle_rule(LifecycleRule::keep_last_images(2, 10, {"release-"}));
  repo.add_lifecycle_rule(LifecycleRule::expire_untagged_after_days(1, 14));
  repo.add_lifecycle_rule(LifecycleRule::keep_last_images(3, 50, {}));
  const auto expected = json::parse(R"({"rules": [
    {"action": {"type": "expire"}, "description": "expire untagged images after 14 days", "rulePriority": 1,
     "selection": {"countNumber": 14, "countType": "sinceImagePushed", "countUnit": "days", "tagStatus": "untagged"}},
    {"action": {"type": "expire"}, "description": "keep the last 10 images tagged release-*", "rulePriority": 2,
     "selection": {"countNumber": 10, "countType": "imageCountMoreThan", "tagPrefixList": ["release-"], "tagStatus": "tagged"}},
    {"action": {"type": "expire"}, "description": "keep the last 50 images", "rulePriority": 3,
     "selection": {"countNumber": 50, "countType": "imageCountMoreThan", "tagStatus": "any"}}]})");
  const auto r = test::render(app);
  const auto& p = r.props("Jobs");
  CHECK(p["RepositoryName"] == "drdb/spark-jobs");
  CHECK(p["EncryptionConfiguration"] == json::parse(R"({"EncryptionType": "KMS", "KmsKey": {"Fn::GetAtt": ["Key", "Arn"]}})"));
  CHECK(json::parse(p["LifecyclePolicy"]["LifecyclePolicyText"].get<std::string>()) == expected);

  CHECK(r.body("aws_ecr_repository", "Jobs")["name"] == "drdb/spark-jobs");
  const auto& policies = r.tf["resource"]["aws_ecr_lifecycle_policy"];
  REQUIRE(policies.size() == 1);
  const auto& policy = policies.begin().value();
  CHECK(policy["repository"] == "${aws_ecr_repository.Jobs.name}");
  CHECK(json::parse(policy["policy"].get<std::string>()) == expected);
}

TEST_CASE("pull and push grants: repository actions on the repository, the login token on the registry") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& repo = s.add<Repository>("Jobs");
  auto& puller = test::ec2_role(s, "Puller");
  auto& pusher = test::ec2_role(s, "Pusher");
  repo.grant_pull(puller);
  repo.grant_push(pusher);
  const auto r = test::render(app);
  auto statements = [&](const char* role) { return r.props(role)["Policies"][0]["PolicyDocument"]["Statement"]; };
  CHECK(statements("Puller") == json::parse(R"([
    {"Action": ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"], "Effect": "Allow",
     "Resource": {"Fn::GetAtt": ["Jobs", "Arn"]}},
    {"Action": "ecr:GetAuthorizationToken", "Effect": "Allow", "Resource": "*"}])"));
  CHECK(statements("Pusher")[0]["Action"].size() == 7);
}

TEST_CASE("repository validation names the repository and says how to fix each problem") {
  App app;
  auto& s = app.add<Stack>("S");
  s.add<Repository>("Bad", {.repository_name = "Spark_Jobs",
                            .lifecycle_rules = {{.priority = 0, .tag_status = TagStatus::Tagged},
                                                {.priority = 2, .tag_status = TagStatus::Any, .max_image_count = 5},
                                                {.priority = 3, .tag_prefixes = {"v"}, .max_image_count = 0, .max_age_days = 3},
                                                {.priority = 3, .max_age_days = 1}}});
  const auto text = test::diagnostics_of(app);
  CHECK(contains(text, "[App/S/Bad] repository name \"Spark_Jobs\" is not a valid ECR repository name — use 2-256 lowercase"));
  CHECK(contains(text, "[App/S/Bad] lifecycle rule 0 has a priority below 1"));
  CHECK(contains(text, "[App/S/Bad] lifecycle rule 0 sets neither max_image_count nor max_age_days"));
  CHECK(contains(text, "[App/S/Bad] lifecycle rule 0 selects tagged images but lists no tag_prefixes"));
  CHECK(contains(text, "[App/S/Bad] lifecycle rule 2 selects any image but is not the last rule"));
  CHECK(contains(text, "[App/S/Bad] lifecycle rule 3 sets both max_image_count and max_age_days"));
  CHECK(contains(text, "[App/S/Bad] lifecycle rule 3 max_image_count is 0 — use at least 1"));
  CHECK(contains(text, "[App/S/Bad] lifecycle rule 3 lists tag_prefixes but does not select tagged images"));
  CHECK(contains(text, "[App/S/Bad] two lifecycle rules have priority 3 — give each rule its own priority"));
}
