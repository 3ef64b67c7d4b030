#include "io/relative_path.hpp"

#include <filesystem>

namespace drdb::io {

bool plain_relative_path(std::string_view path) {
  const std::filesystem::path p(path);
  if (path.empty() || path.find('\0') != std::string_view::npos) return false;
  if (!p.is_relative() || p.has_root_name() || !p.has_filename()) return false;
  for (const auto& part : p)
    if (part == ".." || part == ".") return false;
  return true;
}

}  // namespace drdb::io
