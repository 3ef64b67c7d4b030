// EMR service integrations for Task states: the optimized ones (createCluster from the typed cluster
// model, addStep, terminateCluster, setClusterTerminationProtection, each request/response or
// ".sync") and the AWS SDK calls listClusters and describeCluster. Each carries the statements the
// state machine's role needs: the EMR actions on this account's clusters, iam:PassRole on exactly
// the cluster's roles, and for ".sync" the EventBridge managed rule Step Functions uses to learn
// that the job ended.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "drdb/aws/emr/step.hpp"
#include "drdb/aws/stepfunctions/service_call.hpp"

namespace drdb::aws::emr {
class Cluster;
}

namespace drdb::aws::stepfunctions::tasks {

// Where a task finds the cluster: a fixed id, or a path into the state's input ("$.cluster.ClusterId").
struct ClusterId {
  Str id = "";
  std::string path;
  static ClusterId from_path(std::string json_path) { return {Str(""), std::move(json_path)}; }
  ClusterId(Str fixed) : id(std::move(fixed)) {}
  ClusterId(const char* fixed) : id(fixed) {}

 private:
  ClusterId(Str fixed, std::string p) : id(std::move(fixed)), path(std::move(p)) {}
};

// Launches `cluster` (its RunJobFlow parameters: roles, groups, configurations, tags...). With RunJob
// the task ends when the cluster is up (WAITING or RUNNING); the result holds ClusterId.
// The model must keep the cluster alive when it has no steps (createCluster requires it).
ServiceCall emr_create_cluster(const emr::Cluster& cluster, IntegrationPattern pattern = IntegrationPattern::RunJob);

// Adds `step`; with RunJob the task ends when the step does (and fails when it fails).
ServiceCall emr_add_step(ClusterId cluster, emr::Step step, IntegrationPattern pattern = IntegrationPattern::RunJob);

ServiceCall emr_terminate_cluster(ClusterId cluster, IntegrationPattern pattern = IntegrationPattern::RequestResponse);
ServiceCall emr_set_termination_protection(ClusterId cluster, bool protect);

// `call` on a cluster id read from the input (a path), allowed only on the clusters tagged as
// `model`'s (drdb:stack, which every cluster of a model carries): its statements on cluster/* get
// the elasticmapreduce:ResourceTag condition. Without it they reach every cluster of the account
// (rule IAM.4). EnsureClusterRunStep and ClusterLifecycle scope their calls this way.
ServiceCall on_clusters_of(const emr::Cluster& model, ServiceCall call);

struct ListClusters {
  std::vector<std::string> states = {"STARTING", "BOOTSTRAPPING", "RUNNING", "WAITING"};
  // Paging: the marker of the previous page, read from the input (e.g. "$.page.Marker"); none: first page.
  std::string marker_path;
};
// aws-sdk:emr:listClusters (50 clusters per page, "Marker" when there are more).
ServiceCall emr_list_clusters(ListClusters options = {});
// aws-sdk:emr:describeCluster.
ServiceCall emr_describe_cluster(ClusterId cluster);

}  // namespace drdb::aws::stepfunctions::tasks
