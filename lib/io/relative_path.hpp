// Paths below an output directory, as documents and manifests name them.
#pragma once

#include <string_view>

namespace drdb::io {

// A non-empty relative path to a file with no root and no "." or ".." component: it cannot leave
// the directory it is taken from (unless through a symbolic link on the way).
bool plain_relative_path(std::string_view path);

}  // namespace drdb::io
