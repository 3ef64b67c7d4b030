#include "drdb/cli/run.hpp"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

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

// Two stacks holding only outputs: enough to exercise the command line without resource kinds.
struct TwoStacks {
  drdb::App app;
  TwoStacks() {
    auto& network = app.add<drdb::Stack>("Network", {.description = "network", .region = "eu-west-1"});
    network.add<drdb::Output>("VpcCidr", {.value = "10.0.0.0/16", .description = "", .export_name = ""});
    auto& data = app.add<drdb::Stack>("DataLake", {.description = "data", .region = "eu-west-1"});
    data.add<drdb::Output>("Name", {.value = "lake", .description = "", .export_name = ""});
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

TEST_CASE("list prints one line per stack with its resource count") {
  TwoStacks t;
  const auto r = run(t.app, {"list"});
  CHECK(r.code == drdb::exit_ok);
  CHECK(r.out == "Network   0 resources\nDataLake  0 resources\n");
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
  CHECK(r.out.find("synthesized 1 stack (Network) to 2 files in " + d + "\n") != std::string::npos);
  CHECK(fs::is_regular_file(dir / "cloudformation/Network.template.json"));
  CHECK(fs::is_regular_file(dir / "terraform/Network/main.tf.json"));
  CHECK_FALSE(fs::exists(dir / "cloudformation/Network.template.yaml"));
  fs::remove_all(dir);
}
