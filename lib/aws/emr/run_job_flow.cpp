// The cluster as the parameters of EMR's RunJobFlow API, built from the same parts as the
// CloudFormation and Terraform mappings.
#include "aws/emr/cluster_tag.hpp"
#include "drdb/aws/ec2/security_group.hpp"
#include "drdb/aws/emr/cluster.hpp"
#include "drdb/aws/emr/security_configuration.hpp"
#include "drdb/aws/emr/key_pair.hpp"
#include "drdb/aws/iam/instance_profile.hpp"
#include "drdb/aws/iam/role.hpp"

namespace drdb::aws::emr {

namespace {

Value str_list(const std::vector<Str>& items) {
  List out;
  for (const auto& s : items) out.push_back(s.value());
  return Value(std::move(out));
}

template <class T>
Value api_list(const std::vector<T>& items) {
  List out;
  for (const auto& item : items) out.push_back(item.api_value());
  return Value(std::move(out));
}

Value instances(const Cluster& c) {
  const auto& p = c.props();
  Object out{{"EmrManagedMasterSecurityGroup", c.primary_security_group().group_id().value()},
             {"EmrManagedSlaveSecurityGroup", c.core_security_group().group_id().value()},
             {"KeepJobFlowAliveWhenNoSteps", p.keep_alive_when_no_steps},
             {"ServiceAccessSecurityGroup", c.service_access_security_group().group_id().value()},
             {"TerminationProtected", p.termination_protection}};
  if (const auto* groups = std::get_if<InstanceGroups>(&p.instances)) {
    List list{groups->primary.api_value("MASTER", "Primary")};
    if (groups->core) list.push_back(groups->core->api_value("CORE", "Core"));
    for (std::size_t i = 0; i < groups->task.size(); ++i)
      list.push_back(groups->task[i].api_value("TASK", "Task" + std::to_string(i + 1)));
    out.emplace("InstanceGroups", Value(std::move(list)));
    if (!p.subnets.empty()) out.emplace("Ec2SubnetId", p.subnets.front().id.value());
  } else {
    const auto& fleets = std::get<InstanceFleets>(p.instances);
    List list{fleets.primary.api_value("MASTER", "Primary")};
    if (fleets.core) list.push_back(fleets.core->api_value("CORE", "Core"));
    if (fleets.task) list.push_back(fleets.task->api_value("TASK", "Task"));
    out.emplace("InstanceFleets", Value(std::move(list)));
    if (!p.subnets.empty()) out.emplace("Ec2SubnetIds", str_list(c.subnet_ids()));
  }
  if (auto key = c.key_name()) out.emplace("Ec2KeyName", key->value());
  if (!p.additional_primary_security_groups.empty())
    out.emplace("AdditionalMasterSecurityGroups", str_list(p.additional_primary_security_groups));
  if (!p.additional_core_security_groups.empty())
    out.emplace("AdditionalSlaveSecurityGroups", str_list(p.additional_core_security_groups));
  return Value(std::move(out));
}

}  // namespace

Value Cluster::run_job_flow_parameters(Diagnostics& out) const {
  const auto& p = props_;
  if (const auto* db = std::get_if<ExternalHive>(&p.metastore);
      db != nullptr && db->password_delivery == PasswordDelivery::CloudFormationDynamicReference)
    out.error(path(), "RunJobFlow parameters cannot carry the metastore password as a CloudFormation dynamic reference "
                      "(CloudFormation would write the password into the caller's definition)",
              "use PasswordDelivery::EmrSecret with a plaintext secret");
  if (p.kerberos)
    out.error(path(), "RunJobFlow parameters would carry the KDC admin password in plaintext",
              "launch Kerberos clusters with CloudFormation, or without Kerberos");

  List applications;
  for (const auto& app : p.applications) applications.push_back(Value::object({{"Name", app.name}}));
  Object params{{"Applications", Value(std::move(applications))},
                {"Instances", instances(*this)},
                {"JobFlowRole", instance_profile().name().value()},
                {"Name", cluster_name()},
                {"ReleaseLabel", p.release_label},
                {"ServiceRole", service_role().role_name().value()},
                {"VisibleToAllUsers", p.visible_to_all_users}};
  if (auto configurations = configurations_api_value(); !configurations.as_list().empty())
    params.emplace("Configurations", std::move(configurations));
  if (!p.steps.empty()) params.emplace("Steps", api_list(p.steps));
  if (!p.bootstrap_actions.empty()) params.emplace("BootstrapActions", api_list(p.bootstrap_actions));
  if (autoscaling_role_ != nullptr) params.emplace("AutoScalingRole", autoscaling_role_->role_name().value());
  if (auto uri = log_uri()) params.emplace("LogUri", uri->value());
  if (p.security_configuration != nullptr) params.emplace("SecurityConfiguration", p.security_configuration->name().value());
  if (p.managed_scaling) params.emplace("ManagedScalingPolicy", p.managed_scaling->api_value());
  if (p.idle_timeout_seconds)
    params.emplace("AutoTerminationPolicy", Value::object({{"IdleTimeout", *p.idle_timeout_seconds}}));
  if (p.step_concurrency) params.emplace("StepConcurrencyLevel", *p.step_concurrency);
  if (!p.custom_ami_id.empty()) params.emplace("CustomAmiId", p.custom_ami_id);
  if (p.root_volume_size_gib) params.emplace("EbsRootVolumeSize", *p.root_volume_size_gib);
  auto tag_map = effective_tags(resource_ != nullptr ? static_cast<const Construct&>(*resource_) : *this);
  tag_map.insert_or_assign(std::string(detail::cluster_tag_key), detail::cluster_tag_value(*this));  // the launch statements require it
  List tags;
  for (const auto& [key, value] : tag_map) tags.push_back(Value::object({{"Key", key}, {"Value", value}}));
  if (!tags.empty()) params.emplace("Tags", Value(std::move(tags)));
  return Value(std::move(params));
}

}  // namespace drdb::aws::emr
