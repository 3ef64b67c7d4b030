// Writing rendered documents: all or nothing.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "drdb/io/asset.hpp"
#include "drdb/render/synth.hpp"

namespace drdb {

// Writes each document under `dir` through a temporary file renamed into place. Every temporary
// is written (and flushed) before the first rename, so a failure while writing leaves `dir`
// exactly as it was. Throws Error(Io) naming the file and the reason.
void write_documents(const std::filesystem::path& dir, const std::vector<Document>& documents);
// The same, with the files beside them (asset_files(), manifest.json) in the same all-or-nothing
// write, and the removal of `stale` files (paths relative to `dir`, which a previous synth wrote and
// this one does not): once every file is in place, each is moved aside, and deleted only when all
// were; directories left empty are removed up to `dir`, never one that holds anything else. A stale
// path that is missing, a directory, written by this call, or reached through a symbolic link is
// left alone. Returns the stale paths removed.
std::vector<std::string> write_documents(const std::filesystem::path& dir, const std::vector<Document>& documents,
                                         const std::vector<AssetFile>& assets,
                                         const std::vector<std::string>& stale = {});

}  // namespace drdb
