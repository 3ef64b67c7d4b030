// manifest.json: what a synth wrote and how to deploy it. For each synthesized stack its files per
// target and the stacks it depends on, the order to deploy the stacks in, and every file synth
// wrote into the output directory (manifest.json itself aside), which the next synth into the same
// directory removes when it no longer writes them:
//   {"deploy_order": ["Network", "Data"],
//    "files": ["assets.json", "assets/<sha256>.zip", "cloudformation/Data.template.json", ...],
//    "stacks": {"Data": {"cloudformation": {"json": "cloudformation/Data.template.json",
//                                           "yaml": "cloudformation/Data.template.yaml"},
//                        "depends_on": ["Network"],
//                        "terraform": {"directory": "terraform/Data"}}, ...},
//    "version": 2}
// Version 1 had no "files".
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "drdb/render/synth.hpp"

namespace drdb {

inline constexpr std::string_view manifest_path = "manifest.json";

// Sorted keys, no timestamps: the same synthesis gives the same bytes. `files` are the paths synth
// owns in the output directory, relative to it; they are listed sorted and once.
std::string manifest_json(const Synthesis& synthesis, std::vector<std::string> files);

// The files the manifest.json of an output directory lists.
struct ListedFiles {
  // None when there is no manifest (`problem` empty), or it lists no files: version 1, or a file
  // that cannot be read as a manifest (`problem` says why).
  std::optional<std::vector<std::string>> files;
  std::string problem;
  // Listed paths that are absolute or climb out of the directory: never taken as synth's files.
  std::vector<std::string> rejected;
};
ListedFiles read_listed_files(const std::filesystem::path& dir);

}  // namespace drdb
