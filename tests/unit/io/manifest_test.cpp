#include "drdb/io/manifest.hpp"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "drdb/aws/iam/role.hpp"
#include "drdb/aws/sqs/queue.hpp"
#include "drdb/core/stack.hpp"

using namespace drdb;
using nlohmann::json;

namespace {

// Network ← Data (reads the network's queue), and Tools on its own.
struct ThreeStacks {
  App app;
  ThreeStacks() {
    auto& data = app.add<Stack>("Data");
    auto& network = app.add<Stack>("Network");
    app.add<Stack>("Tools").add<aws::sqs::Queue>("Spare");
    auto& queue = network.add<aws::sqs::Queue>("Queue");
    data.add<aws::sqs::Queue>("Own");
    data.add<Output>("QueueArn", {.value = queue.queue_arn().value()});
  }
};

}  // namespace

TEST_CASE("the manifest lists each stack's files and dependencies, and the deploy order") {
  ThreeStacks t;
  const auto manifest = json::parse(manifest_json(synthesize_app(t.app), {}));
  CHECK(manifest["version"] == 2);
  CHECK(manifest["deploy_order"] == json({"Network", "Data", "Tools"}));
  CHECK(manifest["stacks"]["Data"] ==
        json({{"cloudformation",
               {{"capabilities", json::array()},
                {"json", "cloudformation/Data.template.json"},
                {"yaml", "cloudformation/Data.template.yaml"}}},
              {"depends_on", {"Network"}},
              {"terraform", {{"directory", "terraform/Data"}}}}));
  CHECK(manifest["stacks"]["Network"]["depends_on"] == json::array());
}

TEST_CASE("the manifest gives the capability each CloudFormation template needs, as --capabilities takes it") {
  App app;
  app.add<Stack>("Plain").add<aws::sqs::Queue>("Jobs");
  app.add<Stack>("Roles").add<aws::iam::Role>("Worker", {.assumed_by = {aws::iam::Principal::service("ec2.amazonaws.com")}});
  const auto manifest = json::parse(manifest_json(synthesize_app(app), {}));
  CHECK(manifest["stacks"]["Plain"]["cloudformation"]["capabilities"] == json::array());
  CHECK(manifest["stacks"]["Roles"]["cloudformation"]["capabilities"] == json({"CAPABILITY_IAM"}));
}

TEST_CASE("the manifest of a partial synth has the stacks and formats synthesized, in the app's order") {
  ThreeStacks t;
  const auto text = manifest_json(
      synthesize_app(t.app, {.formats = {Format::Terraform}, .stacks = {"Tools", "Data", "Network"}}), {});
  const auto manifest = json::parse(text);
  CHECK(manifest["deploy_order"] == json({"Network", "Data", "Tools"}));
  CHECK(manifest["stacks"]["Tools"] == json({{"depends_on", json::array()}, {"terraform", {{"directory", "terraform/Tools"}}}}));
  const auto only_data = json::parse(manifest_json(synthesize_app(t.app, {.stacks = {"Data"}}), {}));
  CHECK(only_data["deploy_order"] == json({"Data"}));
  CHECK(only_data["stacks"]["Data"]["depends_on"] == json({"Network"}));  // deploy Network first, from an earlier synth
}

TEST_CASE("the manifest is deterministic text with sorted keys") {
  ThreeStacks t;
  const auto text = manifest_json(synthesize_app(t.app), {});
  CHECK(text == manifest_json(synthesize_app(t.app), {}));
  CHECK(text.back() == '\n');
  CHECK(text.find("\"deploy_order\"") < text.find("\"stacks\""));
  CHECK(text.find("\"stacks\"") < text.find("\"version\""));
}

TEST_CASE("the manifest lists the files synth owns, sorted, each once") {
  ThreeStacks t;
  const auto manifest = json::parse(manifest_json(synthesize_app(t.app), {"b.json", "a/x.zip", "b.json", "a.json"}));
  CHECK(manifest["files"] == json({"a.json", "a/x.zip", "b.json"}));
}

namespace {

// A scratch output directory holding a manifest.json with `text`, removed afterwards.
struct ManifestDir {
  std::filesystem::path path;
  explicit ManifestDir(const std::string& name, const std::optional<std::string>& text) {
    path = std::filesystem::temp_directory_path() / ("drdb-unit-manifest-" + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
    if (text) std::ofstream(path / "manifest.json") << *text;
  }
  ~ManifestDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
};

}  // namespace

TEST_CASE("read_listed_files gives the files of a version 2 manifest") {
  ThreeStacks t;
  const ManifestDir dir("v2", manifest_json(synthesize_app(t.app), {"terraform/Data/main.tf.json", "assets.json"}));
  const auto listed = read_listed_files(dir.path);
  REQUIRE(listed.files);
  CHECK(*listed.files == std::vector<std::string>{"assets.json", "terraform/Data/main.tf.json"});
  CHECK(listed.problem.empty());
  CHECK(listed.rejected.empty());
}

TEST_CASE("read_listed_files lists nothing for a missing, version 1 or unreadable manifest, and says why") {
  CHECK_FALSE(read_listed_files("/nonexistent/drdb").files);
  CHECK(read_listed_files("/nonexistent/drdb").problem.empty());
  const ManifestDir none("none", std::nullopt);
  CHECK_FALSE(read_listed_files(none.path).files);
  CHECK(read_listed_files(none.path).problem.empty());
  const std::pair<const char*, const char*> cases[] = {
      {R"({"deploy_order": [], "stacks": {}, "version": 1})", "is of version 1, which lists no files"},
      {"{not json", "is not a JSON object"},
      {"", "is not a JSON object"},
      {R"({"files": ["a"], "version": 3})", "is not of version 2"},
      {R"({"version": 2})", "has no \"files\" list"},
      {R"({"files": [1], "version": 2})", "lists a file that is not a string"}};
  for (const auto& entry : cases) {
    const std::string text = entry.first;  // not a structured binding: CAPTURE takes it, which clang 14 refuses
    CAPTURE(text);
    const ManifestDir dir("bad", text);
    const auto listed = read_listed_files(dir.path);
    CHECK_FALSE(listed.files);
    CHECK(listed.problem == entry.second);
  }
}

TEST_CASE("read_listed_files rejects paths that leave the output directory") {
  const ManifestDir dir("hostile", R"({"files": ["../outside.txt", "/etc/passwd", "a/../../x", "./a", "", "a/./b",
                                                  "terraform/S/main.tf.json", "a//b"], "version": 2})");
  const auto listed = read_listed_files(dir.path);
  REQUIRE(listed.files);
  CHECK(*listed.files == std::vector<std::string>{"terraform/S/main.tf.json", "a/b"});
  CHECK(listed.rejected == std::vector<std::string>{"../outside.txt", "/etc/passwd", "a/../../x", "./a", "", "a/./b"});
}
