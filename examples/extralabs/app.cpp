#include "extralabs/extralabs.hpp"
#include "cluster_security.hpp"
#include "handler_code.hpp"
#include "job_script.hpp"
#include "network/network.hpp"

namespace drdb::examples::extralabs {

using namespace aws::emr;
using aws::ecr::LifecycleRule;

namespace {

constexpr const char* upload_prefix = "incoming/";
// The browser front end's origin: the only one the API and the upload bucket admit.
constexpr const char* front_end = "https://labs.extralabs.example";
// The job image every cluster runs Spark in (tags are immutable: a run gets the image it was tested with).
constexpr const char* job_image_tag = "v1";
// EMR's Docker runtime for YARN is documented for the 6.x releases.
constexpr const char* release = "emr-6.15.0";

Stack& add_stack(App& app, const std::string& name, const std::string& description) {
  auto& stack = app.add<Stack>(name, {.description = "drdb example: " + description, .region = "us-east-1"});
  stack.tag("project", "drdb-extralabs");
  return stack;
}

struct Storage {
  aws::s3::Bucket& logs;
  aws::s3::Bucket& uploads;
  aws::s3::Bucket& code;
};

Storage add_storage(App& app) {
  auto& stack = add_stack(app, "ExtralabsStorage", "Extralabs buckets: uploads, job code, logs");
  auto& logs = stack.add<aws::s3::Bucket>("Logs", {.lifecycle_rules = {{.id = "AgeOutLogs", .expiration_days = 365}}});
  // The front end PUTs to pre-signed URLs from the browser; ETag lets it read what S3 stored.
  auto& uploads = stack.add<aws::s3::Bucket>(
      "Uploads", {.lifecycle_rules = {{.id = "AgeOutUploads", .prefix = upload_prefix, .expiration_days = 30}},
                  .access_logs_bucket = &logs,
                  .access_logs_prefix = "s3-access/uploads/",
                  .cors_rules = {{.id = "FrontEndUploads",
                                  .allowed_origins = {front_end},
                                  .allowed_methods = {"GET", "PUT"},
                                  .allowed_headers = {"Content-Type"},
                                  .exposed_headers = {"ETag"},
                                  .max_age_seconds = 3000}}});
  auto& code = stack.add<aws::s3::Bucket>("Code", {.versioned = true, .access_logs_bucket = &logs, .access_logs_prefix = "s3-access/code/"});
  stack.add<Output>("UploadBucket", {.value = uploads.bucket_name().value()});
  return {logs, uploads, code};
}

// Which cluster of the model, and how it is launched.
struct ClusterLaunch {
  std::string id;
  std::string name;
  std::string clusters;  // what the at-rest key's description calls them
  Launch launch = Launch::ByWorkflows;
  std::string log_prefix;
  bool keep_alive = false;
  std::optional<int> idle_timeout_seconds;
};

// A cluster of the app's model: Spark in the job image, private subnet, encrypted at rest, reading
// uploads.
Cluster& add_cluster(Stack& stack, ClusterLaunch launch, const Storage& storage, aws::ec2::Vpc& vpc,
                     const aws::ecr::Repository& images) {
  auto& security = encrypted_at_rest(stack, launch.clusters);
  auto& cluster = stack.add<Cluster>(launch.id, {.name = launch.name,
                                                 .release_label = release,
                                                 .launch = launch.launch,
                                                 .applications = {Application::spark()},
                                                 .instances = InstanceGroups{.primary = {.instance_type = "m5.xlarge"},
                                                                             .core = InstanceGroup{.instance_type = "m5.xlarge", .count = 2}},
                                                 .vpc = &vpc,
                                                 .subnets = {vpc.private_subnets()[0]},
                                                 .security_configuration = &security,
                                                 .logs = LogDestination{.bucket = &storage.logs, .prefix = launch.log_prefix},
                                                 .configurations = {aws::ecr::spark_in_docker(images, job_image_tag)},
                                                 .idle_timeout_seconds = launch.idle_timeout_seconds,
                                                 .keep_alive_when_no_steps = launch.keep_alive});
  cluster.suppress("EMR.4", "clusters in private subnets; in-transit TLS needs a certificate bundle of the user's own");
  images.grant_pull(cluster.job_flow_role());
  storage.uploads.grant_read(cluster.job_flow_role(), std::string(upload_prefix) + "*");
  storage.uploads.grant_put(cluster.job_flow_role(), "results/*");  // where process.py writes
  return cluster;
}

Step process(const aws::s3::FileAsset& script) {
  return Step::spark("process-{date}", {.application = script.s3_uri(),
                                        .args = {Str("--input"), Str("{input_path}")}});
}

}  // namespace

void build(App& app) {
  auto& network = add_stack(app, "ExtralabsNetwork", "Extralabs VPC for the EMR clusters");
  auto& vpc = network::add_compact_vpc(network, "10.80.0.0/16");

  const auto storage = add_storage(app);

  auto& registry = add_stack(app, "ExtralabsImages", "Extralabs private ECR repository of the job images");
  auto& images = registry.add<aws::ecr::Repository>(
      "JobImages", {.repository_name = "drdb-extralabs/jobs",
                    .lifecycle_rules = {LifecycleRule::expire_untagged_after_days(1, 14), LifecycleRule::keep_last_images(2, 20, {"v"})}});
  registry.add<Output>("ImageRepository", {.value = images.repository_uri().value()});

  auto& emr = add_stack(app, "ExtralabsEmr", "Extralabs on-request EMR cluster model (roles, security, configuration)");
  auto& cluster = add_cluster(emr, {.id = "OnRequest", .name = "drdb-extralabs", .clusters = "the on-request clusters",
                                    .launch = Launch::ByWorkflows, .log_prefix = "emr/", .keep_alive = false},
                              storage, vpc, images);

  auto& invoke = add_stack(app, "ExtralabsInvoke", "Extralabs launcher: a cluster per request on its input path");
  auto& runs = invoke.add<aws::dynamodb::Table>("Runs", {.partition_key = {"Correlation_Id"}, .sort_key = aws::dynamodb::Attribute{"DataProduct"}});
  // The job the launcher's clusters run; their role (ExtralabsEmr) reads it through this stack's policy.
  auto& process_script = job_script(invoke, "ProcessScript", "extralabs", "process.py");
  process_script.grant_read(cluster.job_flow_role());
  auto& launcher = invoke.add<ClusterLauncher>("Launcher", {.cluster = &cluster,
                                                           .code = handler_code("launcher"),
                                                           .steps = {process(process_script)},
                                                           .run_log = &runs,
                                                           .description = "launches a cluster on the request's input path",
                                                           .timeout = 30,
                                                           .environment = {{"CORS_ALLOW_ORIGIN", Str(front_end)}}});
  invoke.add<Output>("RunsTable", {.value = runs.table_name().value()});

  auto& api_stack = add_stack(app, "ExtralabsApi", "Extralabs API: EMR runs on request and pre-signed uploads, for a browser front end");
  auto& presign = api_stack.add<aws::lambda::Function>(
      "UploadUrls", {.runtime = aws::lambda::Runtime::Python312,
                     .handler = "index.handler",
                     .code = handler_code("presign"),
                     .description = "pre-signed PUT and GET URLs for the upload bucket",
                     .timeout = 10,
                     .environment = {{"UPLOAD_BUCKET", storage.uploads.bucket_name()},
                                     {"KEY_PREFIX", Str(upload_prefix)},
                                     {"CORS_ALLOW_ORIGIN", Str(front_end)}}});
  // A pre-signed URL carries the signer's rights: the function may read and put uploads only.
  storage.uploads.grant_read(presign.role(), std::string(upload_prefix) + "*");
  storage.uploads.grant_put(presign.role(), std::string(upload_prefix) + "*");

  auto& api = api_stack.add<aws::apigateway::RestApi>(
      "Api", {.description = "EMR runs on request and upload URLs", .cors = aws::apigateway::Cors{.allow_origin = front_end}});
  api.add_lambda_route("POST", "/invoke", launcher);
  api.add_lambda_route("GET", "/upload-url", presign);

  api_stack.add<Output>("ApiUrl", {.value = api.url().value(), .description = "POST /invoke {\"input_path\": \"s3://...\"}; GET /upload-url?key=..."});

  // A long-running cluster of the same model to test and troubleshoot on: the stack creates it,
  // it waits for work between steps, and EMR terminates it after four idle hours.
  auto& development = add_stack(app, "ExtralabsDevelopment", "Extralabs development EMR cluster, long-running, ended when idle");
  auto& dev = add_cluster(development, {.id = "Development", .name = "drdb-extralabs-development", .clusters = "the development cluster",
                            .launch = Launch::WithStack, .log_prefix = "emr-development/", .keep_alive = true,
                            .idle_timeout_seconds = 4 * 3600},
              storage, vpc, images);
  // People try their jobs on it from the code bucket.
  storage.code.grant_read(dev.job_flow_role(), "jobs/*");
  development.add<Output>("DevelopmentClusterId", {.value = dev.cluster_id().value()});
}

}  // namespace drdb::examples::extralabs
