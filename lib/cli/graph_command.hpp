// `graph`: each stack's resources and references, and each state machine, as Mermaid or DOT.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "drdb/core/app.hpp"

namespace drdb::cli {

struct GraphArgs {
  std::string style = "mermaid";   // mermaid | dot
  std::string out_dir;             // empty: print on stdout
  std::vector<std::string> stacks;  // empty: every stack
};

// Synthesizes in memory (the app must be valid), then prints every picture, or writes one file per
// picture (<name>.mmd / <name>.dot) into out_dir, all or none. Returns exit_ok.
int graph(const App& app, const GraphArgs& args, std::ostream& out, std::ostream& err);

}  // namespace drdb::cli
