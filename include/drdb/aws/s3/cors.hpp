// Cross-origin resource sharing (CORS) of an S3 bucket: which web origins a browser may send
// requests from (a front end PUTting to a pre-signed URL, say), with which methods and headers.
//   .cors_rules = {{.allowed_origins = {"https://app.example.com"}, .allowed_methods = {"PUT"},
//                   .allowed_headers = {"Content-Type"}, .max_age_seconds = 3000}}
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "drdb/core/diagnostics.hpp"

namespace drdb::aws::s3 {

struct CorsRule {
  std::string id;  // optional, at most 255 characters
  // Origins as the browser sends them ("https://app.example.com"); "*" admits any web site and is
  // only reported as a warning, since S3 answers such requests with credentials allowed.
  std::vector<std::string> allowed_origins;
  std::vector<std::string> allowed_methods;  // GET, PUT, POST, DELETE, HEAD
  std::vector<std::string> allowed_headers;  // request headers the preflight may name ("*" allowed)
  std::vector<std::string> exposed_headers;  // response headers the page may read (ETag for multipart)
  std::optional<int> max_age_seconds;        // how long the browser caches the preflight answer
};

// Every problem of `rules` as S3 would refuse them (at most 100 rules, origins and methods
// required, known methods, one "*" per origin), and "*" origins as warnings.
void validate_cors(const std::vector<CorsRule>& rules, const std::string& path, Diagnostics& out);

}  // namespace drdb::aws::s3
