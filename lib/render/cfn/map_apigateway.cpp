#include "drdb/aws/apigateway/rest_api.hpp"
#include "drdb/aws/logs/log_group.hpp"
#include "drdb/l1/cfn/apigateway.hpp"
#include "render/cfn/cfn_mapper.hpp"
#include "render/common/api_access_log.hpp"
#include "render/common/api_preflight.hpp"

namespace drdb::render::cfn {

namespace l1 = drdb::l1::cfn::apigateway;
namespace api = aws::apigateway;

namespace {

// The preflight's MOCK integration: API Gateway answers OPTIONS itself with the CORS headers.
void answer_preflight(const api::Method& method, l1::Method& r) {
  const auto headers = method.props().api->preflight_headers(method.props().path);
  MapOf<Str> values;
  MapOf<Value> declared;
  for (const auto& [name, value] : headers) {
    values.emplace(std::string(preflight_header_parameter) + name, "'" + value + "'");
    declared.emplace(std::string(preflight_header_parameter) + name, Value(true));
  }
  r.integration = l1::Method::Integration{
      .integration_responses = ListOf<l1::Method::IntegrationResponse>{{.response_parameters = std::move(values),
                                                                         .status_code = Str(std::string(preflight_status))}},
      .request_templates = MapOf<Str>{{"application/json", Str(std::string(preflight_request_template))}},
      .type = Str("MOCK")};
  r.method_responses = ListOf<l1::Method::MethodResponse>{
      {.response_parameters = std::move(declared), .status_code = Str(std::string(preflight_status))}};
}

}  // namespace

void CfnMapper::visit(const api::RestApi& rest_api) {
  const auto& props = rest_api.props();
  l1::RestApi r;
  r.name = props.api_name.empty() ? rest_api.id() : props.api_name;
  if (!props.description.empty()) r.description = props.description;
  r.endpoint_configuration = l1::RestApi::EndpointConfiguration{
      .types = ListOf<Str>{Str(props.endpoint_type == api::EndpointType::Edge ? "EDGE" : "REGIONAL")}};
  const auto& out = emit(rest_api, r);
  bind_ref(rest_api, "Id", out);
  bind(rest_api, "RootResourceId", out, "RootResourceId");
}

void CfnMapper::visit(const api::ApiResource& resource) {
  l1::Resource r;
  r.rest_api_id = resource.props().api->rest_api_id();
  r.parent_id = resource.parent_id();
  r.path_part = resource.props().path_part;
  const auto& out = emit(resource, r);
  bind_ref(resource, "Id", out);
}

void CfnMapper::visit(const api::Method& method) {
  const auto& props = method.props();
  l1::Method r;
  r.rest_api_id = props.api->rest_api_id();
  r.resource_id = method.resource_id();
  r.http_method = props.http_method;
  r.authorization_type = props.options.authorization == api::Authorization::Iam ? "AWS_IAM" : "NONE";
  if (props.options.api_key_required) r.api_key_required = true;
  if (props.preflight) {
    answer_preflight(method, r);
    emit(method, r);
    return;
  }
  r.integration = l1::Method::Integration{.integration_http_method = Str("POST"),  // Lambda is always invoked with POST
                                          .type = Str("AWS_PROXY"),
                                          .uri = method.integration_uri()};
  emit(method, r);
}

void CfnMapper::visit(const api::GatewayResponse& response) {
  l1::GatewayResponse r;
  render::fill_gateway_response(response, r);
  emit(response, r);
}

void CfnMapper::visit(const api::Deployment& deployment) {
  l1::Deployment r;
  r.rest_api_id = deployment.api().rest_api_id();
  r.description = "Routes: " + join_routes(deployment.api().routes());
  const auto& out = emit(deployment, r);
  bind(deployment, "Id", out, "DeploymentId");
}

void CfnMapper::visit(const api::Stage& stage) {
  const auto& props = stage.api().props();
  l1::Stage r;
  r.rest_api_id = stage.api().rest_api_id();
  r.deployment_id = stage.deployment().deployment_id();
  r.stage_name = props.stage_name;
  r.tracing_enabled = props.tracing;
  if (props.access_log_group != nullptr)
    r.access_log_setting = l1::Stage::AccessLogSetting{.destination_arn = props.access_log_group->log_group_arn(),
                                                       .format = Str(std::string(access_log_format))};
  emit(stage, r);
}

}  // namespace drdb::render::cfn
