// The cluster's EMR-managed security groups and their rules.
//
// EMR adds the inbound rules it needs to its managed groups when a cluster starts (primary ↔ core
// all traffic, 8443 from the service-access group, 9443 from the primary group) and re-adds them
// when removed; emitting them too fails with InvalidPermission.Duplicate. drdb emits the rest: the
// egress of each group (EMR does not add egress, and drdb's groups allow none by default), SSH
// when asked for, and the metastore database's port. The cluster resource depends on every rule,
// so they exist before EMR looks. The groups are created in the cluster's VPC, owned or imported.
#include "drdb/aws/ec2/cidr.hpp"
#include "drdb/aws/ec2/security_group.hpp"
#include "drdb/aws/ec2/vpc.hpp"
#include "drdb/aws/emr/cluster.hpp"
#include "drdb/aws/iam/role.hpp"
#include "drdb/core/stack.hpp"

namespace drdb::aws::emr {

using ec2::Peer;
using ec2::Port;

namespace {

// Required on every resource EMR's v2 service policy (AmazonEMRServicePolicy_v2) may act on.
constexpr const char* v2_policy_tag = "for-use-with-amazon-emr-managed-policies";

}  // namespace

void Cluster::create_security_groups() {
  auto make = [&](std::string id, std::string description, bool all_outbound) -> ec2::SecurityGroup& {
    auto& g = add<ec2::SecurityGroup>(std::move(id), {.description = std::move(description),
                                                      .vpc = props_.vpc,
                                                      .allow_all_outbound = all_outbound,
                                                      // EMR's own rules make the groups reference each
                                                      // other (terraform-provider-aws#1454).
                                                      .revoke_rules_on_delete = true});
    g.tag(v2_policy_tag, "true");
    if (resource_ != nullptr) resource_->add_dependency(g);
    return g;
  };
  primary_sg_ = &make("PrimarySecurityGroup", "EMR primary node", props_.allow_all_outbound);
  core_sg_ = &make("CoreSecurityGroup", "EMR core and task nodes", props_.allow_all_outbound);
  service_sg_ = &make("ServiceAccessSecurityGroup", "EMR service access", false);

  if (!props_.allow_all_outbound) {
    for (auto* from : {primary_sg_, core_sg_}) {
      for (auto* to : {primary_sg_, core_sg_})
        from->add_egress(Peer::security_group(*to), Port::all_traffic(), "EMR nodes to each other");
      from->add_egress(Peer::any_ipv4(), Port::tcp(443), "AWS APIs (S3, EMR, Glue...) over HTTPS");
    }
    primary_sg_->add_egress(Peer::security_group(*service_sg_), Port::tcp(9443), "EMR cluster manager");
  }
  for (auto* to : {primary_sg_, core_sg_})
    service_sg_->add_egress(Peer::security_group(*to), Port::tcp(8443), "EMR service to the cluster");

  if (props_.ssh)
    for (const auto& cidr : props_.ssh->allowed_cidrs) primary_sg_->add_ingress(Peer::ipv4(cidr), Port::tcp(22), "SSH");

  if (const auto* db = std::get_if<ExternalHive>(&props_.metastore); db != nullptr && db->database_security_group != nullptr) {
    db->database_security_group->allow_from(*primary_sg_, Port::tcp(db->port), "Hive metastore");
    if (resource_ != nullptr) resource_->add_dependency(*db->database_security_group);
  }
}

// The created service role uses the v2 policy, which launches instances only in tagged subnets. A
// subnet this app creates gets the tag; one it cannot tag (an imported VPC's, or a plain id) is
// named in the role for the same EC2 calls, so the network's owner need not tag it. The account
// part stays open: a VPC shared through AWS RAM belongs to another account.
void Cluster::authorize_subnets(iam::Role& service_role) {
  std::vector<Str> untagged;
  for (auto& subnet : props_.subnets) {
    if (subnet.construct != nullptr)
      subnet.construct->tag(v2_policy_tag, "true");
    else
      untagged.push_back(Str("arn:") + pseudo::partition() + ":ec2:" + pseudo::region() + ":*:subnet/" + subnet.id);
  }
  if (untagged.empty()) return;
  service_role.add_to_policy({.actions = {"ec2:CreateFleet", "ec2:CreateLaunchTemplate", "ec2:CreateLaunchTemplateVersion",
                                          "ec2:CreateNetworkInterface", "ec2:RunInstances"},
                              .resources = std::move(untagged)});
}

}  // namespace drdb::aws::emr
