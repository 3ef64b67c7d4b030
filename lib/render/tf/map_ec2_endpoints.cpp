// Terraform: VPC endpoints and flow logs (with their log group).
#include "drdb/aws/ec2/endpoint.hpp"
#include "drdb/aws/ec2/flow_log.hpp"
#include "drdb/aws/ec2/ivpc.hpp"
#include "drdb/aws/ec2/vpc.hpp"
#include "drdb/aws/iam/role.hpp"
#include "drdb/l1/tf/ec2.hpp"
#include "render/common/endpoint_fields.hpp"
#include "render/tf/tf_mapper.hpp"

namespace drdb::render::tf {

namespace l1 = drdb::l1::tf;

// route_table_ids on the endpoint itself: no aws_vpc_endpoint_route_table_association needed.
void TfMapper::visit(const aws::ec2::VpcEndpoint& endpoint) {
  l1::aws_vpc_endpoint r;
  fill_vpc_endpoint(r, endpoint);
  const auto& out = emit(endpoint, r);
  bind(endpoint, "Id", out, "id");
}

void TfMapper::visit(const aws::ec2::FlowLog& flow_log) {
  l1::aws_flow_log r;
  if (const auto* vpc = flow_log.vpc()) r.vpc_id = vpc->vpc_id();
  fill_flow_log(r, flow_log);
  if (flow_log.role() != nullptr) r.iam_role_arn = flow_log.role()->arn();
  const auto& out = emit(flow_log, r);
  bind(flow_log, "Id", out, "id");
}

}  // namespace drdb::render::tf
