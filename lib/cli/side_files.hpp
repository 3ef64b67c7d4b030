// The files synth writes beside the templates, so synth and diff see the same output.
#pragma once

#include <string>
#include <vector>

#include "drdb/core/app.hpp"
#include "drdb/io/asset.hpp"
#include "drdb/render/synth.hpp"

namespace drdb::cli {

// The assets of the selected stacks with assets.json (when any), then manifest.json, which lists
// every file written and the `kept` files of an earlier synth that this one leaves in place.
std::vector<AssetFile> side_files(const App& app, const SynthOptions& options, const Synthesis& synthesis,
                                  const std::vector<std::string>& kept = {});

}  // namespace drdb::cli
