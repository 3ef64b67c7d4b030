// What CORS renders the same in both targets: the preflight method's MOCK integration (the request
// template tells the mock which status to answer, and that answer carries the Access-Control-*
// headers as method response parameters), and the gateway responses' header parameters.
#pragma once

#include <string>
#include <string_view>

#include "drdb/aws/apigateway/rest_api.hpp"
#include "drdb/core/typed.hpp"

namespace drdb::render {

inline constexpr std::string_view preflight_status = "204";
inline constexpr std::string_view preflight_request_template = R"({"statusCode": 204})";
inline constexpr std::string_view preflight_header_parameter = "method.response.header.";

// A gateway response's fields, for either target's L1 struct (rest_api_id, response_type,
// response_parameters: the headers as API Gateway's quoted static values).
template <class L1>
void fill_gateway_response(const aws::apigateway::GatewayResponse& response, L1& r) {
  const auto& props = response.props();
  r.rest_api_id = props.api->rest_api_id();
  r.response_type = props.response_type;
  MapOf<Str> headers;
  for (const auto& [name, value] : props.headers) headers.emplace("gatewayresponse.header." + name, "'" + value + "'");
  r.response_parameters = std::move(headers);
}

}  // namespace drdb::render
