// The asset output of synth: each zip once, and assets.json saying what to upload where.
#include <algorithm>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "drdb/core/app.hpp"
#include "drdb/core/stack.hpp"
#include "drdb/io/asset.hpp"
#include "drdb/render/synth.hpp"

namespace drdb {
namespace {

struct Use {
  std::shared_ptr<const Asset> asset;
  std::set<std::string> used_by;  // construct paths
  bool cloudformation = false;
  bool terraform = false;
};

bool selected(const Stack& stack, const SynthOptions& options) {
  return options.stacks.empty() ||
         std::find(options.stacks.begin(), options.stacks.end(), stack.name()) != options.stacks.end();
}

bool wants(const SynthOptions& options, Target target) {
  return std::any_of(options.formats.begin(), options.formats.end(),
                     [&](Format f) { return (f == Format::Terraform) == (target == Target::Terraform); });
}

}  // namespace

std::vector<AssetFile> asset_files(const App& app, const SynthOptions& options) {
  // By file (assets/<sha256><extension>): one per content and kind, sorted. Not by hash alone: the
  // same bytes as a .py and a .txt file asset are two uploads.
  std::map<std::string, Use> uses;
  for (const Stack* stack : app.stacks()) {
    if (!selected(*stack, options)) continue;
    walk(*stack, [&](const Construct& c) {
      const auto* user = dynamic_cast<const UsesAssets*>(&c);
      if (user == nullptr) return;
      for (Target target : {Target::CloudFormation, Target::Terraform}) {
        if (!wants(options, target)) continue;
        for (const auto& asset : user->assets(target)) {
          if (!asset || !asset->error().empty()) continue;
          auto& use = uses[asset->relative_path()];
          use.asset = asset;
          use.used_by.insert(c.path());
          (target == Target::CloudFormation ? use.cloudformation : use.terraform) = true;
        }
      }
    });
  }
  if (uses.empty()) return {};

  std::vector<AssetFile> files;
  nlohmann::json list = nlohmann::json::array();
  for (const auto& [file, use] : uses) {
    const auto& a = *use.asset;
    files.push_back({a.relative_path(), a.content()});
    nlohmann::json entry = {{"file", file},
                            {"sha256", a.sha256()},
                            {"size", a.content().size()},
                            {"source", a.source()},
                            {"used_by", use.used_by}};
    if (use.cloudformation)  // the templates read the bucket from this parameter and use this key
      entry["cloudformation"] = {{"bucket_parameter", "AssetsBucket"}, {"key", a.relative_path()}};
    if (use.terraform && a.archive())  // relative to terraform/<Stack>/, where terraform runs
      entry["terraform"] = {{"filename", "../../" + a.relative_path()}, {"source_code_hash", a.sha256_base64()}};
    else if (use.terraform)  // uploaded by the module itself (aws_s3_object) to the same bucket and key
      entry["terraform"] = {{"bucket_variable", "AssetsBucket"}, {"key", a.relative_path()}, {"source", "../../" + a.relative_path()}};
    list.push_back(std::move(entry));
  }
  nlohmann::json manifest = {{"assets", std::move(list)}, {"version", 1}};
  files.push_back({"assets.json", manifest.dump(2) + "\n"});
  return files;
}

}  // namespace drdb
