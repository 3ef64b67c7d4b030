// CloudFormation: VPC endpoints and flow logs (with their log group).
#include "drdb/aws/ec2/endpoint.hpp"
#include "drdb/aws/ec2/flow_log.hpp"
#include "drdb/aws/ec2/ivpc.hpp"
#include "drdb/aws/ec2/vpc.hpp"
#include "drdb/aws/iam/role.hpp"
#include "drdb/l1/cfn/ec2.hpp"
#include "drdb/l1/cfn/logs.hpp"
#include "render/cfn/cfn_mapper.hpp"

namespace drdb::render::cfn {

namespace l1 = drdb::l1::cfn::ec2;
using aws::ec2::EndpointType;

void CfnMapper::visit(const aws::ec2::VpcEndpoint& endpoint) {
  l1::VPCEndpoint r;
  if (const auto* vpc = endpoint.vpc()) r.vpc_id = vpc->vpc_id();
  r.service_name = endpoint.props().service.service_name();
  if (endpoint.props().type == EndpointType::Gateway) {
    r.vpc_endpoint_type = "Gateway";
    r.route_table_ids = endpoint.route_table_ids();
  } else {
    r.vpc_endpoint_type = "Interface";
    r.subnet_ids = endpoint.subnet_ids();
    r.security_group_ids = endpoint.security_group_ids();
    r.private_dns_enabled = true;
  }
  const auto& out = emit(endpoint, r);
  bind_ref(endpoint, "Id", out);
}

void CfnMapper::visit(const aws::ec2::FlowLog& flow_log) {
  const auto& p = flow_log.props();
  l1::FlowLog r;
  if (const auto* vpc = flow_log.vpc()) r.resource_id = vpc->vpc_id();
  r.resource_type = "VPC";
  r.traffic_type = std::string(aws::ec2::to_string(p.traffic));
  r.max_aggregation_interval = p.max_aggregation_interval;
  if (p.destination.kind == aws::ec2::FlowLogDestination::Kind::S3) {
    r.log_destination_type = "s3";
    r.log_destination = p.destination.bucket_arn;
  } else {
    r.log_destination_type = "cloud-watch-logs";
    if (flow_log.log_group() != nullptr) r.log_destination = flow_log.log_group()->arn();
    if (flow_log.role() != nullptr) r.deliver_logs_permission_arn = flow_log.role()->arn();
  }
  const auto& out = emit(flow_log, r);
  bind_ref(flow_log, "Id", out);
}

void CfnMapper::visit(const aws::ec2::FlowLogGroup& group) {
  drdb::l1::cfn::logs::LogGroup r;
  r.retention_in_days = group.props().retention_days;
  const auto& out = emit(group, r);
  bind_ref(group, "Name", out);
}

}  // namespace drdb::render::cfn
