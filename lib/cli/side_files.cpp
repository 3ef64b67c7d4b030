#include "cli/side_files.hpp"

#include "drdb/io/manifest.hpp"

namespace drdb::cli {

std::vector<AssetFile> side_files(const App& app, const SynthOptions& options, const Synthesis& synthesis,
                                  const std::vector<std::string>& kept) {
  auto files = asset_files(app, options);
  std::vector<std::string> listed = kept;
  for (const auto& doc : synthesis.documents) listed.push_back(doc.path);
  for (const auto& file : files) listed.push_back(file.path);
  files.push_back({std::string(manifest_path), manifest_json(synthesis, std::move(listed))});
  return files;
}

}  // namespace drdb::cli
