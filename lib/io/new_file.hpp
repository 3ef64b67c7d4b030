// Creating a file that must not exist yet, with every write error reported (not just the open).
#pragma once

#include <filesystem>
#include <string_view>
#include <system_error>

namespace drdb::io {

struct NewFileResult {
  bool created = false;  // the file now exists and is ours to remove on failure
  std::error_code error;
};

// Creates `path` exclusively (an existing file is never touched), writes `content`, syncs it to
// disk and closes it. A rename after this cannot expose a half-written or empty file, even after a
// crash.
NewFileResult write_new_file(const std::filesystem::path& path, std::string_view content);

}  // namespace drdb::io
