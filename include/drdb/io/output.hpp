// Writing rendered documents: all or nothing.
#pragma once

#include <filesystem>
#include <vector>

#include "drdb/io/asset.hpp"
#include "drdb/render/synth.hpp"

namespace drdb {

// Writes each document under `dir` through a temporary file renamed into place. Every temporary
// is written (and flushed) before the first rename, so a failure while writing leaves `dir`
// exactly as it was. Throws Error(Io) naming the file and the reason.
void write_documents(const std::filesystem::path& dir, const std::vector<Document>& documents);
// The same, with the files beside them (asset_files(), manifest.json) in the same all-or-nothing
// write.
void write_documents(const std::filesystem::path& dir, const std::vector<Document>& documents,
                     const std::vector<AssetFile>& assets);

}  // namespace drdb
