// The tag that marks a cluster as this app's, and the conditions that keep EMR permissions on it.
//
// EMR's cluster actions (AddJobFlowSteps, TerminateJobFlows, ModifyInstanceGroups...) can name
// cluster ids, but a cluster launched by a workflow or a function has no id until it runs, so their
// statements say cluster/*: every cluster of the account and region. Each cluster drdb models or
// launches is therefore tagged drdb:stack = <the name of the stack holding the model> (stack names
// are unique in an account and region; app names are not), RunJobFlow is allowed only with that tag
// in the request, and the actions on cluster/* only on clusters that carry it. Adding a step to
// another team's cluster, which runs code as that cluster's instance role, is then denied.
#pragma once

#include <string>
#include <vector>

#include "drdb/aws/iam/policy.hpp"

namespace drdb::aws::emr {
class Cluster;
}

namespace drdb::aws::emr::detail {

inline constexpr std::string_view cluster_tag_key = "drdb:stack";

std::string cluster_tag_value(const Cluster& cluster);

// StringEquals elasticmapreduce:ResourceTag/drdb:stack: the cluster acted on is the model's.
iam::Conditions on_model_clusters(const Cluster& cluster);
// StringEquals aws:RequestTag/drdb:stack: RunJobFlow launches a cluster tagged as the model's.
iam::Conditions launching_model_cluster(const Cluster& cluster);

// Adds on_model_clusters to the statements that name every cluster (cluster/*) without a condition.
void scope_to_model_clusters(std::vector<iam::Statement>& statements, const Cluster& cluster);

}  // namespace drdb::aws::emr::detail
