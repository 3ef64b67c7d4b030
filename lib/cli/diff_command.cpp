#include "cli/diff_command.hpp"

#include <ostream>

#include "cli/formats.hpp"
#include "cli/side_files.hpp"
#include "drdb/cli/run.hpp"
#include "drdb/core/error.hpp"
#include "drdb/diff/diff.hpp"
#include "drdb/render/synth.hpp"

namespace drdb::cli {
namespace {

// The app synthesized in memory, as the files synth would write.
diff::Files fresh_synth(const App& app, const DiffArgs& args, std::ostream& err) {
  SynthOptions options;
  options.formats = parse_formats(args.formats);
  options.stacks = args.stacks;
  Diagnostics warnings;
  diff::Files files;
  auto synthesis = synthesize_app(app, options, &warnings);
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
  const auto before = diff::read_directory(args.dirs[0]);
  const auto after = args.dirs.size() == 2 ? diff::read_directory(args.dirs[1]) : fresh_synth(app(), args, err);
  const auto result = diff::compare(before, after);
  out << (args.json ? diff::to_json(result) : diff::to_text(result));
  return result.empty() ? exit_ok : exit_different;
}

}  // namespace drdb::cli
