// The drdb-synth command line, for any app: `int main(int c, char** v) { ...; return drdb::run(app, c, v); }`
#pragma once

#include <functional>
#include <iosfwd>

#include "drdb/core/app.hpp"

namespace drdb {

// Documented exit codes (README "Exit codes").
enum ExitCode : int {
  exit_ok = 0,
  exit_different = 1,   // diff: the outputs differ
  exit_usage = 2,       // bad command line
  exit_validation = 3,  // the model is invalid (every diagnostic is printed)
  exit_io = 4,          // output could not be written (the output directory is unchanged)
  exit_internal = 70,   // a bug in drdb
};

// Parses argv (subcommands synth, list; --help, --version), runs it, never lets an exception out.
int run(const App& app, int argc, const char* const* argv);
int run(const App& app, int argc, const char* const* argv, std::ostream& out, std::ostream& err);

// Runs the command line, building the app with `build` when the command needs it; an error while
// building (a duplicate id, say) is reported like any other, with its exit code, instead of
// escaping main:
//   int main(int argc, char** argv) { return drdb::run(argc, argv, [](drdb::App& app) { ... }); }
int run(int argc, const char* const* argv, const std::function<void(App&)>& build);
int run(int argc, const char* const* argv, const std::function<void(App&)>& build, std::ostream& out,
        std::ostream& err);

}  // namespace drdb
