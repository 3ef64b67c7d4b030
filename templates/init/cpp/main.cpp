// {{name}}: one stack with a private, encrypted, TLS-only bucket logging its access to a log bucket.
// Add constructs to the stack and rebuild; `build/{{name}} --help` shows the command line (synth,
// validate, list, diff, graph).
#include <drdb/drdb.hpp>

int main(int argc, char** argv) {
  return drdb::run(argc, argv, [](drdb::App& app) {
    auto& stack = app.add<drdb::Stack>("{{stack}}", {.description = "{{name}}", .region = "{{region}}"});
    auto& logs = stack.add<drdb::aws::s3::Bucket>("Logs", {.lifecycle_rules = {drdb::aws::s3::LifecycleRule{.id = "AgeOutLogs", .expiration_days = 365}}});
    auto& data = stack.add<drdb::aws::s3::Bucket>(
        "Data", {.versioned = true, .access_logs_bucket = &logs, .access_logs_prefix = "s3-access/data/"});
    stack.add<drdb::Output>("DataBucket", {.value = data.bucket_name().value(), .description = "the data bucket"});
  });
}
