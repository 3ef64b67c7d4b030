// emr.Cluster in specs: its props (their parts in emr_*_codecs.cpp), placement in a VPC of the
// stack, and grants to the cluster's instances.
#include "drdb/aws/ec2/security_group.hpp"
#include "drdb/aws/ec2/vpc.hpp"
#include "drdb/aws/emr/security_configuration.hpp"
#include "drdb/aws/iam/instance_profile.hpp"
#include "drdb/aws/iam/role.hpp"
#include "spec/bucket_access.hpp"
#include "spec/ec2_codecs.hpp"
#include "spec/emr_codecs.hpp"
#include "spec/iam_codecs.hpp"
#include "spec/kind.hpp"
#include "spec/kind_names.hpp"

namespace drdb::spec {

using namespace aws::emr;

namespace {

// A subnet of a VPC of the stack, picked by kind and zone: {vpc: Net, type: private_with_egress, index: 0}.
struct SubnetSelector {
  const aws::ec2::IVpc* vpc = nullptr;
  aws::ec2::SubnetType type = aws::ec2::SubnetType::PrivateWithEgress;
  int index = 0;
};

}  // namespace

template <>
struct Fields<SubnetSelector> {
  static constexpr std::string_view name = "subnet";
  static const FieldList<SubnetSelector>& get() {
    static const FieldList<SubnetSelector> list{
        field("vpc", &SubnetSelector::vpc, "the ec2.Vpc", required),
        field("type", &SubnetSelector::type, "private_with_egress (default), isolated or public"),
        field("index", &SubnetSelector::index, "which of those subnets, in zone order (default 0)")};
    return list;
  }
};

// ClusterSubnet has no empty state of its own.
template <>
ClusterSubnet blank<ClusterSubnet>() {
  return ClusterSubnet(Str(""));
}

// A subnet picked from a VPC of the stack, or a subnet id (a string or a reference).
template <>
struct Codec<ClusterSubnet> {
  static bool read(const YAML::Node& n, ClusterSubnet& v, Context& c) {
    if (!n.IsMap() || !n["vpc"]) {
      Str id("");
      if (!detail::read_str(n, id, c)) return false;
      v = ClusterSubnet(std::move(id));
      return true;
    }
    SubnetSelector s;
    if (!Codec<SubnetSelector>::read(n, s, c)) return false;
    const auto subnets = s.vpc->subnets_of(s.type);
    if (s.index < 0 || static_cast<std::size_t>(s.index) >= subnets.size()) {
      c.error(n, "VPC \"" + n["vpc"].Scalar() + "\" has " + std::to_string(subnets.size()) + " " +
                     std::string(aws::ec2::describe(s.type)) + " subnets, so none has index " + std::to_string(s.index),
              subnets.empty() ? "pick a type of subnet the VPC has" : "use an index from 0 to " + std::to_string(subnets.size() - 1));
      return false;
    }
    v = ClusterSubnet(subnets[static_cast<std::size_t>(s.index)]);
    return true;
  }
  static Schema schema() { return {{"oneOf", {detail::str_schema(), Codec<SubnetSelector>::schema()}}}; }
};

template <>
struct EnumNames<Launch> {
  static constexpr std::pair<std::string_view, Launch> values[] = {{"with_stack", Launch::WithStack}, {"by_workflows", Launch::ByWorkflows}};
};

template <>
struct Fields<ClusterRoles> {
  static constexpr std::string_view name = "roles";
  static const FieldList<ClusterRoles>& get() {
    static const FieldList<ClusterRoles> list{
        field("service", &ClusterRoles::service, "an iam.Role EMR assumes; unset: created with least privilege"),
        field("job_flow", &ClusterRoles::job_flow, "the instances' iam.Role; unset: created"),
        field("autoscaling", &ClusterRoles::autoscaling, "for custom autoscaling policies; unset: created when needed")};
    return list;
  }
};

template <>
struct Fields<SshAccess> {
  static constexpr std::string_view name = "ssh";
  static const FieldList<SshAccess>& get() {
    static const FieldList<SshAccess> list{
        field("existing_key_name", &SshAccess::existing_key_name, "an EC2 key pair of the account"),
        field("create_key_pair", &SshAccess::create_key_pair, "create one with the cluster"),
        field("public_key", &SshAccess::public_key, "with create_key_pair: import this OpenSSH key; empty: CloudFormation generates one, Terraform reads a variable"),
        field("allowed_cidrs", &SshAccess::allowed_cidrs, "ingress on port 22 of the primary node")};
    return list;
  }
};

template <>
struct Fields<LogDestination> {
  static constexpr std::string_view name = "logs";
  static const FieldList<LogDestination>& get() {
    static const FieldList<LogDestination> list{field("bucket", &LogDestination::bucket, "the s3.Bucket", required),
                                                field("prefix", &LogDestination::prefix, "default emr-logs/")};
    return list;
  }
};

template <>
struct Fields<KerberosAttributes> {
  static constexpr std::string_view name = "kerberos";
  static const FieldList<KerberosAttributes>& get() {
    using K = KerberosAttributes;
    static const FieldList<K> list{
        field("realm", &K::realm, "default EC2.INTERNAL"),
        field("kdc_admin_password_secret_arn", &K::kdc_admin_password_secret_arn, "a Secrets Manager secret (CloudFormation only)", required),
        field("password_json_key", &K::password_json_key, "default password; empty: the whole secret string")};
    return list;
  }
};

template <>
struct Fields<Cluster::Props> {
  static constexpr std::string_view name = "emr.Cluster";
  static const FieldList<Cluster::Props>& get() {
    using P = Cluster::Props;
    static const FieldList<P> list{
        field("name", &P::name, "empty: the construct path"),
        field("release_label", &P::release_label, "e.g. emr-7.1.0", required),
        field("launch", &P::launch, "with_stack (default) or by_workflows (stepfunctions kinds launch it on demand)"),
        field("applications", &P::applications, "Spark, Hive, Livy..."),
        field("instances", &P::instances, "{groups: {...}} or {fleets: {...}}", required),
        field("vpc", &P::vpc, "the ec2.Vpc; its EMR-managed security groups are created there"),
        field("subnets", &P::subnets, "one for instance groups, several allowed for fleets"),
        field("additional_primary_security_groups", &P::additional_primary_security_groups, "group ids"),
        field("additional_core_security_groups", &P::additional_core_security_groups, "group ids"),
        field("allow_all_outbound", &P::allow_all_outbound, "default: HTTPS anywhere plus the cluster's own traffic"),
        field("ssh", &P::ssh, ""),
        field("roles", &P::roles, "roles of your own; each one unset is created with least privilege"),
        field("security_configuration", &P::security_configuration, "an emr.SecurityConfiguration"),
        field("kerberos", &P::kerberos, "with a Kerberos security configuration"),
        field("logs", &P::logs, "written by the instances to a bucket"),
        field("configurations", &P::configurations, "sources merged in order: later ones win"),
        field("metastore", &P::metastore, "unset: the cluster's local metastore"),
        field("managed_scaling", &P::managed_scaling, "instead of custom autoscaling policies"),
        field("idle_timeout_seconds", &P::idle_timeout_seconds, "terminate after this idle time (60-604800)"),
        field("keep_alive_when_no_steps", &P::keep_alive_when_no_steps, "false: terminate after the steps"),
        field("termination_protection", &P::termination_protection, ""),
        field("step_concurrency", &P::step_concurrency, "1-256, from emr-5.28.0"),
        field("custom_ami_id", &P::custom_ami_id, ""),
        field("root_volume_size_gib", &P::root_volume_size_gib, ""),
        field("visible_to_all_users", &P::visible_to_all_users, "default true"),
        field("bootstrap_actions", &P::bootstrap_actions, "scripts run on every node before the applications start"),
        field("steps", &P::steps, "run when the cluster starts")};
    return list;
  }
};

namespace {

// Access of the cluster's instances (its job-flow role) to a bucket's objects.
struct InstanceBucketGrant {
  const aws::s3::Bucket* bucket = nullptr;
  BucketGrantMethod access = &aws::s3::Bucket::grant_read;
  std::string keys = "*";
};

struct ClusterActions {
  std::vector<InstanceBucketGrant> bucket_grants;
  aws::iam::PolicyDocument job_flow_statements;
  std::vector<aws::iam::Role*> launched_by;
};

}  // namespace

template <>
struct Fields<InstanceBucketGrant> {
  static constexpr std::string_view name = "bucket grant";
  static const FieldList<InstanceBucketGrant>& get() {
    static const FieldList<InstanceBucketGrant> list{field("bucket", &InstanceBucketGrant::bucket, "the s3.Bucket", required),
                                                     field("access", &InstanceBucketGrant::access, "read, put or read_write", required),
                                                     field("keys", &InstanceBucketGrant::keys, "object key pattern, e.g. jobs/* (default *)")};
    return list;
  }
};

template <>
struct Fields<ClusterActions> {
  static constexpr std::string_view name = "emr.Cluster";
  static const FieldList<ClusterActions>& get() {
    static const FieldList<ClusterActions> list{
        field("bucket_grants", &ClusterActions::bucket_grants, "least-privilege access of the instances (job-flow role) to buckets"),
        field("job_flow_statements", &ClusterActions::job_flow_statements, "statements added to the job-flow role's policy"),
        field("launched_by", &ClusterActions::launched_by,
              "roles (or functions) that launch the cluster themselves: RunJobFlow and iam:PassRole on its roles")};
    return list;
  }
};

std::vector<Kind> emr_kinds() {
  return {make_kind<Cluster, ClusterActions>(
              "an EMR cluster: least-privilege roles, EMR-managed security groups, launched by the stack or by workflows",
              {{"cluster_id", [](const Cluster& c) { return c.cluster_id(); }},
               {"primary_public_dns", [](const Cluster& c) { return c.primary_public_dns(); }},
               {"cluster_name", [](const Cluster& c) { return Str(c.cluster_name()); }},
               {"job_flow_role_arn", [](const Cluster& c) { return c.job_flow_role().arn(); }},
               {"service_role_arn", [](const Cluster& c) { return c.service_role().arn(); }},
               {"instance_profile_name", [](const Cluster& c) { return c.instance_profile().name(); }},
               {"primary_security_group_id", [](const Cluster& c) { return c.primary_security_group().group_id(); }},
               {"core_security_group_id", [](const Cluster& c) { return c.core_security_group().group_id(); }},
               {"run_job_flow_json", [](const Cluster& c) { return c.run_job_flow_json(); }}},
              [](Cluster& cluster, const ClusterActions& a) {
                for (const auto& g : a.bucket_grants) (g.bucket->*g.access)(cluster.job_flow_role(), g.keys);
                for (const auto& s : a.job_flow_statements.statements()) cluster.job_flow_role().add_to_policy(s);
                for (auto* role : a.launched_by) cluster.grant_launch(*role);
              }),
          emr_security_configuration_kind(), emr_cluster_launcher_kind()};
}

}  // namespace drdb::spec
