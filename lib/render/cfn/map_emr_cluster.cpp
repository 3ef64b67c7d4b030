#include "aws/emr/checks.hpp"
#include "drdb/aws/emr/security_configuration.hpp"
#include "drdb/aws/emr/key_pair.hpp"
#include "drdb/aws/iam/instance_profile.hpp"
#include "drdb/aws/iam/role.hpp"
#include "render/cfn/cfn_mapper.hpp"
#include "render/cfn/map_emr.hpp"

namespace drdb::render::cfn {

using C = emr::L1Cluster;

void CfnMapper::visit(const aws::emr::ClusterResource& resource) {
  const auto& cluster = resource.cluster();
  const auto& p = cluster.props();
  C r;
  r.name = cluster.cluster_name();
  r.release_label = p.release_label;
  ListOf<C::Application> applications;
  for (const auto& app : p.applications) {
    C::Application a;
    a.name = app.name;
    applications.push_back(a);
  }
  r.applications = std::move(applications);
  r.instances = emr::instances(cluster);
  r.job_flow_role = cluster.instance_profile().name();
  r.service_role = cluster.service_role().role_name();
  if (const auto* role = cluster.autoscaling_role()) r.auto_scaling_role = role->role_name();
  if (auto uri = cluster.log_uri()) r.log_uri = *uri;
  if (p.security_configuration != nullptr) r.security_configuration = p.security_configuration->name();
  r.visible_to_all_users = p.visible_to_all_users;

  const auto merged = cluster.configurations();
  if (!merged.classifications.empty()) r.configurations = emr::configurations(merged.classifications);

  if (!p.bootstrap_actions.empty()) {
    ListOf<C::BootstrapActionConfig> actions;
    for (const auto& b : p.bootstrap_actions) {
      C::ScriptBootstrapActionConfig script;
      script.path = b.script;
      if (!b.args.empty()) script.args = ListOf<Str>(b.args);
      C::BootstrapActionConfig action;
      action.name = b.name;
      action.script_bootstrap_action = script;
      actions.push_back(action);
    }
    r.bootstrap_actions = std::move(actions);
  }
  if (!p.steps.empty()) {
    ListOf<C::StepConfig> steps;
    for (const auto& s : p.steps) {
      C::HadoopJarStepConfig jar;
      jar.jar = s.jar;
      if (!s.args.empty()) jar.args = ListOf<Str>(s.args);
      if (!s.main_class.empty()) jar.main_class = s.main_class;
      if (!s.properties.empty()) {
        ListOf<C::KeyValue> props;
        for (const auto& [key, value] : s.properties) props.push_back({key, value});
        jar.step_properties = std::move(props);
      }
      C::StepConfig step;
      step.name = s.name;
      step.action_on_failure = aws::emr::action_on_failure_name(s.action_on_failure);
      step.hadoop_jar_step = jar;
      steps.push_back(step);
    }
    r.steps = std::move(steps);
  }

  if (p.managed_scaling) {
    const auto& m = *p.managed_scaling;
    C::ComputeLimits limits;
    limits.unit_type = aws::emr::capacity_unit_name(m.unit);
    limits.minimum_capacity_units = m.min_capacity;
    limits.maximum_capacity_units = m.max_capacity;
    if (m.max_on_demand_capacity) limits.maximum_on_demand_capacity_units = *m.max_on_demand_capacity;
    if (m.max_core_capacity) limits.maximum_core_capacity_units = *m.max_core_capacity;
    C::ManagedScalingPolicy policy;
    policy.compute_limits = limits;
    r.managed_scaling_policy = policy;
  }
  if (p.idle_timeout_seconds) {
    C::AutoTerminationPolicy policy;
    policy.idle_timeout = *p.idle_timeout_seconds;
    r.auto_termination_policy = policy;
  }
  if (p.step_concurrency) r.step_concurrency_level = *p.step_concurrency;
  if (!p.custom_ami_id.empty()) r.custom_ami_id = p.custom_ami_id;
  if (p.root_volume_size_gib) r.ebs_root_volume_size = *p.root_volume_size_gib;
  if (p.kerberos) {
    C::KerberosAttributes kerberos;
    kerberos.realm = p.kerberos->realm;
    kerberos.kdc_admin_password =
        aws::emr::detail::secrets_manager_dynamic_reference(p.kerberos->kdc_admin_password_secret_arn, p.kerberos->password_json_key);
    r.kerberos_attributes = kerberos;
  }

  const auto& out = emit(resource, r);
  bind_ref(resource, "Id", out);
  bind(resource, "MasterPublicDNS", out, "MasterPublicDNS");
}

}  // namespace drdb::render::cfn
