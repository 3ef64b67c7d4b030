#include "drdb/aws/ecr/spark_docker.hpp"

#include <regex>

#include "drdb/core/error.hpp"

namespace drdb::aws::ecr {

emr::Configurations spark_in_docker(const Repository& repository, const std::string& image_tag) {
  static const std::regex docker_tag("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
  if (!std::regex_match(image_tag, docker_tag))
    throw Error(ErrorKind::Usage, "[" + repository.path() + "] image tag \"" + image_tag +
                                      "\" is not a Docker tag — use up to 128 letters, digits, _ . - (not starting with . or -), e.g. v1");
  const Str image = repository.repository_uri() + ":" + image_tag;
  const auto& name = repository.props().repository_name;
  emr::Configurations c("spark in docker " + (name.empty() ? repository.path() : name) + ":" + image_tag);
  c.add({.name = "container-executor",
         .nested = {{.name = "docker", .properties = {{"docker.trusted.registries", repository.registry()}}}}});
  for (const char* process : {"spark.executorEnv.", "spark.yarn.appMasterEnv."}) {
    c.spark_defaults(std::string(process) + "YARN_CONTAINER_RUNTIME_TYPE", Str("docker"));
    c.spark_defaults(std::string(process) + "YARN_CONTAINER_RUNTIME_DOCKER_IMAGE", image);
  }
  return c;
}

}  // namespace drdb::aws::ecr
