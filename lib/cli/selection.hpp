// What a --stack/--format selection covers of an output directory. A synth owns the files of its
// selection: it writes them, and removes those an earlier synth wrote there that it no longer
// writes; `diff DIR` with a selection compares only those files.
#pragma once

#include <string_view>

#include "drdb/render/synth.hpp"

namespace drdb::cli {

// Every stack in every format: the whole output directory, manifest.json and assets included.
bool whole_output(const SynthOptions& options);

// Whether `path` (relative to the output directory) belongs to the selection: any path when it is
// the whole output, otherwise only the documents of its stacks in its formats
// (cloudformation/<Stack>.template.json or .yaml, terraform/<Stack>/...); never assets or manifests,
// which a partial synth cannot tell apart by stack.
bool covers(const SynthOptions& options, std::string_view path);

}  // namespace drdb::cli
