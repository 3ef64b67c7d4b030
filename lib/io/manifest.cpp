#include "drdb/io/manifest.hpp"

#include <filesystem>

#include <nlohmann/json.hpp>

namespace drdb {

namespace {

// Where a document goes in its stack's entry: {"cloudformation": {"json": path}}, ...
void add_file(nlohmann::json& entry, const Document& doc) {
  switch (doc.format) {
    case Format::CloudFormationJson: entry["cloudformation"]["json"] = doc.path; break;
    case Format::CloudFormationYaml: entry["cloudformation"]["yaml"] = doc.path; break;
    case Format::Terraform:  // the root module's directory, where terraform runs
      entry["terraform"]["directory"] = std::filesystem::path(doc.path).parent_path().generic_string();
      break;
  }
}

}  // namespace

std::string manifest_json(const Synthesis& synthesis) {
  nlohmann::json order = nlohmann::json::array();
  nlohmann::json stacks = nlohmann::json::object();
  for (const auto& s : synthesis.stacks) {
    order.push_back(s.stack);
    stacks[s.stack] = {{"depends_on", s.depends_on}};
  }
  for (const auto& doc : synthesis.documents) add_file(stacks[doc.stack], doc);
  for (const auto& s : synthesis.stacks) {
    auto& entry = stacks[s.stack];
    if (entry.contains("cloudformation")) entry["cloudformation"]["capabilities"] = s.capabilities;
  }
  const nlohmann::json manifest = {{"deploy_order", std::move(order)}, {"stacks", std::move(stacks)}, {"version", 1}};
  return manifest.dump(2) + "\n";
}

}  // namespace drdb
