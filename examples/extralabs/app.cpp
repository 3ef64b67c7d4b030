#include "extralabs/extralabs.hpp"
#include "cluster_security.hpp"
#include "handler_code.hpp"
#include "network/network.hpp"

namespace drdb::examples::extralabs {

using namespace aws::emr;
using aws::ecr::LifecycleRule;

namespace {

constexpr const char* upload_prefix = "incoming/";

Step process(const aws::s3::Bucket& code) {
  return Step::spark("process-{date}", {.application = Str("s3://") + code.bucket_name() + "/jobs/process.py",
                                        .args = {Str("--input"), Str("{input_path}")}});
}

}  // namespace

void build(App& app) {
  auto& stack = app.add<Stack>("Extralabs", {.description = "drdb example: EMR runs on request behind an API, with pre-signed uploads",
                                             .region = "us-east-1"});
  stack.tag("project", "drdb-extralabs");
  auto& vpc = network::add_compact_vpc(stack, "10.80.0.0/16");

  auto& logs = stack.add<aws::s3::Bucket>("Logs", {.lifecycle_rules = {{.id = "AgeOutLogs", .expiration_days = 365}}});
  auto& uploads = stack.add<aws::s3::Bucket>(
      "Uploads", {.lifecycle_rules = {{.id = "AgeOutUploads", .prefix = upload_prefix, .expiration_days = 30}},
                  .access_logs_bucket = &logs,
                  .access_logs_prefix = "s3-access/uploads/"});
  auto& code = stack.add<aws::s3::Bucket>("Code", {.versioned = true, .access_logs_bucket = &logs, .access_logs_prefix = "s3-access/code/"});
  auto& images = stack.add<aws::ecr::Repository>(
      "JobImages", {.repository_name = "drdb-extralabs/jobs",
                    .lifecycle_rules = {LifecycleRule::expire_untagged_after_days(1, 14), LifecycleRule::keep_last_images(2, 20, {"v"})}});

  auto& security = encrypted_at_rest(stack, "the on-request clusters");
  auto& cluster = stack.add<Cluster>("OnRequest", {.name = "drdb-extralabs",
                                                   .release_label = "emr-7.1.0",
                                                   .launch = Launch::ByWorkflows,
                                                   .applications = {Application::spark()},
                                                   .instances = InstanceGroups{.primary = {.instance_type = "m5.xlarge"},
                                                                               .core = InstanceGroup{.instance_type = "m5.xlarge", .count = 2}},
                                                   .vpc = &vpc,
                                                   .subnets = {vpc.private_subnets()[0]},
                                                   .security_configuration = &security,
                                                   .logs = LogDestination{.bucket = &logs, .prefix = "emr/"},
                                                   .keep_alive_when_no_steps = false});
  cluster.suppress("EMR.4", "a transient batch cluster in private subnets; in-transit TLS needs a certificate bundle of the user's own");
  uploads.grant_read(cluster.job_flow_role(), std::string(upload_prefix) + "*");
  code.grant_read(cluster.job_flow_role(), "jobs/*");
  images.grant_pull(cluster.job_flow_role());

  auto& runs = stack.add<aws::dynamodb::Table>("Runs", {.partition_key = {"Correlation_Id"}, .sort_key = aws::dynamodb::Attribute{"DataProduct"}});
  auto& launcher = stack.add<ClusterLauncher>("Launcher", {.cluster = &cluster,
                                                          .code = handler_code("launcher"),
                                                          .steps = {process(code)},
                                                          .run_log = &runs,
                                                          .description = "launches a cluster on the request's input path",
                                                          .timeout = 30});

  auto& presign = stack.add<aws::lambda::Function>(
      "UploadUrls", {.runtime = aws::lambda::Runtime::Python312,
                     .handler = "index.handler",
                     .code = handler_code("presign"),
                     .description = "pre-signed PUT and GET URLs for the upload bucket",
                     .timeout = 10,
                     .environment = {{"UPLOAD_BUCKET", uploads.bucket_name()}, {"KEY_PREFIX", Str(upload_prefix)}}});
  // A pre-signed URL carries the signer's rights: the function may read and put uploads only.
  uploads.grant_read(presign.role(), std::string(upload_prefix) + "*");
  uploads.grant_put(presign.role(), std::string(upload_prefix) + "*");

  auto& api = stack.add<aws::apigateway::RestApi>("Api", {.description = "EMR runs on request and upload URLs"});
  api.add_lambda_route("POST", "/invoke", launcher);
  api.add_lambda_route("GET", "/upload-url", presign);

  stack.add<Output>("ApiUrl", {.value = api.url().value(), .description = "POST /invoke {\"input_path\": \"s3://...\"}; GET /upload-url?key=..."});
  stack.add<Output>("UploadBucket", {.value = uploads.bucket_name().value()});
  stack.add<Output>("ImageRepository", {.value = images.repository_uri().value()});
  stack.add<Output>("RunsTable", {.value = runs.table_name().value()});
}

}  // namespace drdb::examples::extralabs
