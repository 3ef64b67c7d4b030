#include "drdb/aws/emr/cluster.hpp"

#include <algorithm>
#include <utility>

#include "aws/emr/checks.hpp"
#include "aws/emr/cluster_tag.hpp"
#include "aws/emr/metastore_settings.hpp"
#include "drdb/aws/ec2/vpc.hpp"
#include "drdb/aws/emr/key_pair.hpp"
#include "drdb/aws/iam/instance_profile.hpp"
#include "drdb/aws/s3/bucket.hpp"
#include "drdb/core/error.hpp"
#include "drdb/core/logical_id.hpp"
#include "drdb/core/stack.hpp"
#include "core/resource_visitor.hpp"

namespace drdb::aws::emr {

namespace {

// The subnet construct `id` refers to (subnet.subnet_id()), if any. The tree hands out its nodes
// mutable through their parent, which is how the cluster can tag a subnet it was given by id.
ec2::Subnet* subnet_construct(const Str& id) {
  if (!id.value().is_expression()) return nullptr;
  const auto* ref = std::get_if<AttrRef>(&id.value().as_expression());
  if (ref == nullptr || ref->target == nullptr || ref->attribute != "Id" || ref->target->scope() == nullptr) return nullptr;
  return dynamic_cast<ec2::Subnet*>(ref->target->scope()->find_child(ref->target->id()));
}

}  // namespace

ClusterSubnet::ClusterSubnet(Str subnet_id) : id(std::move(subnet_id)), construct(subnet_construct(id)) {}
ClusterSubnet::ClusterSubnet(ec2::Subnet& subnet) : id(subnet.subnet_id()), construct(&subnet) {}

Cluster::Cluster(const Scope& scope, Props props) : Construct(scope), props_(std::move(props)) {
  if (props_.launch == Launch::WithStack) {
    resource_ = &add<ClusterResource>("Resource");
    resource_->tag(std::string(detail::cluster_tag_key), detail::cluster_tag_value(*this));  // RunJobFlow adds it too
  }
  create_security_groups();
  create_roles();
  grant_job_flow_role();
  create_key_pair();
}

std::string Cluster::cluster_name() const { return props_.name.empty() ? path() : props_.name; }

MergedConfigurations Cluster::configurations() const {
  auto sources = props_.configurations;
  sources.push_back(detail::metastore_configurations(props_.metastore, props_.applications));
  return merge(sources);
}

Value Cluster::configurations_api_value() const { return emr::configurations_api_value(configurations().classifications); }

bool Cluster::has_custom_autoscaling() const {
  const auto* groups = std::get_if<InstanceGroups>(&props_.instances);
  if (groups == nullptr) return false;
  return (groups->core && groups->core->autoscaling) ||
         std::any_of(groups->task.begin(), groups->task.end(), [](const InstanceGroup& g) { return g.autoscaling.has_value(); });
}

std::optional<Str> Cluster::log_uri() const {
  if (!props_.logs || props_.logs->bucket == nullptr) return std::nullopt;
  return Str("s3://") + props_.logs->bucket->bucket_name() + "/" + props_.logs->prefix;
}

std::vector<Str> Cluster::subnet_ids() const {
  std::vector<Str> out;
  for (const auto& s : props_.subnets) out.push_back(s.id);
  return out;
}

std::optional<Str> Cluster::key_name() const {
  if (key_pair_ != nullptr) return key_pair_->key_name();
  if (props_.ssh && !props_.ssh->existing_key_name.empty()) return Str(props_.ssh->existing_key_name);
  return std::nullopt;
}

const ClusterResource& Cluster::resource() const {
  if (resource_ == nullptr)
    throw Error(ErrorKind::Usage, path() + ": the cluster is launched by workflows, so the stack has no cluster resource; refer to "
                "it by name (cluster_name()), or set launch = Launch::WithStack");
  return *resource_;
}
ClusterResource& Cluster::resource() { return const_cast<ClusterResource&>(std::as_const(*this).resource()); }

Str Cluster::cluster_id() const { return resource().attr("Id"); }
Str Cluster::primary_public_dns() const { return resource().attr("MasterPublicDNS"); }

void Cluster::create_key_pair() {
  if (!props_.ssh || !props_.ssh->create_key_pair) return;
  auto& key = add<KeyPair>("KeyPair", {.key_name = pseudo::stack_name() + "-" + logical_id(*this),
                                       .public_key = props_.ssh->public_key});
  key_pair_ = &key;
  if (props_.ssh->public_key.empty())
    stack().add<Output>(logical_id(*this) + "PrivateKeyParameter",
                        {.value = key.private_key_parameter().value(),
                         .description = "SSM parameter holding the private SSH key of " + path() +
                                        " (CloudFormation; Terraform imports the operator's public key and stores none)"});
}

void ClusterResource::accept(ResourceVisitor& v) const { v.visit(*this); }

}  // namespace drdb::aws::emr
