// Browser access in specs: a bucket's cors_rules and an API's cors give the C++ program's bytes; a
// cluster's spark_in_docker configuration source; their mistakes reported at the spec's place.
#include <doctest/doctest.h>

#include "unit/spec/spec_fixture.hpp"

using namespace drdb;
using namespace drdb::aws;
using spec_test::check_same_documents;
using spec_test::errors_of;
using spec_test::has;

TEST_CASE("spec: cors_rules on a bucket and cors on an API are the C++ program's") {
  check_same_documents(R"yaml(stacks:
  S:
    region: us-east-1
    resources:
      Uploads:
        type: s3.Bucket
        cors_rules:
          - {id: FrontEnd, allowed_origins: [https://app.example.com], allowed_methods: [PUT], allowed_headers: [Content-Type], max_age_seconds: 60}
      Handler: {type: lambda.Function, runtime: python3.13, handler: index.handler, code: {inline: "def handler(event, context):\n    return event\n"}}
      Api:
        type: apigateway.RestApi
        cors: {allow_origin: https://app.example.com, allow_methods: [GET], allow_credentials: true, max_age_seconds: 30}
        routes: [{method: GET, path: /upload-url, function: Handler}]
)yaml",
                       [](App& app) {
                         auto& s = app.add<Stack>("S", {.region = "us-east-1"});
                         s.add<s3::Bucket>("Uploads", {.cors_rules = {{.id = "FrontEnd",
                                                                        .allowed_origins = {"https://app.example.com"},
                                                                        .allowed_methods = {"PUT"},
                                                                        .allowed_headers = {"Content-Type"},
                                                                        .max_age_seconds = 60}}});
                         auto& handler = s.add<lambda::Function>(
                             "Handler", {.runtime = lambda::Runtime::Python313, .handler = "index.handler",
                                         .code = lambda::Code::from_inline("def handler(event, context):\n    return event\n")});
                         auto& api = s.add<apigateway::RestApi>(
                             "Api", {.cors = apigateway::Cors{.allow_origin = "https://app.example.com", .allow_methods = {"GET"},
                                                              .allow_credentials = true, .max_age_seconds = 30}});
                         api.add_lambda_route("GET", "/upload-url", handler);
                       });
}

TEST_CASE("spec: CORS and spark_in_docker mistakes name the place") {
  const auto with_configurations = [](const std::string& configurations) {
    return errors_of(R"yaml(stacks:
  S:
    region: us-east-1
    resources:
      Images: {type: ecr.Repository}
      Logs: {type: s3.Bucket}
      Vpc: {type: ec2.Vpc, cidr: 10.0.0.0/16, max_azs: 1, subnet_groups: [{name: Emr, type: private_with_egress, mask: 20}, {name: Public, type: public, mask: 24}]}
      Spark:
        type: emr.Cluster
        release_label: emr-6.15.0
        applications: [Spark]
        instances: {groups: {primary: {instance_type: m5.xlarge}}}
        vpc: Vpc
        subnets: [{vpc: Vpc, type: private_with_egress, index: 0}]
        configurations:
          - )yaml" + configurations + "\n");
  };
  CHECK(has(with_configurations("spark_in_docker: {repository: Images, image_tag: \"v 1\"}"),
            "[app.yaml:9:9] [App/S/Images] image tag \"v 1\" is not a Docker tag"));
  CHECK(has(with_configurations("{spark_in_docker: {repository: Images, image_tag: v1}, source: mixed}"),
            "[app.yaml:16:13] spark_in_docker stands alone"));
  CHECK(has(with_configurations("spark_in_docker: {repository: Logs, image_tag: v1}"), "\"Logs\" is a s3.Bucket, not a ecr.Repository"));

  CHECK(has(errors_of("stacks:\n  S:\n    resources:\n      Uploads: {type: s3.Bucket, cors_rules: [{allowed_methods: [PUT]}]}\n"),
            "[app.yaml:4:47] CORS rule needs \"allowed_origins\""));
  CHECK(has(errors_of("stacks:\n  S:\n    resources:\n      Api: {type: apigateway.RestApi, cors: {allow_methods: [GET]}}\n"),
            "needs \"allow_origin\""));
}
