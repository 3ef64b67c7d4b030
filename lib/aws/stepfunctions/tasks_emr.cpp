// EMR integrations and the permissions each needs (Step Functions' "IAM policies for Amazon EMR"):
// RunJobFlow cannot be scoped to a resource (the cluster does not exist yet), every other action is
// scoped to this account's clusters in the region, or to the one cluster when its id is fixed. A
// cluster found at run time may be anyone's: on_clusters_of adds the condition on a model's tag
// (aws/emr/cluster_tag.hpp), and rule IAM.4 reports a statement without one.
#include "drdb/aws/stepfunctions/tasks/emr.hpp"

#include "aws/emr/cluster_tag.hpp"

#include "drdb/aws/emr/cluster.hpp"
#include "drdb/aws/iam/role.hpp"
#include "drdb/core/diagnostics.hpp"
#include "drdb/core/stack.hpp"

namespace drdb::aws::stepfunctions::tasks {

namespace {

Str cluster_arn(const ClusterId& cluster) {
  if (!cluster.path.empty()) return pseudo::arn("elasticmapreduce", "cluster/*");
  return pseudo::arn("elasticmapreduce", "cluster/") + cluster.id;
}

// The EventBridge rule Step Functions manages in the account to learn that an EMR job ended.
iam::Statement managed_rule(std::string_view rule) {
  return {.actions = {"events:DescribeRule", "events:PutRule", "events:PutTargets"},
          .resources = {pseudo::arn("events", "rule/" + std::string(rule))}};
}

void put_cluster_id(Payload& p, const ClusterId& cluster) {
  if (!cluster.path.empty())
    p.emplace("ClusterId", Field::path(cluster.path));
  else
    p.emplace("ClusterId", Field(cluster.id));
}

ServiceCall fixed_call(Str resource, Payload parameters, std::vector<iam::Statement> statements, IntegrationPattern pattern) {
  return ServiceCall::custom(std::move(resource), std::move(parameters), std::move(statements), pattern);
}

}  // namespace

ServiceCall emr_create_cluster(const emr::Cluster& cluster, IntegrationPattern pattern) {
  auto statements = cluster.launch_statements();
  if (pattern == IntegrationPattern::RunJob) statements.push_back(managed_rule("StepFunctionsGetEventForEMRRunJobFlowRule"));
  ServiceCall call{.resource = integration_arn("elasticmapreduce:createCluster", pattern),
                   .statements = std::move(statements),
                   .pattern = pattern};
  call.parameters = [&cluster](Diagnostics& out, const std::string& path) {
    if (!cluster.props().keep_alive_when_no_steps)
      out.error(path, "createCluster needs a cluster that stays up without steps, but " + cluster.path() + " has keep_alive_when_no_steps = false",
                "set keep_alive_when_no_steps = true on the cluster model (steps are added by the workflow)");
    if (!cluster.props().steps.empty())
      out.error(path, "createCluster does not accept steps, but " + cluster.path() + " has " + std::to_string(cluster.props().steps.size()),
                "add steps with tasks::emr_add_step instead");
    return cluster.run_job_flow_parameters(out);
  };
  return call;
}

ServiceCall emr_add_step(ClusterId cluster, emr::Step step, IntegrationPattern pattern) {
  std::vector<iam::Statement> statements;
  if (pattern == IntegrationPattern::RunJob) {
    statements.push_back({.actions = {"elasticmapreduce:AddJobFlowSteps", "elasticmapreduce:CancelSteps", "elasticmapreduce:DescribeStep"},
                          .resources = {cluster_arn(cluster)}});
    statements.push_back(managed_rule("StepFunctionsGetEventForEMRAddJobFlowStepsRule"));
  } else {
    statements.push_back({.actions = {"elasticmapreduce:AddJobFlowSteps"}, .resources = {cluster_arn(cluster)}});
  }
  Payload p{{"Step", Field(step.api_value())}};
  put_cluster_id(p, cluster);
  return fixed_call(integration_arn("elasticmapreduce:addStep", pattern), std::move(p), std::move(statements), pattern);
}

ServiceCall emr_terminate_cluster(ClusterId cluster, IntegrationPattern pattern) {
  std::vector<iam::Statement> statements;
  if (pattern == IntegrationPattern::RunJob) {
    statements.push_back({.actions = {"elasticmapreduce:DescribeCluster", "elasticmapreduce:TerminateJobFlows"},
                          .resources = {cluster_arn(cluster)}});
    statements.push_back(managed_rule("StepFunctionsGetEventForEMRTerminateJobFlowsRule"));
  } else {
    statements.push_back({.actions = {"elasticmapreduce:TerminateJobFlows"}, .resources = {cluster_arn(cluster)}});
  }
  Payload p;
  put_cluster_id(p, cluster);
  return fixed_call(integration_arn("elasticmapreduce:terminateCluster", pattern), std::move(p), std::move(statements), pattern);
}

ServiceCall emr_set_termination_protection(ClusterId cluster, bool protect) {
  Payload p{{"TerminationProtected", Field(protect)}};
  put_cluster_id(p, cluster);
  return fixed_call(integration_arn("elasticmapreduce:setClusterTerminationProtection"), std::move(p),
                    {{.actions = {"elasticmapreduce:SetTerminationProtection"}, .resources = {cluster_arn(cluster)}}},
                    IntegrationPattern::RequestResponse);
}

ServiceCall on_clusters_of(const emr::Cluster& model, ServiceCall call) {
  emr::detail::scope_to_model_clusters(call.statements, model);
  return call;
}

ServiceCall emr_list_clusters(ListClusters options) {
  Payload p;
  if (!options.states.empty()) {
    List states(options.states.begin(), options.states.end());
    p.emplace("ClusterStates", Field(Value(std::move(states))));
  }
  if (!options.marker_path.empty()) p.emplace("Marker", Field::path(options.marker_path));
  // ListClusters has no resource-level permission.
  return fixed_call(sdk_integration_arn("emr", "listClusters"), std::move(p),
                    {{.actions = {"elasticmapreduce:ListClusters"}, .resources = {Str("*")}}}, IntegrationPattern::RequestResponse);
}

ServiceCall emr_describe_cluster(ClusterId cluster) {
  Payload p;
  put_cluster_id(p, cluster);
  return fixed_call(sdk_integration_arn("emr", "describeCluster"), std::move(p),
                    {{.actions = {"elasticmapreduce:DescribeCluster"}, .resources = {cluster_arn(cluster)}}},
                    IntegrationPattern::RequestResponse);
}

}  // namespace drdb::aws::stepfunctions::tasks
