// Spark on EMR in a container image of a private ECR repository (EMR 6.x, Hadoop 3's Docker
// runtime for YARN):
//   auto& images = stack.add<ecr::Repository>("JobImages", {...});
//   cluster props: .configurations = {ecr::spark_in_docker(images, "v1")}
//   images.grant_pull(cluster.job_flow_role());
// The configurations trust the repository's registry in YARN's container-executor (only that
// registry: no "local" images, no privileged containers; from EMR 6.1.0 a trusted ECR registry
// also turns on YARN's ECR authentication with the instance role), and make spark-defaults run
// the driver (the YARN application master) and the executors in the image. The pull grant is the
// repository's own; without it YARN's pull is refused.
#pragma once

#include <string>

#include "drdb/aws/ecr/repository.hpp"
#include "drdb/aws/emr/configuration.hpp"

namespace drdb::aws::ecr {

// The configuration source "spark in docker <repository path>:<tag>". `image_tag` is an existing
// tag of the repository (immutable by default, so a run always gets the image it was tested
// with); it must be a valid Docker tag, or Error(Usage) says so.
emr::Configurations spark_in_docker(const Repository& repository, const std::string& image_tag);

}  // namespace drdb::aws::ecr
