#include "drdb/diff/files.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "drdb/core/error.hpp"
#include "drdb/io/manifest.hpp"

namespace drdb::diff {
namespace {

namespace fs = std::filesystem;

// Every file under `dir` but the default ignores; hidden directories are not even entered.
std::set<std::string> every_file(const fs::path& dir) {
  std::set<std::string> paths;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it); it.increment(ec)) {
    const auto rel = fs::relative(it->path(), dir).generic_string();
    if (it->is_directory()) {
      if (ignored(rel + "/")) it.disable_recursion_pending();
    } else if (it->is_regular_file() && !ignored(rel)) {
      paths.insert(rel);
    }
  }
  if (ec) throw Error(ErrorKind::Io, dir.generic_string() + ": cannot be listed: " + ec.message());
  return paths;
}

}  // namespace

bool glob_match(std::string_view glob, std::string_view path) {
  if (glob.starts_with("**/")) {  // no component, or any number of them
    const auto rest = glob.substr(3);
    if (glob_match(rest, path)) return true;
    for (std::size_t i = 0; i < path.size(); ++i)
      if (path[i] == '/' && glob_match(rest, path.substr(i + 1))) return true;
    return false;
  }
  if (glob.starts_with("**")) {
    for (std::size_t i = 0; i <= path.size(); ++i)
      if (glob_match(glob.substr(2), path.substr(i))) return true;
    return false;
  }
  if (glob.empty()) return path.empty();
  if (glob.front() == '*') {
    for (std::size_t i = 0;; ++i) {
      if (glob_match(glob.substr(1), path.substr(i))) return true;
      if (i == path.size() || path[i] == '/') return false;
    }
  }
  if (path.empty()) return false;
  const bool one = glob.front() == '?' ? path.front() != '/' : glob.front() == path.front();
  return one && glob_match(glob.substr(1), path.substr(1));
}

bool ignored(std::string_view path, const std::vector<std::string>& globs) {
  const auto match = [&](std::string_view glob) { return glob_match(glob, path); };
  return std::any_of(std::begin(default_ignores), std::end(default_ignores), match) ||
         std::any_of(globs.begin(), globs.end(), match);
}

std::set<std::string> output_paths(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return {};
  const auto listed = read_listed_files(dir);
  if (!listed.files) return every_file(dir);
  std::set<std::string> paths(listed.files->begin(), listed.files->end());
  paths.insert(std::string(manifest_path));
  std::erase_if(paths, [](const std::string& path) { return ignored(path); });
  return paths;
}

Files read_files(const fs::path& dir, const std::set<std::string>& paths) {
  Files files;
  for (const auto& path : paths) {
    const auto file = dir / path;
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) continue;
    std::ifstream in(file, std::ios::binary);
    if (!in.is_open()) throw Error(ErrorKind::Io, file.generic_string() + ": cannot be read");
    std::ostringstream text;
    text << in.rdbuf();
    files[path] = text.str();
  }
  return files;
}

Files read_directory(const fs::path& dir, const std::vector<std::string>& ignore) {
  auto paths = output_paths(dir);
  std::erase_if(paths, [&](const std::string& path) { return ignored(path, ignore); });
  return read_files(dir, paths);
}

}  // namespace drdb::diff
