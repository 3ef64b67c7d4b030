#include "cli/diff_command.hpp"

#include <algorithm>
#include <optional>
#include <ostream>
#include <string_view>

#include "cli/formats.hpp"
#include "cli/side_files.hpp"
#include "drdb/cli/run.hpp"
#include "drdb/core/error.hpp"
#include "drdb/diff/diff.hpp"
#include "drdb/render/synth.hpp"

namespace drdb::cli {
namespace {

bool selects_part(const DiffArgs& args) { return !args.formats.empty() || !args.stacks.empty(); }

// The stack and format of a file synth writes for one stack (cloudformation/<stack>.template.json
// or .yaml, terraform/<stack>/...); none for the app's own files (manifest.json, assets).
std::optional<std::pair<std::string, Format>> stack_document(const std::string& path) {
  constexpr std::string_view cfn = "cloudformation/", tf = "terraform/", json = ".template.json", yaml = ".template.yaml";
  if (path.starts_with(cfn) && path.ends_with(json))
    return std::pair{path.substr(cfn.size(), path.size() - cfn.size() - json.size()), Format::CloudFormationJson};
  if (path.starts_with(cfn) && path.ends_with(yaml))
    return std::pair{path.substr(cfn.size(), path.size() - cfn.size() - yaml.size()), Format::CloudFormationYaml};
  if (const auto slash = path.find('/', tf.size()); path.starts_with(tf) && slash != std::string::npos)
    return std::pair{path.substr(tf.size(), slash - tf.size()), Format::Terraform};
  return std::nullopt;
}

// With --format or --stack, only those stacks' documents in those formats are compared: the
// committed directory's other files are not what the fresh synth was asked for.
diff::Files selected_part(diff::Files files, const SynthOptions& options) {
  std::erase_if(files, [&](const auto& file) {
    const auto document = stack_document(file.first);
    if (!document) return true;
    const auto& [stack, format] = *document;
    const bool format_selected = std::find(options.formats.begin(), options.formats.end(), format) != options.formats.end();
    const bool stack_selected = options.stacks.empty() || std::find(options.stacks.begin(), options.stacks.end(), stack) != options.stacks.end();
    return !format_selected || !stack_selected;
  });
  return files;
}

SynthOptions synth_options(const DiffArgs& args) {
  SynthOptions options;
  options.formats = parse_formats(args.formats);
  options.stacks = args.stacks;
  return options;
}

// The app synthesized in memory, as the files synth would write.
diff::Files fresh_synth(const App& app, const SynthOptions& options, bool with_app_files, std::ostream& err) {
  Diagnostics warnings;
  diff::Files files;
  auto synthesis = synthesize_app(app, options, &warnings);
  if (with_app_files)
    for (auto& file : side_files(app, options, synthesis)) files[file.path] = std::move(file.content);
  for (auto& doc : synthesis.documents) files[doc.path] = std::move(doc.content);
  err << warnings.format();
  return files;
}

}  // namespace

int diff(const std::function<const App&()>& app, const DiffArgs& args, std::ostream& out, std::ostream& err) {
  if (args.dirs.empty() || args.dirs.size() > 2)
    throw Error(ErrorKind::Usage, "diff takes the committed output directory (compared with a fresh synth), "
                                  "or two output directories BEFORE AFTER");
  if (args.dirs.size() == 2 && (!args.formats.empty() || !args.stacks.empty()))
    throw Error(ErrorKind::Usage, "--format and --stack select what a fresh synth renders; with two directories "
                                  "there is no synth: drop them");
  for (const auto& dir : args.dirs)
    if (!std::filesystem::is_directory(dir))
      throw Error(ErrorKind::Usage, "diff: " + dir + " is not a directory (give a synth output directory)");
  auto before = diff::read_directory(args.dirs[0]);
  diff::Files after;
  if (args.dirs.size() == 2) {
    after = diff::read_directory(args.dirs[1]);
  } else {
    const auto options = synth_options(args);
    after = fresh_synth(app(), options, !selects_part(args), err);
    if (selects_part(args)) before = selected_part(std::move(before), options);
  }
  const auto result = diff::compare(before, after);
  out << (args.json ? diff::to_json(result) : diff::to_text(result));
  return result.empty() ? exit_ok : exit_different;
}

}  // namespace drdb::cli
