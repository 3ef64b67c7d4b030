// RestApi's CORS validation (rest_api_cors.cpp), called by RestApi::validate.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "drdb/aws/apigateway/rest_api.hpp"
#include "drdb/core/diagnostics.hpp"

namespace drdb::aws::apigateway {

// `preflights`: the preflight methods by path; `methods`: the routes.
void validate_cors(const Cors& cors, const std::map<std::string, Method*>& preflights, const std::vector<Method*>& methods,
                   const std::string& path, Diagnostics& out);

}  // namespace drdb::aws::apigateway
