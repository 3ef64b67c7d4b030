// Retained resources that leave the model stay in AWS under Terraform too: each Terraform module is
// given the module an earlier synth wrote for its stack (render/tf/removed_blocks.hpp). Synth and
// diff both take the earlier module from the output directory, so diff compares what synth writes.
#pragma once

#include <filesystem>
#include <iosfwd>

#include "drdb/render/synth.hpp"

namespace drdb::cli {

// Adds `removed` blocks to each Terraform document of `synthesis` whose path `dir`'s manifest.json
// (version 2) lists: nothing without one, since only a manifest says the file is synth's. A listed
// module that cannot be read as JSON contributes nothing, with a note on `err`.
void keep_retained(Synthesis& synthesis, const std::filesystem::path& dir, std::ostream& err);

}  // namespace drdb::cli
