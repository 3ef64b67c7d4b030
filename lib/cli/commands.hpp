// The subcommands of drdb::run, free of command-line parsing so they can be tested directly.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "cli/rule_args.hpp"
#include "drdb/core/app.hpp"

namespace drdb::cli {

struct SynthArgs {
  std::vector<std::string> formats;  // format names; empty: all
  std::string out_dir = "out";
  std::vector<std::string> stacks;  // empty: every stack
  RuleArgs rules;
};

struct ValidateArgs {
  std::vector<std::string> stacks;  // empty: every stack
  RuleArgs rules;
};

// Validates, renders every requested document in memory, writes them with the assets and
// manifest.json all or none, removing in the same write the files of the earlier synth's manifest
// that its selection covers and no longer writes (cli/selection.hpp), then prints one
// "wrote <path>" line per file, one "removed <path>" line per file removed, and a summary on `out`;
// warnings and notes go to `err`. Throws drdb::Error (ValidationError with every diagnostic when the model is
// invalid).
int synth(const App& app, const SynthArgs& args, std::ostream& out, std::ostream& err);

// Runs every check synth runs (model, rules, limits, every format rendered in memory) and writes
// nothing but the --report file. Prints suppressed findings and a summary on `out`; warnings, or
// every diagnostic when invalid, on `err`. Returns exit_ok or exit_validation.
int validate(const App& app, const ValidateArgs& args, std::ostream& out, std::ostream& err);

// One line per stack, in deploy order: its name, how many resources it holds, and the stacks it
// deploys after. Throws ValidationError when stacks depend on each other in a cycle.
int list(const App& app, std::ostream& out);

}  // namespace drdb::cli
