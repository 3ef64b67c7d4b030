// The first slice of an EMR data platform: a VPC with two private subnets, the security groups of an
// EMR cluster and its Hive metastore, a data bucket and a log bucket, and the EC2 role of the
// cluster's instances with least-privilege access to both buckets.
#include "foundation/foundation.hpp"

namespace drdb::examples::foundation {

using aws::ec2::Peer;
using aws::ec2::Port;

void build(App& app) {
  auto& stack = app.add<Stack>("Platform", {.description = "drdb example: network, security groups, buckets and roles of an EMR platform",
                                            .region = "us-east-1"});
  stack.tag("project", "drdb-example");
  auto& environment = stack.add<Parameter>("Environment", {.type = ParameterType::String,
                                                           .description = "Deployment environment",
                                                           .default_value = Value("dev"),
                                                           .allowed_values = {"dev", "staging", "prod"}});

  auto& vpc = stack.add<aws::ec2::Vpc>("Network", {.cidr = "10.20.0.0/16"});
  vpc.add_subnet("Private1", {.cidr = "10.20.0.0/19", .availability_zone = pseudo::availability_zone(0)});
  vpc.add_subnet("Private2", {.cidr = "10.20.32.0/19", .availability_zone = pseudo::availability_zone(1)});

  auto& master = stack.add<aws::ec2::SecurityGroup>("EmrMaster", {.description = "EMR primary node", .vpc = &vpc});
  auto& core = stack.add<aws::ec2::SecurityGroup>("EmrCoreTask", {.description = "EMR core and task nodes", .vpc = &vpc});
  auto& metastore = stack.add<aws::ec2::SecurityGroup>("Metastore", {.description = "Hive metastore database", .vpc = &vpc});
  metastore.allow_from(master, Port::tcp(3306), "Hive metastore from the EMR primary node");
  master.add_egress(Peer::any_ipv4(), Port::tcp(443), "HTTPS to AWS APIs");
  core.add_egress(Peer::any_ipv4(), Port::tcp(443), "HTTPS to AWS APIs");

  auto& logs = stack.add<aws::s3::Bucket>("Logs", {});
  auto& data = stack.add<aws::s3::Bucket>(
      "Data", {.versioned = true, .access_logs_bucket = &logs, .access_logs_prefix = "s3-access/data/"});

  auto& instance_role = stack.add<aws::iam::Role>(
      "EmrInstanceRole", {.assumed_by = {aws::iam::Principal::service("ec2.amazonaws.com")},
                          .description = "EC2 role of the EMR cluster's instances"});
  data.grant_read_write(instance_role);
  logs.grant_put(instance_role, "emr/*");

  stack.add<Output>("VpcId", {.value = vpc.vpc_id().value(), .description = "VPC for EMR clusters",
                              .export_name = "drdb-example-vpc-id"});
  stack.add<Output>("DataBucketName", {.value = data.bucket_name().value(), .description = "Data lake bucket"});
  stack.add<Output>("EnvironmentName", {.value = ("drdb-" + environment.as_str()).value(),
                                        .description = "Name prefix for this environment"});
}

}  // namespace drdb::examples::foundation
