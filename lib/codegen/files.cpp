#include "files.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace drdb::codegen {

std::string read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void OutputTree::write(const std::filesystem::path& relative, const std::string& content) {
  auto file = root_ / relative;
  written_.insert(file);
  std::error_code ignored;
  if (std::filesystem::exists(file, ignored) && read_file(file) == content) return;
  std::filesystem::create_directories(file.parent_path());
  auto temp = file;
  temp += ".tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << content;
    if (!out.flush()) throw std::runtime_error("cannot write " + temp.string());
  }
  std::filesystem::rename(temp, file);
  ++changed_;
}

void OutputTree::remove_stale(const std::filesystem::path& sub) const {
  if (!std::filesystem::exists(root_ / sub)) return;
  std::vector<std::filesystem::path> stale;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root_ / sub))
    if (entry.is_regular_file() && !written_.count(entry.path())) stale.push_back(entry.path());
  for (const auto& file : stale) std::filesystem::remove(file);
  std::vector<std::filesystem::path> dirs;  // deepest first, so emptied parents go too
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root_ / sub))
    if (entry.is_directory()) dirs.insert(dirs.begin(), entry.path());
  for (const auto& dir : dirs)
    if (std::filesystem::is_empty(dir)) std::filesystem::remove(dir);
}

}  // namespace drdb::codegen
