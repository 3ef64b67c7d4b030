// `diff`: what changed between two synthesized outputs, or between a fresh synth of the app and a
// committed output directory; exit 0 when equal and 1 when different, so CI can gate on it.
#pragma once

#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

#include "drdb/core/app.hpp"

namespace drdb::cli {

struct DiffArgs {
  std::vector<std::string> dirs;     // BEFORE AFTER, or just the committed directory
  std::vector<std::string> formats;  // of the fresh synth; empty: all
  std::vector<std::string> stacks;   // of the fresh synth; empty: every stack
  std::vector<std::string> ignore;   // globs of paths not compared, beside diff::default_ignores
  bool json = false;
  std::string fail_on = "any";  // any | replacement | data-loss: what makes the exit status 1
};

// Prints the diff (text, or JSON with --json) on `out`; warnings of the fresh synth on `err`.
// Returns exit_ok or exit_different. Throws drdb::Error for unreadable files (Io) and an invalid app (Validation).
// `app` is only built for a fresh synth (one directory given).
int diff(const std::function<const App&()>& app, const DiffArgs& args, std::ostream& out, std::ostream& err);

}  // namespace drdb::cli
