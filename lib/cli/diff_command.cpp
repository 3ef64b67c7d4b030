#include "cli/diff_command.hpp"

#include <ostream>
#include <set>

#include "cli/formats.hpp"
#include "cli/retained_removals.hpp"
#include "cli/selection.hpp"
#include "cli/side_files.hpp"
#include "drdb/cli/run.hpp"
#include "drdb/core/error.hpp"
#include "drdb/diff/diff.hpp"
#include "drdb/diff/files.hpp"
#include "drdb/render/synth.hpp"

namespace drdb::cli {
namespace {

SynthOptions synth_options(const DiffArgs& args) {
  SynthOptions options;
  options.formats = parse_formats(args.formats);
  options.stacks = args.stacks;
  return options;
}

// The app synthesized in memory, as the files synth would write into `dir`, the committed output:
// its Terraform modules are what synth would take the retained resources from.
diff::Files fresh_synth(const App& app, const SynthOptions& options, bool with_app_files,
                        const std::filesystem::path& dir, std::ostream& err) {
  Diagnostics warnings;
  diff::Files files;
  auto synthesis = synthesize_app(app, options, &warnings);
  keep_retained(synthesis, dir, err);
  if (with_app_files)
    for (auto& file : side_files(app, options, synthesis)) files[file.path] = std::move(file.content);
  for (auto& doc : synthesis.documents) files[doc.path] = std::move(doc.content);
  err << warnings.format();
  return files;
}

void drop_ignored(std::set<std::string>& paths, const DiffArgs& args) {
  std::erase_if(paths, [&](const std::string& path) { return diff::ignored(path, args.ignore); });
}

diff::FailOn fail_level(const std::string& name) {
  if (name == "replacement") return diff::FailOn::Replacement;
  if (name == "data-loss") return diff::FailOn::DataLoss;
  return diff::FailOn::Any;  // the CLI accepts only these three names
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
  // The files either side lists (drdb/diff/files.hpp), but the ignored ones.
  auto paths = diff::output_paths(args.dirs[0]);
  diff::Files after;
  if (args.dirs.size() == 2) {
    paths.merge(diff::output_paths(args.dirs[1]));
    drop_ignored(paths, args);
    after = diff::read_files(args.dirs[1], paths);
  } else {
    const auto options = synth_options(args);
    after = fresh_synth(app(), options, whole_output(options), args.dirs[0], err);
    for (const auto& [path, content] : after) paths.insert(path);
    drop_ignored(paths, args);
    std::erase_if(after, [&](const auto& file) { return !paths.contains(file.first); });
    // With --format or --stack, only those stacks' documents in those formats are compared: the
    // committed directory's other files are not what the fresh synth was asked for.
    std::erase_if(paths, [&](const std::string& path) { return !covers(options, path); });
  }
  const auto before = diff::read_files(args.dirs[0], paths);
  const auto result = diff::compare(before, after);
  out << (args.json ? diff::to_json(result) : diff::to_text(result));
  return diff::fails(result, fail_level(args.fail_on)) ? exit_different : exit_ok;
}

}  // namespace drdb::cli
