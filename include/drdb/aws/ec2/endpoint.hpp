// VPC endpoints: AWS services reached without leaving the VPC. Gateway endpoints (S3, DynamoDB)
// are routes in the private and isolated route tables; interface endpoints are network interfaces
// in the private subnets, with their own security group (HTTPS from the VPC) and private DNS, so
// the service's usual host name resolves to them.
#pragma once

#include <string>
#include <vector>

#include "drdb/core/resource.hpp"

namespace drdb::aws::ec2 {

class RouteTable;
class SecurityGroup;
class Subnet;
class Vpc;

// An AWS service by its endpoint name: "com.amazonaws.<region>.<name>", the region being the one
// the stack deploys to, so the same model deploys anywhere.
struct EndpointService {
  std::string id;    // readable part of the endpoint's id: "SecretsManager" → Network/SecretsManagerEndpoint
  std::string name;  // "secretsmanager", "s3", "ecr.dkr"...

  Str service_name() const;

  static EndpointService s3() { return {"S3", "s3"}; }
  static EndpointService dynamodb() { return {"DynamoDb", "dynamodb"}; }
  static EndpointService secrets_manager() { return {"SecretsManager", "secretsmanager"}; }
  static EndpointService sts() { return {"Sts", "sts"}; }
  static EndpointService cloudwatch_logs() { return {"Logs", "logs"}; }
  static EndpointService glue() { return {"Glue", "glue"}; }
  static EndpointService emr() { return {"Emr", "elasticmapreduce"}; }
  static EndpointService kms() { return {"Kms", "kms"}; }
  static EndpointService ssm() { return {"Ssm", "ssm"}; }
};

enum class EndpointType { Gateway, Interface };

// A child of its Vpc (vpc.add_gateway_endpoint / add_interface_endpoint, or the Vpc's props).
class VpcEndpoint : public Resource {
 public:
  struct Props {
    EndpointService service;
    EndpointType type = EndpointType::Interface;
  };
  VpcEndpoint(const Scope& scope, Props props);

  const Props& props() const { return props_; }
  const Vpc* vpc() const;
  // Gateway: the route tables of the VPC's private and isolated subnets.
  std::vector<const RouteTable*> route_tables() const;
  // Interface: one subnet per zone, of the first private-with-egress group, else the first isolated one.
  std::vector<const Subnet*> subnets() const;
  // Interface: the endpoint's security group (HTTPS from the VPC's range).
  const SecurityGroup* security_group() const;
  // The same, as the ids the endpoint resource takes.
  StrList route_table_ids() const;
  StrList subnet_ids() const;
  StrList security_group_ids() const;
  Str endpoint_id() const { return attr("Id"); }

  void validate(Diagnostics& out) const override;
  void accept(ResourceVisitor& v) const override;

 private:
  Props props_;
};

}  // namespace drdb::aws::ec2
