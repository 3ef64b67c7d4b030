// Shared by the ec2 tests: a full network to build on, diagnostics as text, parsed renderings.
#pragma once

#include <string>
#include <string_view>

#include <drdb/drdb.hpp>
#include <nlohmann/json.hpp>

namespace drdb::test_ec2 {

using aws::ec2::EndpointService;
using aws::ec2::NatGateways;
using aws::ec2::SubnetType;

// Public, private-with-egress and isolated groups in 2 zones, NAT per zone, S3 and DynamoDB gateway
// endpoints, two interface endpoints and flow logs to CloudWatch Logs.
inline aws::ec2::Vpc::Props full_network(NatGateways nat = NatGateways::PerAz) {
  return {.cidr = "10.20.0.0/16",
          .max_azs = 2,
          .subnet_groups = {{.name = "Public", .type = SubnetType::Public, .mask = 24},
                            {.name = "Private", .type = SubnetType::PrivateWithEgress, .mask = 20},
                            {.name = "Isolated", .type = SubnetType::Isolated, .mask = 24}},
          .nat_gateways = nat,
          .gateway_endpoints = {EndpointService::s3(), EndpointService::dynamodb()},
          .interface_endpoints = {EndpointService::secrets_manager(), EndpointService::sts()},
          .flow_logs = aws::ec2::FlowLog::Props{}};
}

inline std::string errors_of(const App& app) { return validate(app).format(); }

inline bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

struct Rendered {
  nlohmann::json cfn;  // the template
  nlohmann::json tf;   // main.tf.json
};

inline Rendered render(const App& app, const std::string& stack) {
  Rendered out;
  for (const auto& d : synthesize(app, {.formats = {Format::CloudFormationJson, Format::Terraform}})) {
    if (d.stack != stack) continue;
    if (d.format == Format::CloudFormationJson) out.cfn = nlohmann::json::parse(d.content);
    if (d.format == Format::Terraform) out.tf = nlohmann::json::parse(d.content);
  }
  return out;
}

}  // namespace drdb::test_ec2
