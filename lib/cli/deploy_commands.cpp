#include "cli/deploy_commands.hpp"

#include <algorithm>
#include <string>

#include <nlohmann/json.hpp>

#include "drdb/core/app.hpp"
#include "drdb/core/stack.hpp"
#include "render/limits.hpp"
#include "render/tf/removed_blocks.hpp"

namespace drdb::cli {

namespace {

const Document* written(const Synthesis& s, const std::string& stack, Format format) {
  auto it = std::find_if(s.documents.begin(), s.documents.end(), [&](const Document& d) { return d.stack == stack && d.format == format; });
  return it == s.documents.end() ? nullptr : &*it;
}

// --parameter-overrides for the parameters CloudFormation has no value for: each one without a
// default, and the bucket the assets were uploaded to.
std::string parameter_overrides(const App& app, const std::string& stack_name) {
  std::string overrides;
  const auto* stack = dynamic_cast<const Stack*>(app.find_child(stack_name));
  if (stack == nullptr) return overrides;
  for (const auto& child : stack->children()) {
    const auto* p = dynamic_cast<const Parameter*>(child.get());
    if (p == nullptr || p->props().default_value) continue;
    // The assets bucket is the stack's parameter of that name (Stack::assets_bucket).
    const bool assets = p->props().cloudformation_only || p->id() == "AssetsBucket";
    overrides += " " + p->id() + (assets ? "=<assets bucket>" : "=<value>");
  }
  return overrides.empty() ? overrides : " --parameter-overrides" + overrides;
}

std::string capabilities_option(const StackDeployment& deployment) {
  std::string option;
  for (const auto& capability : deployment.capabilities) option += " " + capability;
  return option.empty() ? option : " --capabilities" + option;
}

// `terraform destroy` refuses a module with prevent_destroy resources in its state, and would
// delete the rest of a retained construct (a bucket's encryption, versioning...): forgetting them
// first tears the stack down as CloudFormation's delete-stack does, keeping them.
void print_teardown_commands(const Synthesis& synthesis, const std::filesystem::path& dir, std::ostream& out) {
  bool first = true;
  for (auto it = synthesis.stacks.rbegin(); it != synthesis.stacks.rend(); ++it) {  // dependents first
    const Document* tf = written(synthesis, it->stack, Format::Terraform);
    if (tf == nullptr) continue;
    const auto retained = render::tf::retained_addresses(nlohmann::json::parse(tf->content));
    if (retained.empty()) continue;
    if (first) out << "to tear a Terraform stack down but keep its retained resources, forget them first:\n";
    first = false;
    const auto module = (dir / tf->path).parent_path().generic_string();
    out << "  terraform -chdir=" << module << " state rm";
    for (const auto& address : retained) out << ' ' << address;
    out << " && terraform -chdir=" << module << " destroy\n";
  }
}

// Whether a CloudFormation template reads code from the assets bucket: Terraform points at the zip
// files where they are, and inline code needs no upload.
bool cloudformation_uploads_assets(const std::vector<AssetFile>& side_files) {
  const auto manifest = std::find_if(side_files.begin(), side_files.end(), [](const AssetFile& f) { return f.path == "assets.json"; });
  if (manifest == side_files.end()) return false;
  const auto json = nlohmann::json::parse(manifest->content, nullptr, false);
  if (!json.is_object() || !json.contains("assets")) return false;
  return std::any_of(json["assets"].begin(), json["assets"].end(), [](const nlohmann::json& a) { return a.contains("cloudformation"); });
}

// Whether a Terraform module uploads file assets to the assets bucket, a variable with no default.
bool reads_assets_bucket(const Document& tf) {
  const auto json = nlohmann::json::parse(tf.content, nullptr, false);
  return json.is_object() && json.contains("variable") && json["variable"].contains("AssetsBucket");
}

}  // namespace

void print_deploy_commands(const App& app, const Synthesis& synthesis, const std::vector<AssetFile>& side_files,
                           const std::filesystem::path& dir, std::ostream& out) {
  if (synthesis.stacks.empty()) return;
  out << "to deploy, in this order:\n";
  if (cloudformation_uploads_assets(side_files))
    out << "  first upload the assets (assets.json): aws s3 cp " << (dir / "assets").generic_string()
        << " s3://<assets bucket>/assets/ --recursive\n";
  for (const auto& deployment : synthesis.stacks) {
    const auto& name = deployment.stack;
    const Document* cfn = written(synthesis, name, Format::CloudFormationYaml);
    if (cfn == nullptr) cfn = written(synthesis, name, Format::CloudFormationJson);
    if (cfn != nullptr) {
      // CloudFormation takes 51,200 bytes inline; a larger template goes through an S3 bucket.
      const bool through_s3 = cfn->content.size() > render::max_inline_template_bytes;
      out << "  aws cloudformation deploy --template-file " << (dir / cfn->path).generic_string() << " --stack-name " << name
          << capabilities_option(deployment) << (through_s3 ? " --s3-bucket <bucket>" : "")
          << parameter_overrides(app, name) << '\n';
    }
    if (const Document* tf = written(synthesis, name, Format::Terraform)) {
      const auto module = (dir / tf->path).parent_path().generic_string();
      out << "  terraform -chdir=" << module << " init && terraform -chdir=" << module << " apply"
          << (reads_assets_bucket(*tf) ? " -var AssetsBucket=<assets bucket>" : "") << '\n';
    }
  }
  print_teardown_commands(synthesis, dir, out);
}

}  // namespace drdb::cli
