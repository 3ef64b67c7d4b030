#include "cli/side_files.hpp"

#include "drdb/io/manifest.hpp"

namespace drdb::cli {

std::vector<AssetFile> side_files(const App& app, const SynthOptions& options, const Synthesis& synthesis) {
  auto files = asset_files(app, options);
  files.push_back({std::string(manifest_path), manifest_json(synthesis)});
  return files;
}

}  // namespace drdb::cli
