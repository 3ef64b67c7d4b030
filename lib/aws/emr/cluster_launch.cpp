// What a program launching the cluster model needs: its RunJobFlow parameters as JSON text and the
// permissions to call RunJobFlow with them, on clusters tagged as the model's (cluster_tag.hpp).
#include "aws/emr/cluster_tag.hpp"
#include "drdb/aws/emr/cluster.hpp"
#include "drdb/aws/iam/role.hpp"
#include "drdb/core/diagnostics.hpp"
#include "drdb/core/stack.hpp"

namespace drdb::aws::emr {

Str Cluster::run_job_flow_json() const {
  launched_by_program_ = true;
  Diagnostics reported_by_validate;
  return Str::of(json_string(run_job_flow_parameters(reported_by_validate)));
}

std::vector<iam::Statement> Cluster::launch_statements() const {
  std::vector<Str> roles{service_role().arn(), job_flow_role().arn()};
  if (autoscaling_role() != nullptr) roles.push_back(autoscaling_role()->arn());
  // RunJobFlow has no resource-level permission: its request must carry the model's tag instead.
  return {{.actions = {"elasticmapreduce:RunJobFlow"}, .resources = {Str("*")}, .conditions = detail::launching_model_cluster(*this)},
          {.actions = {"elasticmapreduce:DescribeCluster", "elasticmapreduce:TerminateJobFlows"},
           .resources = {pseudo::arn("elasticmapreduce", "cluster/*")},
           .conditions = detail::on_model_clusters(*this)},
          {.actions = {"iam:PassRole"}, .resources = std::move(roles)}};
}

void Cluster::grant_launch(iam::Role& role) const {
  for (auto& statement : launch_statements()) role.add_to_policy(std::move(statement));
}

}  // namespace drdb::aws::emr
