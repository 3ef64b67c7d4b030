// An EMR cluster, typed and validated: release, applications, instance groups or fleets, network
// placement with EMR-managed security groups, least-privilege roles, configurations, metastore,
// scaling, steps and bootstrap actions.
//
// One description, three outputs: AWS::EMR::Cluster, aws_emr_cluster, and the parameters of EMR's
// RunJobFlow API (run_job_flow_parameters) for launching the same cluster from Step Functions.
//
// The construct creates, as children: the cluster resource ("Resource"), its three EMR-managed
// security groups, the roles it is not given (service, job-flow, autoscaling when a group has a
// custom policy) and, on request, a key pair; the job-flow role gets its instance profile. A key
// pair CloudFormation generates also adds an Output to the stack: the SSM parameter of its private key.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "drdb/aws/ec2/ivpc.hpp"
#include "drdb/aws/emr/application.hpp"
#include "drdb/aws/emr/configuration.hpp"
#include "drdb/aws/emr/instance_fleet.hpp"
#include "drdb/aws/emr/instance_group.hpp"
#include "drdb/aws/emr/metastore.hpp"
#include "drdb/aws/emr/scaling.hpp"
#include "drdb/aws/emr/step.hpp"
#include "drdb/aws/iam/policy.hpp"
#include "drdb/core/resource.hpp"

namespace drdb::aws::ec2 {
class SecurityGroup;
class Subnet;
}  // namespace drdb::aws::ec2
namespace drdb::aws::iam {
class InstanceProfile;
class Role;
}  // namespace drdb::aws::iam
namespace drdb::aws::s3 {
class Bucket;
}

namespace drdb::aws::emr {

class ClusterResource;
class KeyPair;
class SecurityConfiguration;

// A subnet of the cluster's VPC: a subnet construct, a SubnetRef (vpc.private_subnets()[0], for
// owned and imported VPCs alike) or an id. An id referring to a subnet construct of this app
// (subnet.subnet_id()) finds that construct.
//
// EMR's v2 service policy acts only on subnets tagged for-use-with-amazon-emr-managed-policies=true.
// When the cluster creates its service role, it tags the subnets this app creates; a subnet it
// cannot tag (imported, or an id) is named in the service role instead, for exactly the EC2 calls
// the policy would otherwise allow on tagged subnets.
struct ClusterSubnet {
  Str id;
  ec2::Subnet* construct = nullptr;
  ClusterSubnet(Str subnet_id);
  ClusterSubnet(const char* subnet_id) : ClusterSubnet(Str(subnet_id)) {}
  ClusterSubnet(const ec2::SubnetRef& subnet) : ClusterSubnet(subnet.subnet_id) {}
  ClusterSubnet(ec2::Subnet& subnet);
};

// Roles given by the user; each one left null is created with least privilege.
struct ClusterRoles {
  const iam::Role* service = nullptr;
  iam::Role* job_flow = nullptr;  // the EC2 instances' role; grants (logs, Glue...) are added to it
  const iam::Role* autoscaling = nullptr;
};

// An EC2 key pair for SSH: an existing one by name, or one created with the cluster.
struct SshAccess {
  std::string existing_key_name;
  bool create_key_pair = false;
  // With create_key_pair: import this key. Empty: CloudFormation generates the key (private key in
  // SSM at /ec2/keypair/<id>); Terraform reads the public key from a variable (see KeyPair).
  std::string public_key;
  std::vector<std::string> allowed_cidrs;  // ingress on port 22 of the primary node
};

// Cluster logs: written by the instances under `prefix` of `bucket` (the job-flow role may put there).
struct LogDestination {
  const s3::Bucket* bucket = nullptr;
  std::string prefix = "emr-logs/";
};

// Realm and KDC admin password of a cluster whose security configuration enables Kerberos. The
// password is a CloudFormation dynamic reference to a Secrets Manager secret (CloudFormation only).
struct KerberosAttributes {
  std::string realm = "EC2.INTERNAL";
  Str kdc_admin_password_secret_arn = "";
  std::string password_json_key = "password";  // empty: the whole secret string
};

using Instances = std::variant<InstanceGroups, InstanceFleets>;

// Who launches the cluster.
//  - WithStack: the stack deploys the cluster itself (AWS::EMR::Cluster / aws_emr_cluster).
//  - ByWorkflows: the stack deploys everything the cluster needs (roles, instance profile, security
//    groups, security configuration, buckets) but no cluster; Step Functions workflows
//    (EnsureClusterRunStep, ClusterLifecycle) launch it on demand from run_job_flow_parameters(), so
//    no idle cluster outlives the work and a stack update never replaces a running one.
enum class Launch { WithStack, ByWorkflows };

class Cluster : public Construct {
 public:
  struct Props {
    std::string name;           // empty: the construct path
    std::string release_label;  // required: "emr-7.1.0"
    Launch launch = Launch::WithStack;
    std::vector<Application> applications;
    Instances instances;

    // Network: private subnets of `vpc` (a Vpc of this app or an ImportedVpc); one subnet for
    // instance groups, several allowed for fleets. The EMR-managed groups are created in `vpc`.
    const ec2::IVpc* vpc = nullptr;
    std::vector<ClusterSubnet> subnets;
    std::vector<Str> additional_primary_security_groups;
    std::vector<Str> additional_core_security_groups;
    // Egress of the primary and core/task groups: HTTPS anywhere (AWS APIs through a NAT gateway or
    // endpoints) plus the cluster's own traffic; true opens all outbound traffic.
    bool allow_all_outbound = false;
    std::optional<SshAccess> ssh;

    ClusterRoles roles;
    const SecurityConfiguration* security_configuration = nullptr;
    std::optional<KerberosAttributes> kerberos;  // with a Kerberos security configuration
    std::optional<LogDestination> logs;

    std::vector<Configurations> configurations;  // merged in order: later sources win
    Metastore metastore;                          // default: the cluster's local metastore

    std::optional<ManagedScaling> managed_scaling;
    std::optional<int> idle_timeout_seconds;  // auto-termination after this idle time (60-604800)
    bool keep_alive_when_no_steps = true;     // false: a transient cluster, terminated after its steps
    bool termination_protection = false;
    std::optional<int> step_concurrency;      // 1-256, from emr-5.28.0
    std::string custom_ami_id;
    std::optional<int> root_volume_size_gib;
    bool visible_to_all_users = true;

    std::vector<BootstrapAction> bootstrap_actions;
    std::vector<Step> steps;
  };

  Cluster(const Scope& scope, Props props);

  const Props& props() const { return props_; }

  // ---- the parts every output is built from ---------------------------------------------------
  std::string cluster_name() const;
  // User configurations merged, with the metastore's settings last.
  MergedConfigurations configurations() const;
  // The configurations in EMR's API shape (RunJobFlow, Terraform's configurations_json).
  Value configurations_api_value() const;
  bool has_custom_autoscaling() const;
  // s3://<log bucket>/<prefix>, when logs are written.
  std::optional<Str> log_uri() const;
  std::vector<Str> subnet_ids() const;

  // ---- children -------------------------------------------------------------------------------
  bool launched_with_stack() const { return resource_ != nullptr; }
  // The cluster resource; throws drdb::Error for a cluster launched by workflows (it has none).
  const ClusterResource& resource() const;
  ClusterResource& resource();
  ec2::SecurityGroup& primary_security_group() const { return *primary_sg_; }
  ec2::SecurityGroup& core_security_group() const { return *core_sg_; }
  ec2::SecurityGroup& service_access_security_group() const { return *service_sg_; }
  const iam::Role& service_role() const { return *service_role_; }
  iam::Role& job_flow_role() const { return *job_flow_role_; }
  const iam::InstanceProfile& instance_profile() const { return *instance_profile_; }
  const iam::Role* autoscaling_role() const { return autoscaling_role_; }
  const KeyPair* key_pair() const { return key_pair_; }
  // The key name instances get (existing or created), if any.
  std::optional<Str> key_name() const;

  // Attributes of the cluster the stack launches; throw drdb::Error for one launched by workflows.
  Str cluster_id() const;
  Str primary_public_dns() const;

  // The same cluster as the parameters of EMR's RunJobFlow API (a Step Functions createCluster
  // task's Parameters). What RunJobFlow cannot express is reported to `out`.
  Value run_job_flow_parameters(Diagnostics& out) const;
  // Those parameters as JSON text, for a program that launches the cluster itself (e.g. a Lambda
  // function's environment: boto3's run_job_flow(**json.loads(...))). What RunJobFlow cannot
  // express is then reported by the cluster's validation.
  Str run_job_flow_json() const;
  // What launching it takes: RunJobFlow (no resource-level permission), DescribeCluster and
  // TerminateJobFlows on the account's clusters, and iam:PassRole on exactly the cluster's roles.
  std::vector<iam::Statement> launch_statements() const;
  void grant_launch(iam::Role& role) const;

  void validate(Diagnostics& out) const override;

 private:
  void create_security_groups();
  void create_roles();
  void grant_job_flow_role();
  void create_key_pair();
  void authorize_subnets(iam::Role& service_role);

  Props props_;
  ClusterResource* resource_ = nullptr;
  ec2::SecurityGroup* primary_sg_ = nullptr;
  ec2::SecurityGroup* core_sg_ = nullptr;
  ec2::SecurityGroup* service_sg_ = nullptr;
  const iam::Role* service_role_ = nullptr;
  iam::Role* own_service_role_ = nullptr;  // the service role when the cluster created it
  iam::Role* job_flow_role_ = nullptr;
  const iam::InstanceProfile* instance_profile_ = nullptr;
  const iam::Role* autoscaling_role_ = nullptr;
  const KeyPair* key_pair_ = nullptr;
  mutable bool launched_by_program_ = false;  // run_job_flow_json() was used
};

// The AWS::EMR::Cluster / aws_emr_cluster itself (child "Resource" of its Cluster). It depends on
// the cluster's security groups with all their rules, so EMR never finds a rule missing and the
// stack never adds a rule EMR already added.
class ClusterResource : public Resource {
 public:
  using Props = Construct::Props;
  ClusterResource(const Scope& scope, Props) : Resource(scope) {}

  const Cluster& cluster() const { return dynamic_cast<const Cluster&>(*scope()); }

  void accept(ResourceVisitor& v) const override;
};

}  // namespace drdb::aws::emr
