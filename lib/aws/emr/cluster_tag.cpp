#include "aws/emr/cluster_tag.hpp"

#include "drdb/aws/emr/cluster.hpp"
#include "drdb/core/stack.hpp"

namespace drdb::aws::emr::detail {

std::string cluster_tag_value(const Cluster& cluster) { return cluster.stack().name(); }

iam::Conditions on_model_clusters(const Cluster& cluster) {
  return {{"StringEquals", {{"elasticmapreduce:ResourceTag/" + std::string(cluster_tag_key), {Str(cluster_tag_value(cluster))}}}}};
}

iam::Conditions launching_model_cluster(const Cluster& cluster) {
  return {{"StringEquals", {{"aws:RequestTag/" + std::string(cluster_tag_key), {Str(cluster_tag_value(cluster))}}}}};
}

void scope_to_model_clusters(std::vector<iam::Statement>& statements, const Cluster& cluster) {
  const Str every_cluster = pseudo::arn("elasticmapreduce", "cluster/*");
  for (auto& statement : statements) {
    if (!statement.conditions.empty()) continue;
    for (const auto& resource : statement.resources)
      if (resource == every_cluster) {
        statement.conditions = on_model_clusters(cluster);
        break;
      }
  }
}

}  // namespace drdb::aws::emr::detail
