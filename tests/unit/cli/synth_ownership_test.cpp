// synth --out over an earlier synth: what it wrote and no longer writes goes, everything else stays,
// and the manifest lists what synth owns afterwards. Through drdb::run, as users call it.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "drdb/aws/lambda/function.hpp"
#include "drdb/aws/sqs/queue.hpp"
#include "drdb/cli/run.hpp"
#include "drdb/core/stack.hpp"
#include "unit/cli/run_app.hpp"
#include "unit/io/scratch_dir.hpp"

namespace fs = std::filesystem;
using namespace drdb;
using io_test::put;
using io_test::read;
using io_test::TempDir;
using cli_test::run;

namespace {

bool has_line(const std::string& text, const std::string& line) {
  return ("\n" + text).find("\n" + line + "\n") != std::string::npos;
}

// Stacks of one queue each, and optionally a function with inline code (an asset for Terraform).
struct Queues {
  App app;
  explicit Queues(std::vector<std::string> stacks, bool with_function = false) {
    for (const auto& name : stacks) {
      auto& stack = app.add<Stack>(name);
      stack.add<aws::sqs::Queue>("Jobs").suppress("SQS.2", "a test queue: no dead-letter queue");  // keeps stderr empty
      if (with_function && name == stacks.front())
        stack.add<aws::lambda::Function>(
            "Handler", {.runtime = aws::lambda::Runtime::Python313,
                        .handler = "index.handler",
                        .code = aws::lambda::Code::from_inline("def handler(event, context):\n    return event\n")});
    }
  }
};

std::vector<std::string> listed_files(const fs::path& dir) {
  return nlohmann::json::parse(read(dir / "manifest.json"))["files"].get<std::vector<std::string>>();
}

// Every file under `dir`, relative to it.
std::vector<std::string> files_under(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) out.push_back(fs::relative(e.path(), dir).generic_string());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("synth: a renamed stack's files are removed, a file of the user's beside them stays") {
  TempDir tmp;
  const auto out = (tmp.path / "out").generic_string();
  REQUIRE(run(Queues({"Old"}).app, {"synth", "--out", out}).code == exit_ok);
  put(tmp.path / "out/terraform/Old/backend.tf", "terraform {}\n");
  put(tmp.path / "out/terraform/Old/.terraform/terraform.tfstate", "{}");
  const auto r = run(Queues({"New"}).app, {"synth", "--out", out});
  REQUIRE(r.code == exit_ok);
  CHECK(r.err.empty());
  CHECK(has_line(r.out, "removed " + out + "/cloudformation/Old.template.json"));
  CHECK(has_line(r.out, "removed " + out + "/cloudformation/Old.template.yaml"));
  CHECK(has_line(r.out, "removed " + out + "/terraform/Old/main.tf.json"));
  CHECK(files_under(out) == std::vector<std::string>{"cloudformation/New.template.json", "cloudformation/New.template.yaml",
                                                     "manifest.json", "terraform/New/main.tf.json",
                                                     "terraform/Old/.terraform/terraform.tfstate", "terraform/Old/backend.tf"});
  CHECK(listed_files(out) == std::vector<std::string>{"cloudformation/New.template.json", "cloudformation/New.template.yaml",
                                                      "terraform/New/main.tf.json"});
  // Without the user's files, the stack's directory goes too.
  REQUIRE(run(Queues({"Old"}).app, {"synth", "--out", out}).code == exit_ok);
  fs::remove_all(tmp.path / "out/terraform/Old/.terraform");
  fs::remove(tmp.path / "out/terraform/Old/backend.tf");
  REQUIRE(run(Queues({"New"}).app, {"synth", "--out", out}).code == exit_ok);
  CHECK_FALSE(fs::exists(tmp.path / "out/terraform/Old"));
}

TEST_CASE("synth: removing the only function removes its asset, assets/ and assets.json") {
  TempDir tmp;
  const auto out = (tmp.path / "out").generic_string();
  REQUIRE(run(Queues({"S"}, true).app, {"synth", "--out", out}).code == exit_ok);
  const auto with_function = listed_files(out);
  CHECK(std::count_if(with_function.begin(), with_function.end(), [](const auto& f) { return f.starts_with("assets/"); }) == 1);
  CHECK(std::find(with_function.begin(), with_function.end(), "assets.json") != with_function.end());
  const auto r = run(Queues({"S"}).app, {"synth", "--out", out});
  REQUIRE(r.code == exit_ok);
  CHECK(has_line(r.out, "removed " + out + "/assets.json"));
  CHECK_FALSE(fs::exists(tmp.path / "out/assets"));
  CHECK_FALSE(fs::exists(tmp.path / "out/assets.json"));
  auto on_disk = files_under(out);
  std::erase(on_disk, "manifest.json");
  CHECK(listed_files(out) == on_disk);
  // A fresh synth of the app is then what the directory holds.
  CHECK(run(Queues({"S"}).app, {"diff", out}).code == exit_ok);
}

TEST_CASE("synth: a partial synth removes only its own stale documents and keeps the others listed") {
  TempDir tmp;
  const auto out = (tmp.path / "out").generic_string();
  REQUIRE(run(Queues({"A", "B"}).app, {"synth", "--out", out}).code == exit_ok);
  const auto full = listed_files(out);
  // B's terraform module written by an earlier synth, and no longer: A alone, in Terraform alone.
  auto manifest = nlohmann::json::parse(read(tmp.path / "out/manifest.json"));
  manifest["files"].push_back("terraform/A/old.tf.json");
  manifest["files"].push_back("terraform/B/old.tf.json");
  put(tmp.path / "out/manifest.json", manifest.dump());
  put(tmp.path / "out/terraform/A/old.tf.json", "{}");
  put(tmp.path / "out/terraform/B/old.tf.json", "{}");
  const auto r = run(Queues({"A", "B"}).app, {"synth", "--out", out, "--stack", "A", "--format", "terraform"});
  REQUIRE(r.code == exit_ok);
  CHECK(r.out.find("removed ") == r.out.rfind("removed "));  // one file
  CHECK(has_line(r.out, "removed " + out + "/terraform/A/old.tf.json"));
  CHECK(fs::exists(tmp.path / "out/terraform/B/old.tf.json"));
  CHECK(fs::exists(tmp.path / "out/cloudformation/B.template.json"));
  CHECK(fs::exists(tmp.path / "out/cloudformation/A.template.yaml"));
  auto expected = full;
  expected.push_back("terraform/B/old.tf.json");
  std::sort(expected.begin(), expected.end());
  CHECK(listed_files(out) == expected);
  // A full synth then takes over everything again.
  const auto again = run(Queues({"A", "B"}).app, {"synth", "--out", out});
  CHECK(has_line(again.out, "removed " + out + "/terraform/B/old.tf.json"));
  CHECK(listed_files(out) == full);
}

TEST_CASE("synth: without a usable manifest nothing is removed, and a note says so") {
  TempDir tmp;
  const auto out = (tmp.path / "out").generic_string();
  const auto old_files = [&] {
    put(tmp.path / "out/cloudformation/Old.template.json", "{}");
    put(tmp.path / "out/terraform/Old/main.tf.json", "{}");
  };
  old_files();
  auto r = run(Queues({"New"}).app, {"synth", "--out", out});
  CHECK(r.err == "note: " + out + " has no manifest.json: no file of an earlier synth is removed\n");
  CHECK(fs::exists(tmp.path / "out/cloudformation/Old.template.json"));

  put(tmp.path / "out/manifest.json", R"({"deploy_order": ["Old"], "stacks": {}, "version": 1})");
  r = run(Queues({"New"}).app, {"synth", "--out", out});
  CHECK(r.err == "note: " + out + "/manifest.json is of version 1, which lists no files: no file of an earlier synth is removed\n");
  CHECK(fs::exists(tmp.path / "out/terraform/Old/main.tf.json"));
  CHECK(r.out.find("removed ") == std::string::npos);

  put(tmp.path / "out/manifest.json", "{");
  r = run(Queues({"New"}).app, {"synth", "--out", out});
  CHECK(r.err == "note: " + out + "/manifest.json is not a JSON object: no file of an earlier synth is removed\n");

  // A first synth into a new directory has nothing to say.
  CHECK(run(Queues({"New"}).app, {"synth", "--out", (tmp.path / "fresh").generic_string()}).err.empty());
}

TEST_CASE("synth: paths of a manifest that leave the output directory are never removed") {
  TempDir tmp;
  const auto out = (tmp.path / "out").generic_string();
  put(tmp.path / "secret.json", "secret");
  put(tmp.path / "out/manifest.json", R"({"files": ["../secret.json", ")" + (tmp.path / "secret.json").generic_string() +
                                          R"(", "x/../../secret.json"], "version": 2})");
  const auto r = run(Queues({"S"}).app, {"synth", "--out", out});
  REQUIRE(r.code == exit_ok);
  CHECK(r.err.find("note: " + out + "/manifest.json lists '../secret.json', which is not a path inside " + out +
                   ": left alone\n") != std::string::npos);
  CHECK(r.out.find("removed ") == std::string::npos);
  CHECK(read(tmp.path / "secret.json") == "secret");
}
