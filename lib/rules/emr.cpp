// EMR cluster rules: encryption, logs, placement, SSH, and termination.
#include "drdb/aws/ec2/ivpc.hpp"
#include "drdb/aws/ec2/vpc.hpp"
#include "drdb/aws/emr/cluster.hpp"
#include "drdb/aws/emr/security_configuration.hpp"
#include "rules/packs.hpp"

namespace drdb::rules {
namespace {

using aws::emr::Cluster;

const aws::emr::SecurityConfiguration::Props* security(const Cluster& c) {
  const auto* s = c.props().security_configuration;
  return s == nullptr ? nullptr : &s->props();
}

bool in_public_subnet(const Cluster::Props& p, const aws::emr::ClusterSubnet& subnet) {
  if (subnet.construct != nullptr) return subnet.construct->props().type == aws::ec2::SubnetType::Public;
  if (p.vpc == nullptr) return false;
  for (const auto& s : p.vpc->subnets_of(aws::ec2::SubnetType::Public))
    if (s.subnet_id == subnet.id) return true;
  return false;
}

std::string subnet_name(const aws::emr::ClusterSubnet& subnet) {
  if (subnet.construct != nullptr) return subnet.construct->path();
  return subnet.id.is_literal() ? subnet.id.value().as_string() : "(a subnet)";
}

}  // namespace

void register_emr_rules(Registry& r) {
  r.add<Cluster>({.id = "EMR.1", .level = Level::Error,
                  .rationale = "without a security configuration a cluster has no at-rest, local-disk or in-transit encryption",
                  .fix = "set security_configuration to an EMR security configuration (aws::emr::SecurityConfiguration; spec kind emr.SecurityConfiguration)"},
                 [](const Cluster& c, Context& ctx) {
                   if (security(c) == nullptr) ctx.fire(c, "the cluster has no security configuration");
                 });

  r.add<Cluster>({.id = "EMR.2", .level = Level::Error,
                  .rationale = "EMRFS data in S3 and the nodes' local disks (HDFS, shuffle, spill) hold the cluster's data at rest",
                  .fix = "set s3_encryption and local_disk_encryption (a KMS key) in the security configuration"},
                 [](const Cluster& c, Context& ctx) {
                   const auto* s = security(c);
                   if (s == nullptr) return;  // EMR.1
                   if (!s->s3_encryption) ctx.fire(c, "the security configuration does not encrypt EMRFS data at rest");
                   if (!s->local_disk_encryption) ctx.fire(c, "the security configuration does not encrypt local disks");
                 });

  r.add<Cluster>({.id = "EMR.3", .level = Level::Warning,
                  .rationale = "without a log URI the cluster's logs disappear with its instances",
                  .fix = "set logs.bucket to a log bucket of the stack"},
                 [](const Cluster& c, Context& ctx) {
                   if (!c.log_uri()) ctx.fire(c, "the cluster writes no logs to S3 (no log URI)");
                 });

  r.add<Cluster>({.id = "EMR.4", .level = Level::Warning,
                  .rationale = "traffic between nodes (shuffle, HDFS, Spark RPC) is readable on the network without TLS",
                  .fix = "set in_transit_encryption (a certificates zip in S3) in the security configuration"},
                 [](const Cluster& c, Context& ctx) {
                   const auto* s = security(c);
                   if (s != nullptr && !s->in_transit_encryption)
                     ctx.fire(c, "the security configuration does not encrypt traffic in transit");
                 });

  r.add<Cluster>({.id = "EMR.5", .level = Level::Error,
                  .rationale = "nodes in a public subnet are one security-group rule away from the internet",
                  .fix = "place the cluster in a private subnet (with a NAT gateway or VPC endpoints)"},
                 [](const Cluster& c, Context& ctx) {
                   for (const auto& subnet : c.props().subnets)
                     if (in_public_subnet(c.props(), subnet))
                       ctx.fire(c, "the cluster is in the public subnet " + subnet_name(subnet));
                 });

  r.add<Cluster>({.id = "EMR.6", .level = Level::Error,
                  .rationale = "SSH access without a key pair or Kerberos leaves the nodes' logins unauthenticated",
                  .fix = "set ssh.existing_key_name or ssh.create_key_pair, or use a Kerberos security configuration"},
                 [](const Cluster& c, Context& ctx) {
                   const auto& p = c.props();
                   const bool kerberos = security(c) != nullptr && security(c)->kerberos.has_value();
                   if (p.ssh && !c.key_name() && !kerberos)
                     ctx.fire(c, "SSH access is configured with neither a key pair nor Kerberos");
                 });

  r.add<Cluster>({.id = "EMR.7", .level = Level::Info,
                  .rationale = "a long-running cluster without termination protection can be terminated by one API call",
                  .fix = "set termination_protection = true, or idle_timeout_seconds for a cluster meant to end"},
                 [](const Cluster& c, Context& ctx) {
                   const auto& p = c.props();
                   if (p.keep_alive_when_no_steps && !p.idle_timeout_seconds && !p.termination_protection)
                     ctx.fire(c, "the cluster stays up without steps and has no termination protection");
                 });
}

}  // namespace drdb::rules
