// What a program launching the cluster model needs: its RunJobFlow parameters as JSON text and the
// permissions to call RunJobFlow with them.
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
  return {{.actions = {"elasticmapreduce:RunJobFlow"}, .resources = {Str("*")}},  // no resource-level permission
          {.actions = {"elasticmapreduce:DescribeCluster", "elasticmapreduce:TerminateJobFlows"},
           .resources = {pseudo::arn("elasticmapreduce", "cluster/*")}},
          {.actions = {"iam:PassRole"}, .resources = std::move(roles)}};
}

void Cluster::grant_launch(iam::Role& role) const {
  for (auto& statement : launch_statements()) role.add_to_policy(std::move(statement));
}

}  // namespace drdb::aws::emr
