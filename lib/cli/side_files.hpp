// The files synth writes beside the templates, so synth and diff see the same output.
#pragma once

#include <vector>

#include "drdb/core/app.hpp"
#include "drdb/io/asset.hpp"
#include "drdb/render/synth.hpp"

namespace drdb::cli {

// The assets of the selected stacks with assets.json (when any), then manifest.json.
std::vector<AssetFile> side_files(const App& app, const SynthOptions& options, const Synthesis& synthesis);

}  // namespace drdb::cli
