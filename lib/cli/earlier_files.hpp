// The files an earlier synth wrote into the output directory, as its manifest.json lists them, and
// what this synth does with them.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

#include "drdb/io/asset.hpp"
#include "drdb/render/synth.hpp"

namespace drdb::cli {

struct EarlierFiles {
  std::vector<std::string> kept;   // outside this synth's selection and still there: left alone, listed again
  std::vector<std::string> taken;  // in its selection: removed unless written again
};

// Reads `dir`'s manifest. When it lists nothing to go by (missing in a directory that holds
// something, version 1, unreadable), or lists paths outside `dir`, says so on `err` as a note:
// nothing is removed on its account.
EarlierFiles earlier_files(const std::filesystem::path& dir, const SynthOptions& options, std::ostream& err);

// The files of `earlier.taken` that neither `documents` nor `files` writes again.
std::vector<std::string> stale_files(const EarlierFiles& earlier, const std::vector<Document>& documents,
                                     const std::vector<AssetFile>& files);

}  // namespace drdb::cli
