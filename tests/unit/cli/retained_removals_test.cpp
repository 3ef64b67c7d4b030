// synth over an earlier synth keeps in Terraform the retained resources that left the app, and
// diff, given the same earlier output, compares what synth writes.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "drdb/aws/dynamodb/table.hpp"
#include "drdb/aws/sqs/queue.hpp"
#include "drdb/cli/run.hpp"
#include "drdb/core/stack.hpp"
#include "unit/cli/run_app.hpp"
#include "unit/io/scratch_dir.hpp"

namespace fs = std::filesystem;
using namespace drdb;
using io_test::read;
using io_test::TempDir;
using cli_test::run;
using nlohmann::json;

namespace {

// A stack with a queue, and with the run-log table (retained) when `with_table`.
struct Platform {
  App app;
  explicit Platform(bool with_table) {
    auto& stack = app.add<Stack>("S");
    stack.add<aws::sqs::Queue>("Jobs").suppress("SQS.2", "a test queue: no dead-letter queue");
    if (with_table) stack.add<aws::dynamodb::Table>("RunLog", {.partition_key = {"Id"}});
  }
};

json removed(const fs::path& out) { return json::parse(read(out / "terraform/S/main.tf.json")).value("removed", json()); }

const json forget_table = json::array({{{"from", "aws_dynamodb_table.RunLog"}, {"lifecycle", {{"destroy", false}}}}});

}  // namespace

TEST_CASE("synth: a retained table removed from the app is forgotten by Terraform, not destroyed") {
  TempDir tmp;
  const auto out = (tmp.path / "out").generic_string();
  const auto first = run(Platform(true).app, {"synth", "--out", out});
  REQUIRE(first.code == exit_ok);
  CHECK(removed(out).is_null());
  CHECK(first.out.find("terraform -chdir=" + out + "/terraform/S state rm aws_dynamodb_table.RunLog && terraform -chdir=" +
                       out + "/terraform/S destroy\n") != std::string::npos);

  // Before the second synth, diff sees the table deleted: what synth writes then keeps it.
  const auto second = run(Platform(false).app, {"synth", "--out", out});
  REQUIRE(second.code == exit_ok);
  CHECK(second.err.empty());
  CHECK(second.out.find("state rm") == std::string::npos);  // nothing retained is left in the stack
  CHECK(removed(out) == forget_table);
  CHECK(json::parse(read(tmp.path / "out/terraform/S/main.tf.json"))["terraform"]["required_version"] == ">= 1.7.0");

  // Twice before an apply, the block stays; diff of the same app against it finds nothing.
  REQUIRE(run(Platform(false).app, {"synth", "--out", out}).code == exit_ok);
  CHECK(removed(out) == forget_table);
  CHECK(run(Platform(false).app, {"diff", out}).code == exit_ok);

  // The table back in the app: no block.
  REQUIRE(run(Platform(true).app, {"synth", "--out", out}).code == exit_ok);
  CHECK(removed(out).is_null());
}

TEST_CASE("synth: without an earlier manifest there is nothing to keep") {
  TempDir tmp;
  const auto out = (tmp.path / "out").generic_string();
  REQUIRE(run(Platform(true).app, {"synth", "--out", out}).code == exit_ok);
  fs::remove(tmp.path / "out/manifest.json");
  const auto r = run(Platform(false).app, {"synth", "--out", out});
  REQUIRE(r.code == exit_ok);
  CHECK(removed(out).is_null());
}

TEST_CASE("diff: the fresh synth takes the committed modules as synth would") {
  TempDir tmp;
  const auto out = (tmp.path / "out").generic_string();
  REQUIRE(run(Platform(true).app, {"synth", "--out", out}).code == exit_ok);
  const auto d = run(Platform(false).app, {"diff", out, "--json", "--fail-on", "data-loss"});
  CHECK(d.code == exit_ok);
  const auto result = json::parse(d.out);
  bool seen = false;
  for (const auto& file : result["files"])
    for (const auto& resource : file["resources"])
      if (resource["id"] == "aws_dynamodb_table.RunLog") {
        seen = true;
        CHECK(resource["old_resource"] == "retained");
        CHECK(resource["data_loss"] == false);
      }
  CHECK(seen);
}
