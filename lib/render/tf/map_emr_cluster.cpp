// aws_emr_cluster, plus what the provider keeps in separate resources: task instance groups
// (aws_emr_instance_group), the task fleet (aws_emr_instance_fleet) and managed scaling
// (aws_emr_managed_scaling_policy).
#include "drdb/aws/ec2/security_group.hpp"
#include "drdb/aws/emr/security_configuration.hpp"
#include "drdb/aws/emr/key_pair.hpp"
#include "drdb/aws/iam/instance_profile.hpp"
#include "drdb/aws/iam/role.hpp"
#include "drdb/l1/tf/emr.hpp"
#include "render/tf/map_emr.hpp"
#include "render/tf/tf_mapper.hpp"

namespace drdb::render::tf {

namespace {

using namespace drdb::aws::emr;
using Cluster = drdb::l1::tf::aws_emr_cluster;

Str comma_separated(const std::vector<Str>& items) {
  List parts;
  for (const auto& s : items) parts.push_back(s.value());
  return Str(Join{",", std::move(parts)});
}

Cluster::Ec2Attributes ec2_attributes(const aws::emr::Cluster& cluster) {
  const auto& p = cluster.props();
  Cluster::Ec2Attributes ec2;
  ec2.instance_profile = cluster.instance_profile().arn();
  if (std::holds_alternative<InstanceGroups>(p.instances)) {
    if (!p.subnets.empty()) ec2.subnet_id = p.subnets.front().id;
  } else if (!p.subnets.empty()) {
    ec2.subnet_ids = ListOf<Str>(cluster.subnet_ids());
  }
  ec2.emr_managed_master_security_group = cluster.primary_security_group().group_id();
  ec2.emr_managed_slave_security_group = cluster.core_security_group().group_id();
  ec2.service_access_security_group = cluster.service_access_security_group().group_id();
  if (!p.additional_primary_security_groups.empty())
    ec2.additional_master_security_groups = comma_separated(p.additional_primary_security_groups);
  if (!p.additional_core_security_groups.empty())
    ec2.additional_slave_security_groups = comma_separated(p.additional_core_security_groups);
  if (auto key = cluster.key_name()) ec2.key_name = *key;
  return ec2;
}

ListOf<Cluster::Step> steps(const std::vector<Step>& in) {
  ListOf<Cluster::Step> out;
  for (const auto& s : in) {
    Cluster::Step::HadoopJarStep jar;
    jar.jar = s.jar;
    jar.args = ListOf<Str>(s.args);
    if (!s.main_class.empty()) jar.main_class = s.main_class;
    if (!s.properties.empty()) jar.properties = s.properties;
    Cluster::Step step;
    step.name = s.name;
    step.action_on_failure = action_on_failure_name(s.action_on_failure);
    step.hadoop_jar_step = ListOf<Cluster::Step::HadoopJarStep>{jar};
    out.push_back(std::move(step));
  }
  return out;
}

void check_expressible(const aws::emr::Cluster& cluster, const emr::Reporter& report) {
  const auto& p = cluster.props();
  if (const auto* db = std::get_if<ExternalHive>(&p.metastore);
      db != nullptr && db->password_delivery == PasswordDelivery::CloudFormationDynamicReference)
    report.error("the metastore password as a CloudFormation dynamic reference has no equivalent",
                 "use PasswordDelivery::EmrSecret (EMR resolves the secret; the password is in no file or state)");
  if (p.kerberos)
    report.error("the KDC admin password would have to be in the configuration or its state",
                 "synthesize CloudFormation for Kerberos clusters (the password stays a dynamic reference)");
}

}  // namespace

void TfMapper::visit(const aws::emr::ClusterResource& resource) {
  const auto& cluster = resource.cluster();
  const auto& p = cluster.props();
  const emr::Reporter report{diagnostics(), cluster.path()};
  check_expressible(cluster, report);

  Cluster r;
  r.name = cluster.cluster_name();
  r.release_label = p.release_label;
  ListOf<Str> applications;
  for (const auto& app : p.applications) applications.push_back(app.name);
  r.applications = std::move(applications);
  if (const auto merged = cluster.configurations(); !merged.classifications.empty())
    r.configurations_json = Str::of(json_string(configurations_api_value(merged.classifications)));

  const auto* groups = std::get_if<InstanceGroups>(&p.instances);
  const auto* fleets = std::get_if<InstanceFleets>(&p.instances);
  if (groups != nullptr) {
    r.master_instance_group = ListOf<Cluster::MasterInstanceGroup>{emr::instance_group<Cluster::MasterInstanceGroup>(groups->primary, "Primary", report)};
    if (groups->core)
      r.core_instance_group = ListOf<Cluster::CoreInstanceGroup>{emr::instance_group<Cluster::CoreInstanceGroup>(*groups->core, "Core", report)};
  } else {
    r.master_instance_fleet = ListOf<Cluster::MasterInstanceFleet>{emr::instance_fleet<Cluster::MasterInstanceFleet>(fleets->primary, "Primary", report)};
    if (fleets->core)
      r.core_instance_fleet = ListOf<Cluster::CoreInstanceFleet>{emr::instance_fleet<Cluster::CoreInstanceFleet>(*fleets->core, "Core", report)};
  }
  r.ec2_attributes = ListOf<Cluster::Ec2Attributes>{ec2_attributes(cluster)};
  r.service_role = cluster.service_role().arn();
  if (const auto* role = cluster.autoscaling_role()) r.autoscaling_role = role->arn();
  if (p.security_configuration != nullptr) r.security_configuration = p.security_configuration->name();
  if (auto uri = cluster.log_uri()) r.log_uri = *uri;
  if (!p.bootstrap_actions.empty()) {
    ListOf<Cluster::BootstrapAction> actions;
    for (const auto& b : p.bootstrap_actions) {
      Cluster::BootstrapAction a;
      a.name = b.name;
      a.path = b.script;
      if (!b.args.empty()) a.args = ListOf<Str>(b.args);
      actions.push_back(std::move(a));
    }
    r.bootstrap_action = std::move(actions);
  }
  if (!p.steps.empty()) r.step = steps(p.steps);
  if (p.idle_timeout_seconds) {
    Cluster::AutoTerminationPolicy policy;
    policy.idle_timeout = *p.idle_timeout_seconds;
    r.auto_termination_policy = ListOf<Cluster::AutoTerminationPolicy>{policy};
  }
  r.keep_job_flow_alive_when_no_steps = p.keep_alive_when_no_steps;
  r.termination_protection = p.termination_protection;
  if (p.step_concurrency) r.step_concurrency_level = *p.step_concurrency;
  if (!p.custom_ami_id.empty()) r.custom_ami_id = p.custom_ami_id;
  if (p.root_volume_size_gib) r.ebs_root_volume_size = *p.root_volume_size_gib;
  r.visible_to_all_users = p.visible_to_all_users;

  const auto& main = emit(resource, r);
  bind(resource, "Id", main, "id");
  bind(resource, "MasterPublicDNS", main, "master_public_dns");

  const Str cluster_id = cluster.cluster_id();
  if (groups != nullptr) {
    for (std::size_t i = 0; i < groups->task.size(); ++i) {
      const auto name = "Task" + std::to_string(i + 1);
      auto task = emr::instance_group<drdb::l1::tf::aws_emr_instance_group>(groups->task[i], name, report);
      task.cluster_id = cluster_id;
      emit(resource, task, secondary_name(resource, "task group " + std::to_string(i + 1)), false);
    }
  } else if (fleets->task) {
    auto task = emr::instance_fleet<drdb::l1::tf::aws_emr_instance_fleet>(*fleets->task, "Task", report);
    task.cluster_id = cluster_id;
    emit(resource, task, secondary_name(resource, "task fleet"), false);
  }
  if (p.managed_scaling) {
    using Policy = drdb::l1::tf::aws_emr_managed_scaling_policy;
    const auto& m = *p.managed_scaling;
    Policy::ComputeLimits limits;
    limits.unit_type = capacity_unit_name(m.unit);
    limits.minimum_capacity_units = m.min_capacity;
    limits.maximum_capacity_units = m.max_capacity;
    if (m.max_on_demand_capacity) limits.maximum_ondemand_capacity_units = *m.max_on_demand_capacity;
    if (m.max_core_capacity) limits.maximum_core_capacity_units = *m.max_core_capacity;
    Policy policy;
    policy.cluster_id = cluster_id;
    policy.compute_limits = ListOf<Policy::ComputeLimits>{limits};
    emit(resource, policy, secondary_name(resource, "managed scaling"), false);
  }
}

}  // namespace drdb::render::tf
