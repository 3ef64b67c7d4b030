#include "network/network.hpp"

namespace drdb::examples::network {

using namespace aws::ec2;

Vpc& add_vpc(Construct& scope) {
  // Two zones; EMR in private subnets with NAT egress per zone, the metastore database isolated.
  return scope.add<Vpc>("Vpc", {.cidr = "10.30.0.0/16",
                                .max_azs = 2,
                                .subnet_groups = {{.name = "Public", .type = SubnetType::Public, .mask = 24},
                                                  {.name = "Emr", .type = SubnetType::PrivateWithEgress, .mask = 19},
                                                  {.name = "Database", .type = SubnetType::Isolated, .mask = 24}},
                                .nat_gateways = NatGateways::PerAz,
                                .gateway_endpoints = {EndpointService::s3(), EndpointService::dynamodb()},
                                .interface_endpoints = {EndpointService::secrets_manager(), EndpointService::sts(),
                                                        EndpointService::glue()},
                                .flow_logs = FlowLog::Props{}});
}

Vpc& add_compact_vpc(Construct& scope, std::string cidr) {
  return scope.add<Vpc>("Vpc", {.cidr = std::move(cidr),
                                .max_azs = 2,
                                .subnet_groups = {{.name = "Public", .type = SubnetType::Public, .mask = 24},
                                                  {.name = "Emr", .type = SubnetType::PrivateWithEgress, .mask = 20}},
                                .nat_gateways = NatGateways::One,
                                .gateway_endpoints = {EndpointService::s3(), EndpointService::dynamodb()},
                                .flow_logs = FlowLog::Props{}});
}

void build(App& app) {
  auto& stack = app.add<Stack>("Network", {.description = "drdb example: VPC, EMR security groups, Hive metastore access, buckets",
                                           .region = "us-east-1"});
  stack.tag("project", "drdb-example");

  auto& vpc = add_vpc(stack);

  // EMR's security-group topology for private subnets. EMR adds the rules between its own groups
  // (primary ↔ core/task, 8443 from the service-access group) and re-adds them if removed, so they
  // are not declared here; what EMR requires of us is 9443 from the primary group to the
  // service-access group.
  auto& master = stack.add<SecurityGroup>("EmrPrimary", {.description = "EMR primary node", .vpc = &vpc});
  auto& core = stack.add<SecurityGroup>("EmrCoreTask", {.description = "EMR core and task nodes", .vpc = &vpc});
  auto& service = stack.add<SecurityGroup>("EmrServiceAccess", {.description = "EMR service access", .vpc = &vpc});
  service.allow_from(master, Port::tcp(9443), "EMR service access from the primary node");
  master.add_egress(Peer::any_ipv4(), Port::tcp(443), "HTTPS to AWS APIs");
  core.add_egress(Peer::any_ipv4(), Port::tcp(443), "HTTPS to AWS APIs");

  // The Hive metastore database: MySQL from the EMR primary node only (ingress there, egress here).
  auto& metastore = stack.add<SecurityGroup>("HiveMetastore", {.description = "Hive metastore (Aurora MySQL)", .vpc = &vpc});
  metastore.allow_from(master, Port::tcp(3306), "Hive metastore from the EMR primary node");

  auto& logs = stack.add<aws::s3::Bucket>("Logs", {});
  auto& data = stack.add<aws::s3::Bucket>(
      "Data", {.versioned = true, .access_logs_bucket = &logs, .access_logs_prefix = "s3-access/data/"});

  stack.add<Output>("VpcId", {.value = vpc.vpc_id().value(), .export_name = "drdb-network-vpc-id"});
  stack.add<Output>("DataBucket", {.value = data.bucket_name().value()});
  stack.add<Output>("LogBucket", {.value = logs.bucket_name().value()});
}

}  // namespace drdb::examples::network
