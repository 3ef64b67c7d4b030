#include "cli/selection.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>

namespace drdb::cli {
namespace {

// The stack and format of a file synth writes for one stack (cloudformation/<stack>.template.json
// or .yaml, terraform/<stack>/...); none for the app's own files (manifest.json, assets).
std::optional<std::pair<std::string_view, Format>> stack_document(std::string_view path) {
  constexpr std::string_view cfn = "cloudformation/", tf = "terraform/", json = ".template.json", yaml = ".template.yaml";
  if (path.starts_with(cfn) && path.ends_with(json))
    return std::pair{path.substr(cfn.size(), path.size() - cfn.size() - json.size()), Format::CloudFormationJson};
  if (path.starts_with(cfn) && path.ends_with(yaml))
    return std::pair{path.substr(cfn.size(), path.size() - cfn.size() - yaml.size()), Format::CloudFormationYaml};
  if (const auto slash = path.find('/', tf.size()); path.starts_with(tf) && slash != std::string_view::npos)
    return std::pair{path.substr(tf.size(), slash - tf.size()), Format::Terraform};
  return std::nullopt;
}

template <class T>
bool contains(const std::vector<T>& items, const auto& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

}  // namespace

bool whole_output(const SynthOptions& options) {
  return options.stacks.empty() &&
         std::all_of(std::begin(all_formats), std::end(all_formats), [&](Format f) { return contains(options.formats, f); });
}

bool covers(const SynthOptions& options, std::string_view path) {
  if (whole_output(options)) return true;
  const auto document = stack_document(path);
  if (!document) return false;
  const auto& [stack, format] = *document;
  return contains(options.formats, format) && (options.stacks.empty() || contains(options.stacks, stack));
}

}  // namespace drdb::cli
