// CloudFormation: VPC endpoints and flow logs (with their log group).
#include "drdb/aws/ec2/endpoint.hpp"
#include "drdb/aws/ec2/flow_log.hpp"
#include "drdb/aws/ec2/ivpc.hpp"
#include "drdb/aws/ec2/vpc.hpp"
#include "drdb/aws/iam/role.hpp"
#include "drdb/l1/cfn/ec2.hpp"
#include "render/cfn/cfn_mapper.hpp"
#include "render/common/endpoint_fields.hpp"

namespace drdb::render::cfn {

namespace l1 = drdb::l1::cfn::ec2;

void CfnMapper::visit(const aws::ec2::VpcEndpoint& endpoint) {
  l1::VPCEndpoint r;
  fill_vpc_endpoint(r, endpoint);
  const auto& out = emit(endpoint, r);
  bind_ref(endpoint, "Id", out);
}

void CfnMapper::visit(const aws::ec2::FlowLog& flow_log) {
  l1::FlowLog r;
  if (const auto* vpc = flow_log.vpc()) r.resource_id = vpc->vpc_id();
  r.resource_type = "VPC";
  fill_flow_log(r, flow_log);
  if (flow_log.role() != nullptr) r.deliver_logs_permission_arn = flow_log.role()->arn();
  const auto& out = emit(flow_log, r);
  bind_ref(flow_log, "Id", out);
}

}  // namespace drdb::render::cfn
