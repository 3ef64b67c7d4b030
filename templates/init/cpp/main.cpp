// {{name}}: one stack with a private, encrypted, TLS-only bucket. Add constructs to the stack and
// rebuild; `build/{{name}} --help` shows the command line (synth, validate, list, diff, graph).
#include <drdb/drdb.hpp>

int main(int argc, char** argv) {
  return drdb::run(argc, argv, [](drdb::App& app) {
    auto& stack = app.add<drdb::Stack>("{{stack}}", {.description = "{{name}}", .region = "{{region}}"});
    auto& data = stack.add<drdb::aws::s3::Bucket>("Data", {.versioned = true});
    stack.add<drdb::Output>("DataBucket", {.value = data.bucket_name().value(), .description = "the data bucket"});
  });
}
