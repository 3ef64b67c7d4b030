#include "drdb/io/manifest.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "io/relative_path.hpp"

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

ListedFiles unlisted(std::string problem) { return {std::nullopt, std::move(problem), {}}; }

}  // namespace

std::string manifest_json(const Synthesis& synthesis, std::vector<std::string> files) {
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
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  const nlohmann::json manifest = {
      {"deploy_order", std::move(order)}, {"files", std::move(files)}, {"stacks", std::move(stacks)}, {"version", 2}};
  return manifest.dump(2) + "\n";
}

ListedFiles read_listed_files(const std::filesystem::path& dir) {
  const auto path = dir / manifest_path;
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (!std::filesystem::exists(status)) return unlisted("");
  if (!std::filesystem::is_regular_file(status)) return unlisted("is not a file");
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) return unlisted("cannot be read");
  const auto manifest = nlohmann::json::parse(text.str(), nullptr, false);
  if (manifest.is_discarded() || !manifest.is_object()) return unlisted("is not a JSON object");
  const auto version = manifest.find("version");
  if (version != manifest.end() && *version == 1) return unlisted("is of version 1, which lists no files");
  if (version == manifest.end() || *version != 2) return unlisted("is not of version 2");
  const auto files = manifest.find("files");
  if (files == manifest.end() || !files->is_array()) return unlisted("has no \"files\" list");
  ListedFiles listed{std::vector<std::string>{}, "", {}};
  for (const auto& file : *files) {
    if (!file.is_string()) return unlisted("lists a file that is not a string");
    const auto& name = file.get_ref<const std::string&>();
    if (io::plain_relative_path(name))
      listed.files->push_back(std::filesystem::path(name).lexically_normal().generic_string());
    else
      listed.rejected.push_back(name);
  }
  return listed;
}

}  // namespace drdb
