#include "drdb/cli/run.hpp"

#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "drdb/aws/s3/bucket.hpp"
#include "drdb/core/stack.hpp"
#include "drdb/version.hpp"

namespace fs = std::filesystem;

namespace {

struct Result {
  int code;
  std::string out;
  std::string err;
};

Result run(const drdb::App& app, std::vector<const char*> args) {
  args.insert(args.begin(), "/usr/bin/drdb-synth");
  std::ostringstream out;
  std::ostringstream err;
  const int code = drdb::run(app, static_cast<int>(args.size()), args.data(), out, err);
  return {code, out.str(), err.str()};
}

// Two small stacks (a bucket and an output each: a stack needs at least one resource).
struct TwoStacks {
  drdb::App app;
  TwoStacks() {
    for (const char* name : {"Network", "DataLake"}) {
      auto& stack = app.add<drdb::Stack>(name, {.description = "test", .region = "eu-west-1"});
      auto& bucket = stack.add<drdb::aws::s3::Bucket>("Logs");
      bucket.suppress("S3.4", "a test bucket: no access logs to keep");  // keeps stderr empty
      stack.add<drdb::Output>("LogsArn", {.value = bucket.arn().value(), .description = "", .export_name = ""});
    }
  }
};

}  // namespace

TEST_CASE("--version and --help print to stdout and exit 0") {
  TwoStacks t;
  const auto version = run(t.app, {"--version"});
  CHECK(version.code == drdb::exit_ok);
  CHECK(version.out == std::string("drdb-synth (drdb) ") + DRDB_VERSION + "\n");

  const auto help = run(t.app, {"--help"});
  CHECK(help.code == drdb::exit_ok);
  CHECK(help.out.find("synth") != std::string::npos);
  CHECK(help.out.find("Exit codes") != std::string::npos);
  CHECK(help.err.empty());

  const auto synth_help = run(t.app, {"synth", "--help"});
  CHECK(synth_help.code == drdb::exit_ok);
  CHECK(synth_help.out.find("--format") != std::string::npos);
}

TEST_CASE("command-line mistakes exit 2 with the parser's message and a pointer to --help") {
  TwoStacks t;
  const auto none = run(t.app, {});
  CHECK(none.code == drdb::exit_usage);
  CHECK(none.err.find("Run 'drdb-synth --help' for usage.") != std::string::npos);

  const auto flag = run(t.app, {"synth", "--bogus"});
  CHECK(flag.code == drdb::exit_usage);
  CHECK(flag.err.find("--bogus") != std::string::npos);
  CHECK(flag.err.find("Run 'drdb-synth synth --help' for usage.") != std::string::npos);

  const auto format = run(t.app, {"synth", "--format", "cloudformation,json"});
  CHECK(format.code == drdb::exit_usage);
  CHECK(format.err.find("json") != std::string::npos);

  const auto stack = run(t.app, {"synth", "--stack", "Nope"});
  CHECK(stack.code == drdb::exit_usage);
  CHECK(stack.err.find("Nope") != std::string::npos);
  CHECK(stack.err.find("Network, DataLake") != std::string::npos);
}

TEST_CASE("list prints one line per stack in deploy order, with what each target deploys and what it waits for") {
  TwoStacks t;
  const auto r = run(t.app, {"list"});
  CHECK(r.code == drdb::exit_ok);
  // Independent stacks: by name. A bucket and its policy; Terraform splits the bucket's settings.
  CHECK(r.out ==
        "DataLake  2 CloudFormation resources, 5 Terraform resources\n"
        "Network   2 CloudFormation resources, 5 Terraform resources\n");

  auto& network = *t.app.stacks()[0];
  auto& data_lake = *t.app.stacks()[1];
  network.add_dependency(data_lake);
  const auto ordered = run(t.app, {"list"});
  CHECK(ordered.out ==
        "DataLake  2 CloudFormation resources, 5 Terraform resources\n"
        "Network   2 CloudFormation resources, 5 Terraform resources  after DataLake\n");
  data_lake.add_dependency(network);
  const auto cycle = run(t.app, {"list"});
  CHECK(cycle.code == drdb::exit_validation);
  CHECK(cycle.err.find("stacks DataLake and Network wait for each other") != std::string::npos);
}

TEST_CASE("synth writes the selected stacks and formats and says what it wrote") {
  TwoStacks t;
  const fs::path dir = fs::temp_directory_path() / ("drdb-unit-cli-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  const auto r = run(t.app, {"synth", "--out", dir.c_str(), "--format", "terraform", "-f", "cloudformation",
                             "--stack", "Network"});
  CHECK(r.code == drdb::exit_ok);
  CHECK(r.err.empty());
  const auto d = dir.generic_string();
  CHECK(r.out.find("wrote " + d + "/cloudformation/Network.template.json\n") != std::string::npos);
  CHECK(r.out.find("wrote " + d + "/terraform/Network/main.tf.json\n") != std::string::npos);
  CHECK(r.out.find("DataLake") == std::string::npos);
  CHECK(r.out.find("wrote " + d + "/manifest.json\n") != std::string::npos);
  CHECK(r.out.find("synthesized 1 stack (Network) to 3 files in " + d + "\n") != std::string::npos);
  CHECK(fs::is_regular_file(dir / "manifest.json"));
  CHECK(fs::is_regular_file(dir / "cloudformation/Network.template.json"));
  CHECK(fs::is_regular_file(dir / "terraform/Network/main.tf.json"));
  CHECK_FALSE(fs::exists(dir / "cloudformation/Network.template.yaml"));
  fs::remove_all(dir);
}

TEST_CASE("an invalid app exits 3, prints every problem and writes nothing") {
  drdb::App app;
  app.add<drdb::Stack>("Empty", {.description = "", .region = ""});
  app.add<drdb::Stack>("AlsoEmpty", {.description = "", .region = ""});
  const fs::path dir = fs::temp_directory_path() / ("drdb-unit-cli-invalid-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  const auto r = run(app, {"synth", "--out", dir.c_str()});
  CHECK(r.code == drdb::exit_validation);
  CHECK(r.out.empty());
  CHECK(r.err.find("[App/Empty]") != std::string::npos);
  CHECK(r.err.find("[App/AlsoEmpty]") != std::string::npos);
  CHECK(r.err.find("nothing was written") != std::string::npos);
  CHECK_FALSE(fs::exists(dir));
}
