// VPC-endpoint and flow-log fields have the same names in CloudFormation's and Terraform's L1
// structs (vpc_endpoint_type, route_table_ids, log_destination_type...), so both targets fill them
// here; each target adds the few fields it names differently.
#pragma once

#include <string>

#include "drdb/aws/ec2/endpoint.hpp"
#include "drdb/aws/ec2/flow_log.hpp"
#include "drdb/aws/ec2/ivpc.hpp"

namespace drdb::render {

template <class L1Endpoint>
void fill_vpc_endpoint(L1Endpoint& r, const aws::ec2::VpcEndpoint& endpoint) {
  if (const auto* vpc = endpoint.vpc()) r.vpc_id = vpc->vpc_id();
  r.service_name = endpoint.props().service.service_name();
  if (endpoint.props().type == aws::ec2::EndpointType::Gateway) {
    r.vpc_endpoint_type = "Gateway";
    r.route_table_ids = endpoint.route_table_ids();
  } else {
    r.vpc_endpoint_type = "Interface";
    r.subnet_ids = endpoint.subnet_ids();
    r.security_group_ids = endpoint.security_group_ids();
    r.private_dns_enabled = true;
  }
}

// Everything but the VPC and the delivery role, whose field names differ between the targets.
template <class L1FlowLog>
void fill_flow_log(L1FlowLog& r, const aws::ec2::FlowLog& flow_log) {
  const auto& p = flow_log.props();
  r.traffic_type = std::string(aws::ec2::to_string(p.traffic));
  r.max_aggregation_interval = p.max_aggregation_interval;
  if (p.destination.kind == aws::ec2::FlowLogDestination::Kind::S3) {
    r.log_destination_type = "s3";
    r.log_destination = p.destination.bucket_arn;
  } else {
    r.log_destination_type = "cloud-watch-logs";
    if (flow_log.log_group() != nullptr) r.log_destination = flow_log.log_group()->log_group_arn();
  }
}

}  // namespace drdb::render
