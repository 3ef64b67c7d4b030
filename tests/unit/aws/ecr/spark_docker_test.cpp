// ecr::spark_in_docker: the EMR configurations that make YARN run Spark in an image of a private
// repository, as RunJobFlow and the cluster resource carry them.
#include <doctest/doctest.h>

#include "unit/aws/iam/rendered.hpp"

using namespace drdb;
using drdb::test::contains;
using nlohmann::json;

TEST_CASE("spark_in_docker: the repository's registry trusted, driver and executors in the image") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& vpc = s.add<aws::ec2::Vpc>("Network", {.cidr = "10.20.0.0/16"});
  auto& subnet = vpc.add_subnet("Private1", {.cidr = "10.20.0.0/19"});
  auto& images = s.add<aws::ecr::Repository>("Images", {.repository_name = "team/jobs"});
  const auto c = aws::ecr::spark_in_docker(images, "v1.2");
  CHECK(c.source() == "spark in docker team/jobs:v1.2");
  auto& cluster = s.add<aws::emr::Cluster>(
      "C", {.release_label = "emr-6.15.0",
            .applications = {aws::emr::Application::spark()},
            .instances = aws::emr::InstanceGroups{.primary = {.instance_type = "m5.xlarge"}},
            .vpc = &vpc,
            .subnets = {subnet},
            .configurations = {c}});
  images.grant_pull(cluster.job_flow_role());
  const auto r = test::render(app);
  // The instances may pull from this repository, and log in to its registry.
  CHECK(contains(r.cfn.dump(), R"("Action":["ecr:BatchCheckLayerAvailability","ecr:BatchGetImage","ecr:GetDownloadUrlForLayer"],"Effect":"Allow","Resource":{"Fn::GetAtt":["Images","Arn"]})"));
  json cluster_props;
  for (const auto& [id, res] : r.cfn["Resources"].items())
    if (res["Type"] == "AWS::EMR::Cluster") cluster_props = res["Properties"];
  const json registry = {{"Fn::Join", {"", {{{"Ref", "AWS::AccountId"}}, ".dkr.ecr.", {{"Ref", "AWS::Region"}}, ".", {{"Ref", "AWS::URLSuffix"}}}}}};
  const json image = {{"Fn::Join", {"", {{{"Fn::GetAtt", {"Images", "RepositoryUri"}}}, ":v1.2"}}}};
  CHECK(cluster_props["Configurations"] == json::parse(R"([
    {"Classification": "container-executor",
     "Configurations": [{"Classification": "docker", "ConfigurationProperties": {"docker.trusted.registries": )" + registry.dump() + R"(}}]},
    {"Classification": "spark-defaults", "ConfigurationProperties": {
      "spark.executorEnv.YARN_CONTAINER_RUNTIME_TYPE": "docker",
      "spark.executorEnv.YARN_CONTAINER_RUNTIME_DOCKER_IMAGE": )" + image.dump() + R"(,
      "spark.yarn.appMasterEnv.YARN_CONTAINER_RUNTIME_TYPE": "docker",
      "spark.yarn.appMasterEnv.YARN_CONTAINER_RUNTIME_DOCKER_IMAGE": )" + image.dump() + R"(}}])"));
}

TEST_CASE("spark_in_docker refuses a tag Docker would not take") {
  App app;
  auto& s = app.add<Stack>("S");
  auto& images = s.add<aws::ecr::Repository>("Images");
  for (const char* bad : {"", ".v1", "-v1", "v1:latest", "v 1"}) {
    try {
      aws::ecr::spark_in_docker(images, bad);
      FAIL("accepted " << bad);
    } catch (const Error& e) {
      CHECK(contains(e.what(), "[App/S/Images] image tag \"" + std::string(bad) + "\" is not a Docker tag"));
    }
  }
}
