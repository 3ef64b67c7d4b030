// Which files of an output directory `diff` compares, read into memory.
//
// An output directory's files are those its manifest.json lists (version 2: every file synth wrote)
// and manifest.json itself; a directory whose manifest lists none (no manifest, version 1) is taken
// whole. Either way, what tools and users keep beside the output is never compared: the
// `default_ignores`, and the globs `diff --ignore` adds.
#pragma once

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace drdb::diff {

// Relative path ('/'-separated) → content.
using Files = std::map<std::string, std::string>;

// Hidden files and directories (.terraform/, .terraform.lock.hcl), Terraform state, variable files
// and plans, and Terraform override files, which exist to differ from what drdb writes.
inline constexpr std::string_view default_ignores[] = {
    "**/.*", "**/.*/**",                                                // .terraform/, .terraform.lock.hcl
    "**/*.tfstate*", "**/*.tfvars", "**/*.tfvars.json", "**/*.tfplan",  // state, variables, plans
    "**/override.tf", "**/override.tf.json", "**/*_override.tf", "**/*_override.tf.json"};

// Whether `glob` matches `path`, a '/'-separated path relative to the output directory: `*` and `?`
// match within one path component, `**` across components, and `**/` also matches no component.
bool glob_match(std::string_view glob, std::string_view path);

// Whether `path` is left out of comparisons: it matches a default ignore or one of `globs`.
bool ignored(std::string_view path, const std::vector<std::string>& globs = {});

// The paths of output directory `dir` to compare (see above), without the default ignores; none for
// a missing directory. Throws Error(Io) when it cannot be listed.
std::set<std::string> output_paths(const std::filesystem::path& dir);

// The content of each of `paths` that is a file under `dir`. Throws Error(Io) when one cannot be read.
Files read_files(const std::filesystem::path& dir, const std::set<std::string>& paths);

// The files of `dir` to compare, but those matching `ignore`.
Files read_directory(const std::filesystem::path& dir, const std::vector<std::string>& ignore = {});

}  // namespace drdb::diff
