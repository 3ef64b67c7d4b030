#include "drdb/io/manifest.hpp"

#include <doctest/doctest.h>

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
  const auto manifest = json::parse(manifest_json(synthesize_app(t.app)));
  CHECK(manifest["version"] == 1);
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
  const auto manifest = json::parse(manifest_json(synthesize_app(app)));
  CHECK(manifest["stacks"]["Plain"]["cloudformation"]["capabilities"] == json::array());
  CHECK(manifest["stacks"]["Roles"]["cloudformation"]["capabilities"] == json({"CAPABILITY_IAM"}));
}

TEST_CASE("the manifest of a partial synth has the stacks and formats synthesized, in the app's order") {
  ThreeStacks t;
  const auto text = manifest_json(
      synthesize_app(t.app, {.formats = {Format::Terraform}, .stacks = {"Tools", "Data", "Network"}}));
  const auto manifest = json::parse(text);
  CHECK(manifest["deploy_order"] == json({"Network", "Data", "Tools"}));
  CHECK(manifest["stacks"]["Tools"] == json({{"depends_on", json::array()}, {"terraform", {{"directory", "terraform/Tools"}}}}));
  const auto only_data = json::parse(manifest_json(synthesize_app(t.app, {.stacks = {"Data"}})));
  CHECK(only_data["deploy_order"] == json({"Data"}));
  CHECK(only_data["stacks"]["Data"]["depends_on"] == json({"Network"}));  // deploy Network first, from an earlier synth
}

TEST_CASE("the manifest is deterministic text with sorted keys") {
  ThreeStacks t;
  const auto text = manifest_json(synthesize_app(t.app));
  CHECK(text == manifest_json(synthesize_app(t.app)));
  CHECK(text.back() == '\n');
  CHECK(text.find("\"deploy_order\"") < text.find("\"stacks\""));
  CHECK(text.find("\"stacks\"") < text.find("\"version\""));
}
