// The cluster's roles, least privilege by default.
//
// Service role: AWS's AmazonEMRServicePolicy_v2. Its EC2 permissions (run instances, create network
// interfaces, manage security group rules...) are scoped by the tag for-use-with-amazon-emr-managed-
// policies=true, which drdb puts on the cluster's groups and subnet constructs (subnets it cannot
// tag are named in the role: cluster_network.cpp); a hand-written policy would have to track every
// EC2 call EMR makes as the service evolves. It lacks PassRole for the instances' role, added here
// for that one role.
//
// Job-flow (EC2 instance) role: nothing by default; grants add exactly what the cluster's logs,
// metastore and encryption keys need, and buckets grant to it (bucket.grant_read(cluster.job_flow_role())).
//
// Autoscaling role, only for custom automatic scaling policies: the actions of AWS's
// AmazonElasticMapReduceforAutoScalingRole, with the EMR actions limited to the clusters tagged as
// this model's (cluster_tag.hpp).
#include "aws/emr/checks.hpp"
#include "aws/emr/cluster_tag.hpp"
#include "aws/emr/metastore_settings.hpp"
#include "drdb/aws/emr/cluster.hpp"
#include "drdb/aws/emr/security_configuration.hpp"
#include "drdb/aws/iam/instance_profile.hpp"
#include "drdb/aws/iam/role.hpp"
#include "drdb/aws/s3/bucket.hpp"
#include "drdb/core/stack.hpp"

namespace drdb::aws::emr {

using iam::Principal;

void Cluster::create_roles() {
  job_flow_role_ = props_.roles.job_flow;
  if (job_flow_role_ == nullptr)
    job_flow_role_ = &add<iam::Role>("JobFlowRole", {.assumed_by = {Principal::service("ec2.amazonaws.com")},
                                                     .description = "EC2 instances of EMR cluster " + path()});
  instance_profile_ = &job_flow_role_->instance_profile();

  service_role_ = props_.roles.service;
  if (service_role_ == nullptr) {
    auto& role = add<iam::Role>(
        "ServiceRole", {.assumed_by = {Principal::service("elasticmapreduce.amazonaws.com")},
                        .description = "EMR service role of " + path(),
                        .managed_policy_arns = {iam::aws_managed_policy("service-role/AmazonEMRServicePolicy_v2")}});
    role.add_to_policy({.actions = {"iam:PassRole"},
                        .resources = {job_flow_role_->arn()},
                        .conditions = {{"StringLike", {{"iam:PassedToService", {Str("ec2.amazonaws.com*")}}}}}});
    authorize_subnets(role);
    service_role_ = own_service_role_ = &role;
  }

  autoscaling_role_ = props_.roles.autoscaling;
  if (autoscaling_role_ == nullptr && has_custom_autoscaling()) {
    auto& role = add<iam::Role>("AutoScalingRole", {.assumed_by = {Principal::service("application-autoscaling.amazonaws.com"),
                                                                   Principal::service("elasticmapreduce.amazonaws.com")},
                                                    .description = "EMR automatic scaling of " + path()});
    // DescribeAlarms has no resource-level permissions.
    role.add_to_policy({.actions = {"cloudwatch:DescribeAlarms"}, .resources = {Str("*")}});
    role.add_to_policy({.actions = {"elasticmapreduce:ListInstanceGroups", "elasticmapreduce:ModifyInstanceGroups"},
                        .resources = {pseudo::arn("elasticmapreduce", "cluster/*")},
                        .conditions = detail::on_model_clusters(*this)});
    autoscaling_role_ = &role;
  }
}

void Cluster::grant_job_flow_role() {
  auto& role = *job_flow_role_;
  if (props_.logs && props_.logs->bucket != nullptr) props_.logs->bucket->grant_put(role, props_.logs->prefix + "*");
  // The service role is extended only when the cluster created it; a supplied one is left as is.
  detail::grant_metastore(props_.metastore, role, own_service_role_);

  const auto* security = props_.security_configuration;
  if (security == nullptr) return;
  std::vector<Str> keys;
  for (const auto& key : security->kms_key_arns())
    if (!detail::is_blank(key)) keys.push_back(key);
  if (!keys.empty())
    role.add_to_policy({.actions = {"kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey",
                                    "kms:ReEncryptFrom", "kms:ReEncryptTo"},
                        .resources = keys});
  // EMR attaches encrypted EBS volumes with the service role, which needs a grant on the key.
  const auto& disk = security->props().local_disk_encryption;
  if (disk && disk->encrypt_ebs && own_service_role_ != nullptr && !detail::is_blank(disk->kms_key_arn))
    own_service_role_->add_to_policy({.actions = {"kms:CreateGrant", "kms:Decrypt", "kms:DescribeKey",
                                                 "kms:GenerateDataKeyWithoutPlaintext", "kms:ReEncryptFrom", "kms:ReEncryptTo"},
                                     .resources = {disk->kms_key_arn}});
}

}  // namespace drdb::aws::emr
