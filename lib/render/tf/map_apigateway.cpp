#include "drdb/aws/apigateway/rest_api.hpp"
#include "drdb/aws/logs/log_group.hpp"
#include "drdb/l1/tf/apigateway.hpp"
#include "render/common/api_access_log.hpp"
#include "render/common/api_preflight.hpp"
#include "render/tf/tf_mapper.hpp"

namespace drdb::render::tf {

namespace l1 = drdb::l1::tf;
namespace api = aws::apigateway;

void TfMapper::visit(const api::RestApi& rest_api) {
  const auto& props = rest_api.props();
  l1::aws_api_gateway_rest_api r;
  r.name = props.api_name.empty() ? rest_api.id() : props.api_name;
  if (!props.description.empty()) r.description = props.description;
  r.endpoint_configuration = ListOf<l1::aws_api_gateway_rest_api::EndpointConfiguration>{
      {.types = ListOf<Str>{Str(props.endpoint_type == api::EndpointType::Edge ? "EDGE" : "REGIONAL")}}};
  const auto& out = emit(rest_api, r);
  bind(rest_api, "Id", out, "id");
  bind(rest_api, "RootResourceId", out, "root_resource_id");
}

void TfMapper::visit(const api::ApiResource& resource) {
  l1::aws_api_gateway_resource r;
  r.rest_api_id = resource.props().api->rest_api_id();
  r.parent_id = resource.parent_id();
  r.path_part = resource.props().path_part;
  const auto& out = emit(resource, r);
  bind(resource, "Id", out, "id");
}

void TfMapper::visit(const api::Method& method) {
  const auto& props = method.props();
  l1::aws_api_gateway_method m;
  m.rest_api_id = props.api->rest_api_id();
  m.resource_id = method.resource_id();
  m.http_method = props.http_method;
  m.authorization = props.options.authorization == api::Authorization::Iam ? "AWS_IAM" : "NONE";
  if (props.options.api_key_required) m.api_key_required = true;
  const auto& main = emit(method, m);
  // The integration reads the method's attribute, so Terraform creates the method first.
  bind(method, "HttpMethod", main, "http_method");
  l1::aws_api_gateway_integration i;
  i.rest_api_id = props.api->rest_api_id();
  i.resource_id = method.resource_id();
  i.http_method = method.attr("HttpMethod");
  if (props.preflight) {
    // The preflight's MOCK integration, its method response declaring the CORS headers and the
    // integration response filling them. Each reads an attribute of the one before, so Terraform
    // creates them in order (API Gateway refuses an integration response before its integration).
    i.type = "MOCK";
    i.request_templates = MapOf<Str>{{"application/json", Str(std::string(preflight_request_template))}};
    const auto& mock = emit(method, i, secondary_name(method, "integration"), false);
    bind(method, "MockHttpMethod", mock, "http_method");

    MapOf<Bool> declared;
    MapOf<Str> values;
    for (const auto& [name, value] : props.api->preflight_headers(props.path)) {
      declared.emplace(std::string(preflight_header_parameter) + name, true);
      values.emplace(std::string(preflight_header_parameter) + name, "'" + value + "'");
    }
    l1::aws_api_gateway_method_response response;
    response.rest_api_id = props.api->rest_api_id();
    response.resource_id = method.resource_id();
    response.http_method = method.attr("MockHttpMethod");
    response.status_code = std::string(preflight_status);
    response.response_parameters = std::move(declared);
    const auto& declared_response = emit(method, response, secondary_name(method, "method_response"), false);
    bind(method, "PreflightStatus", declared_response, "status_code");

    l1::aws_api_gateway_integration_response answer;
    answer.rest_api_id = props.api->rest_api_id();
    answer.resource_id = method.resource_id();
    answer.http_method = method.attr("MockHttpMethod");
    answer.status_code = method.attr("PreflightStatus");
    answer.response_parameters = std::move(values);
    emit(method, answer, secondary_name(method, "integration_response"), false);
    return;
  }
  i.integration_http_method = "POST";  // Lambda is always invoked with POST
  i.type = "AWS_PROXY";
  i.uri = method.integration_uri();
  emit(method, i, secondary_name(method, "integration"), false);
}

void TfMapper::visit(const api::GatewayResponse& response) {
  l1::aws_api_gateway_gateway_response r;
  render::fill_gateway_response(response, r);
  emit(response, r);
}

void TfMapper::visit(const api::Deployment& deployment) {
  l1::aws_api_gateway_deployment r;
  r.rest_api_id = deployment.api().rest_api_id();
  r.description = "Routes: " + join_routes(deployment.api().routes());
  const auto& out = emit(deployment, r);
  bind(deployment, "Id", out, "id");
}

void TfMapper::visit(const api::Stage& stage) {
  const auto& props = stage.api().props();
  l1::aws_api_gateway_stage r;
  r.rest_api_id = stage.api().rest_api_id();
  r.deployment_id = stage.deployment().deployment_id();
  r.stage_name = props.stage_name;
  r.xray_tracing_enabled = props.tracing;
  if (props.access_log_group != nullptr)
    r.access_log_settings = ListOf<l1::aws_api_gateway_stage::AccessLogSettings>{
        {.destination_arn = props.access_log_group->log_group_arn(), .format = Str(std::string(access_log_format))}};
  emit(stage, r);
}

}  // namespace drdb::render::tf
