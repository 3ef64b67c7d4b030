// File input and output of the generator.
#pragma once

#include <filesystem>
#include <set>
#include <string>

namespace drdb::codegen {

std::string read_file(const std::filesystem::path& file);

// Writes the generated files under one root, each only when its content changed (so the build
// does not recompile what did not change), and removes files it owns that were not written.
class OutputTree {
 public:
  explicit OutputTree(std::filesystem::path root) : root_(std::move(root)) {}
  void write(const std::filesystem::path& relative, const std::string& content);
  // Removes every regular file below root/`sub` that write() was not called for, and the
  // directories left empty.
  void remove_stale(const std::filesystem::path& sub) const;
  std::size_t changed() const { return changed_; }

 private:
  std::filesystem::path root_;
  std::set<std::filesystem::path> written_;
  std::size_t changed_ = 0;
};

}  // namespace drdb::codegen
