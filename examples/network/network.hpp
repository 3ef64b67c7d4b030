// The network of an EMR data platform: a multi-AZ VPC of its own, the EMR security-group topology,
// a Hive metastore group reachable from the EMR primary node, and the data and log buckets.
#pragma once

#include <drdb/drdb.hpp>

namespace drdb::examples::network {

// The network's VPC, child "Vpc" of `scope`: two zones, each with a public subnet and its NAT
// gateway, a private subnet for EMR (/19) and an isolated one for the metastore database; S3 and
// DynamoDB gateway endpoints, Secrets Manager, STS and Glue interface endpoints, flow logs. The
// EMR examples place their clusters in it.
aws::ec2::Vpc& add_vpc(Construct& scope);

// A smaller VPC for clusters that only reach S3, DynamoDB and AWS APIs, child "Vpc" of `scope`: two
// zones, public subnets with one shared NAT gateway, private EMR subnets (/20), S3 and DynamoDB
// gateway endpoints, flow logs.
aws::ec2::Vpc& add_compact_vpc(Construct& scope, std::string cidr);

void build(App& app);

}  // namespace drdb::examples::network
