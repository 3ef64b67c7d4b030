// Everything about a cluster that would otherwise fail at deploy time, or later.
#include <regex>
#include <set>

#include "aws/emr/checks.hpp"
#include "aws/emr/instances_check.hpp"
#include "aws/emr/metastore_settings.hpp"
#include "drdb/aws/ec2/cidr.hpp"
#include "drdb/aws/ec2/imported_vpc.hpp"
#include "drdb/aws/ec2/vpc.hpp"
#include "drdb/aws/emr/cluster.hpp"
#include "drdb/aws/emr/security_configuration.hpp"

namespace drdb::aws::emr {

namespace {

using detail::is_blank;

// Auto-termination and managed scaling: emr-5.30.0 and later, emr-6.1.0 and later in 6.x.
bool has_530_features(const Release& r) { return r >= Release{5, 30, 0} && !(r.x == 6 && r.y == 0); }

void validate_release_and_applications(const Cluster::Props& p, const std::optional<Release>& release,
                                       const std::string& path, Diagnostics& out) {
  if (p.release_label.empty())
    out.error(path, "the cluster has no release label", "set .release_label, e.g. \"emr-7.1.0\"");
  else if (!release)
    out.error(path, "release label \"" + p.release_label + "\" is not of the form emr-x.y.z", "e.g. \"emr-7.1.0\"");
  if (p.applications.empty())
    out.error(path, "the cluster installs no applications", "add some, e.g. {Application::spark(), Application::hive()}");
  std::set<std::string> seen;
  for (const auto& app : p.applications) {
    if (app.name.empty()) {
      out.error(path, "an application has an empty name", "use Application::spark()... or a name EMR knows");
      continue;
    }
    if (!seen.insert(app.name).second) out.error(path, "application " + app.name + " is listed twice", "list it once");
    if (release)
      if (auto reason = unavailable_reason(app, *release); !reason.empty())
        out.error(path, reason + "; the cluster uses " + release->label(), "change the release or the application");
  }
}

// Every subnet must be in the VPC the EMR-managed groups are created in, or EMR refuses to launch.
// Checked when known at synth time: subnet constructs by their VPC, literal ids against the ids the
// VPC lists (an imported VPC's; a VPC this app creates has no literal ids).
void validate_subnets_in_vpc(const Cluster::Props& p, const std::string& path, Diagnostics& out) {
  const auto& vpc = p.vpc->node();
  std::set<std::string> literal_ids;
  for (const auto type : {ec2::SubnetType::Public, ec2::SubnetType::PrivateWithEgress, ec2::SubnetType::Isolated})
    for (const auto& s : p.vpc->subnets_of(type))
      if (s.subnet_id.is_literal()) literal_ids.insert(s.subnet_id.value().as_string());
  const bool imported = dynamic_cast<const ec2::ImportedVpc*>(&vpc) != nullptr;
  for (const auto& subnet : p.subnets) {
    if (subnet.construct != nullptr) {
      const Construct& its_vpc = subnet.construct->vpc();
      if (&its_vpc != &vpc)
        out.error(path, "subnet " + subnet.construct->path() + " is in VPC " + its_vpc.path() + ", not in the cluster's VPC " + vpc.path(),
                  "place the cluster in a subnet of " + vpc.path() + ", or set .vpc to the subnet's VPC");
    } else if (subnet.id.is_literal() && literal_ids.count(subnet.id.value().as_string()) == 0) {
      out.error(path, "subnet \"" + subnet.id.value().as_string() + "\" is not a subnet of the cluster's VPC " + vpc.path(),
                imported ? "list it in the ImportedVpc's subnets (e.g. .private_subnets), or use one of them"
                         : "use one of its subnets, e.g. .subnets = {vpc.private_subnets()[0]}");
    }
  }
}

// Several subnets let EMR launch a fleet cluster in the zone that has capacity: a subnet listed twice,
// or subnets of this app all in one zone, leave it no choice of zone.
void validate_subnet_choice(const Cluster::Props& p, const std::string& path, Diagnostics& out) {
  if (p.subnets.size() < 2) return;
  bool one_zone = true;
  for (std::size_t i = 0; i < p.subnets.size(); ++i) {
    const auto* subnet = p.subnets[i].construct;
    const auto* first = p.subnets.front().construct;
    if (subnet == nullptr || first == nullptr || !(subnet->props().availability_zone.value() == first->props().availability_zone.value()))
      one_zone = false;
    for (std::size_t j = 0; j < i; ++j)
      if (p.subnets[j].id.value() == p.subnets[i].id.value())
        out.error(path, "subnet " + std::to_string(i + 1) + " repeats subnet " + std::to_string(j + 1), "list each subnet once");
  }
  if (one_zone)
    out.warning(path, "the cluster's " + std::to_string(p.subnets.size()) + " subnets are all in one availability zone",
                "list private subnets of different zones (e.g. vpc.private_subnets()), so EMR can launch in another zone");
}

void validate_network(const Cluster::Props& p, const std::string& path, Diagnostics& out) {
  if (p.vpc == nullptr)
    out.error(path, "the cluster has no VPC", "set .vpc = &vpc (a Vpc or an ImportedVpc: its security groups live there)");
  else
    validate_subnets_in_vpc(p, path, out);
  if (p.subnets.empty()) out.error(path, "the cluster has no subnet", "set .subnets = {private_subnet}");
  if (std::holds_alternative<InstanceGroups>(p.instances) && p.subnets.size() > 1)
    out.error(path, "instance groups launch in one subnet; " + std::to_string(p.subnets.size()) + " are given",
              "give one subnet, or use instance fleets to let EMR choose among several");
  validate_subnet_choice(p, path, out);
  if (p.additional_primary_security_groups.size() > 4 || p.additional_core_security_groups.size() > 4)
    out.error(path, "more than 4 additional security groups for one node type", "use at most 4");
  if (!p.ssh) return;
  const auto& ssh = *p.ssh;
  if (ssh.create_key_pair && !ssh.existing_key_name.empty())
    out.error(path, "ssh names an existing key and asks to create one", "set existing_key_name or create_key_pair, not both");
  if (!ssh.create_key_pair && ssh.existing_key_name.empty())
    out.error(path, "SSH access without a key pair", "set ssh.existing_key_name, or ssh.create_key_pair = true");
  if (ssh.allowed_cidrs.empty())
    out.warning(path, "a key pair without allowed_cidrs: nobody can reach port 22",
                "add the CIDRs that may connect (a bastion's, a VPN's), or use SSM Session Manager instead");
  for (const auto& cidr : ssh.allowed_cidrs)
    if (auto parsed = ec2::Ipv4Cidr::parse(cidr); parsed && parsed->prefix_length() == 0)
      out.error(path, "SSH is open to the whole internet (" + cidr + ")", "allow only the CIDRs that need it");
}

void validate_scaling(const Cluster::Props& p, bool custom_autoscaling, const std::optional<Release>& release,
                      const std::string& path, Diagnostics& out) {
  if (!p.managed_scaling) return;
  const auto& m = *p.managed_scaling;
  if (custom_autoscaling)
    out.error(path, "managed scaling and custom automatic scaling policies are mutually exclusive",
              "remove .managed_scaling or the groups' .autoscaling");
  if (release && !has_530_features(*release))
    out.error(path, "managed scaling needs emr-5.30.0 or later (not emr-6.0.x); the cluster uses " + release->label(),
              "use a later release");
  const bool fleets = std::holds_alternative<InstanceFleets>(p.instances);
  if (fleets && m.unit != CapacityUnit::InstanceFleetUnits)
    out.error(path, "managed scaling of instance fleets counts InstanceFleetUnits", "set .unit = CapacityUnit::InstanceFleetUnits");
  if (!fleets && m.unit == CapacityUnit::InstanceFleetUnits)
    out.error(path, "InstanceFleetUnits apply to instance fleets only", "use CapacityUnit::Instances or CapacityUnit::Vcpu");
  const auto limits = std::to_string(m.min_capacity) + "-" + std::to_string(m.max_capacity);
  if (m.min_capacity < 1) out.error(path, "managed scaling min (" + std::to_string(m.min_capacity) + ") is below 1", "use 1 or more");
  if (m.max_capacity < m.min_capacity)
    out.error(path, "managed scaling max (" + std::to_string(m.max_capacity) + ") < min (" + std::to_string(m.min_capacity) + ")",
              "raise max or lower min");
  if (m.max_on_demand_capacity && (*m.max_on_demand_capacity < 0 || *m.max_on_demand_capacity > m.max_capacity))
    out.error(path, "managed scaling On-Demand limit " + std::to_string(*m.max_on_demand_capacity) + " is outside 0-" +
                        std::to_string(m.max_capacity),
              "use at most the maximum capacity");
  if (m.max_core_capacity && (*m.max_core_capacity < 1 || *m.max_core_capacity > m.max_capacity))
    out.error(path, "managed scaling core limit " + std::to_string(*m.max_core_capacity) + " is outside 1-" +
                        std::to_string(m.max_capacity),
              "use at most the maximum capacity");
}

void validate_options(const Cluster::Props& p, const std::optional<Release>& release, const std::string& path,
                      Diagnostics& out) {
  if (p.name.size() > 256) out.error(path, "the cluster name is longer than 256 characters", "shorten .name");
  if (p.idle_timeout_seconds) {
    const int t = *p.idle_timeout_seconds;
    if (t < 60 || t > 604800)
      out.error(path, "idle timeout " + std::to_string(t) + " s is outside 60-604800 s", "use 1 minute to 7 days");
    if (release && !has_530_features(*release))
      out.error(path, "auto-termination needs emr-5.30.0 or later (not emr-6.0.x); the cluster uses " + release->label(),
                "use a later release or remove .idle_timeout_seconds");
  }
  if (p.step_concurrency) {
    if (*p.step_concurrency < 1 || *p.step_concurrency > 256)
      out.error(path, "step concurrency " + std::to_string(*p.step_concurrency) + " is outside 1-256", "use 1-256");
    if (release && *release < Release{5, 28, 0})
      out.error(path, "concurrent steps need emr-5.28.0 or later; the cluster uses " + release->label(),
                "use a later release or remove .step_concurrency");
  }
  if (!p.custom_ami_id.empty()) {
    static const std::regex ami("ami-[0-9a-f]{8,17}");
    if (!std::regex_match(p.custom_ami_id, ami))
      out.error(path, "custom AMI id \"" + p.custom_ami_id + "\" is not an AMI id", "use ami- and 8 or 17 hex digits");
    if (release && *release < Release{5, 7, 0})
      out.error(path, "custom AMIs need emr-5.7.0 or later", "use a later release");
  }
  if (p.root_volume_size_gib && (*p.root_volume_size_gib < 15 || *p.root_volume_size_gib > 100))
    out.error(path, "root volume size " + std::to_string(*p.root_volume_size_gib) + " GiB is outside 15-100 GiB",
              "use 15-100 GiB, and EBS data volumes for more space");
  if (p.logs) {
    if (p.logs->bucket == nullptr) out.error(path, "logs have no bucket", "set .logs = {.bucket = &bucket}");
    if (p.logs->prefix.starts_with("/"))
      out.error(path, "log prefix \"" + p.logs->prefix + "\" starts with '/'", "use a key prefix such as \"emr-logs/\"");
  }
}

void validate_work(const Cluster::Props& p, const std::string& path, Diagnostics& out) {
  if (p.bootstrap_actions.size() > 16)
    out.error(path, std::to_string(p.bootstrap_actions.size()) + " bootstrap actions", "use at most 16 (combine scripts)");
  for (std::size_t i = 0; i < p.bootstrap_actions.size(); ++i) {
    const auto& b = p.bootstrap_actions[i];
    const auto at = "bootstrap action " + std::to_string(i + 1);
    if (b.name.empty()) out.error(path, at + " has no name", "set .name");
    const auto script = detail::literal_text(b.script);
    if (is_blank(b.script) || (b.script.is_literal() && !script.starts_with("s3://") && !script.starts_with("file:/")))
      out.error(path, at + " script \"" + script + "\" is not an S3 URI", "use s3://bucket/path/script.sh");
  }
  std::set<std::string> apps;
  for (const auto& a : p.applications) apps.insert(a.name);
  for (std::size_t i = 0; i < p.steps.size(); ++i) {
    const auto& s = p.steps[i];
    const auto at = "step " + std::to_string(i + 1) + " (" + s.name + ")";
    if (s.name.empty() || s.name.size() > 256) out.error(path, at + " needs a name of 1-256 characters", "set .name");
    if (is_blank(s.jar)) out.error(path, at + " has no JAR", "use Step::spark(), Step::hive() or Step::custom_jar()");
    if (!s.needs_application.empty() && apps.count(s.needs_application) == 0)
      out.error(path, at + " runs on " + s.needs_application + ", which the cluster does not install",
                "add Application::" + std::string(s.needs_application == "Spark" ? "spark()" : "hive()"));
    // EMR refuses these actions once steps run concurrently (StepConfig.ActionOnFailure).
    if (p.step_concurrency.value_or(1) > 1 && s.action_on_failure != ActionOnFailure::Continue)
      out.error(path, at + " uses " + std::string(action_on_failure_name(s.action_on_failure)) + " with step concurrency " +
                          std::to_string(*p.step_concurrency),
                "use ActionOnFailure::Continue, or step concurrency 1");
  }
}

void validate_configurations(const Cluster& c, const std::string& path, Diagnostics& out) {
  for (const auto& source : c.props().configurations)
    for (const auto& classification : source.classifications())
      if (classification.name.empty() || classification.name.find(' ') != std::string::npos)
        out.error(path, "configurations \"" + source.source() + "\" has a classification named \"" + classification.name + "\"",
                  "use EMR's classification names, e.g. \"spark-defaults\"");
  for (const auto& conflict : c.configurations().conflicts) {
    const auto what = conflict.classification + " " + conflict.key + " set by \"" + conflict.earlier_source +
                      "\" is overridden by \"" + conflict.later_source + "\"";
    if (conflict.later_source == detail::metastore_source)
      out.error(path, what, "remove it from \"" + conflict.earlier_source + "\": the metastore choice sets it");
    else
      out.warning(path, what, "remove one of them if the override is not intended");
  }
}

void validate_security(const Cluster::Props& p, const std::optional<Release>& release, const std::string& path,
                       Diagnostics& out) {
  const auto* security = p.security_configuration;
  const bool kerberos = security != nullptr && security->props().kerberos.has_value();
  if (kerberos && !p.kerberos)
    out.error(path, "the security configuration enables Kerberos but the cluster has no Kerberos attributes",
              "set .kerberos = {.realm = ..., .kdc_admin_password_secret_arn = ...}");
  if (!kerberos && p.kerberos)
    out.error(path, "Kerberos attributes without a Kerberos security configuration",
              "enable kerberos in the security configuration, or remove .kerberos");
  if (p.kerberos && is_blank(p.kerberos->kdc_admin_password_secret_arn))
    out.error(path, "Kerberos needs the KDC admin password's secret", "set kerberos.kdc_admin_password_secret_arn");
  if (security != nullptr && security->props().local_disk_encryption &&
      security->props().local_disk_encryption->encrypt_ebs && release && *release < Release{5, 24, 0})
    out.error(path, "EBS encryption through a security configuration needs emr-5.24.0 or later", "use a later release");
  const auto* db = std::get_if<ExternalHive>(&p.metastore);
  if (db != nullptr && db->password_delivery == PasswordDelivery::EmrSecret && p.roles.service != nullptr)
    out.warning(path, "EMR reads the metastore password secret with the service role you supplied",
                "allow secretsmanager:GetSecretValue on the secret in that role");
}

}  // namespace

void Cluster::validate(Diagnostics& out) const {
  const auto& p = props_;
  const auto release = Release::parse(p.release_label);
  const auto where = path();
  validate_release_and_applications(p, release, where, out);
  if (const auto* groups = std::get_if<InstanceGroups>(&p.instances))
    detail::validate_instance_groups(*groups, release, where, out);
  else
    detail::validate_instance_fleets(std::get<InstanceFleets>(p.instances), where, out);
  validate_network(p, where, out);
  validate_scaling(p, has_custom_autoscaling(), release, where, out);
  validate_options(p, release, where, out);
  validate_work(p, where, out);
  validate_configurations(*this, where, out);
  detail::validate_metastore(p.metastore, p.applications, release, where, out);
  validate_security(p, release, where, out);
  if (launched_by_program_) (void)run_job_flow_parameters(out);  // what RunJobFlow cannot express
}

}  // namespace drdb::aws::emr
