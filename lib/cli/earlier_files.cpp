#include "cli/earlier_files.hpp"

#include <ostream>
#include <set>

#include "cli/selection.hpp"
#include "drdb/io/manifest.hpp"

namespace drdb::cli {
namespace {

bool holds_anything(const std::filesystem::path& dir) {
  std::error_code ec;
  return std::filesystem::is_directory(dir, ec) && !std::filesystem::is_empty(dir, ec);
}

}  // namespace

EarlierFiles earlier_files(const std::filesystem::path& dir, const SynthOptions& options, std::ostream& err) {
  const auto manifest = (dir / manifest_path).generic_string();
  const auto listed = read_listed_files(dir);
  for (const auto& path : listed.rejected)
    err << "note: " << manifest << " lists '" << path << "', which is not a path inside " << dir.generic_string()
        << ": left alone\n";
  if (!listed.files) {
    if (!listed.problem.empty())
      err << "note: " << manifest << " " << listed.problem << ": no file of an earlier synth is removed\n";
    else if (holds_anything(dir))
      err << "note: " << dir.generic_string() << " has no " << manifest_path
          << ": no file of an earlier synth is removed\n";
    return {};
  }
  EarlierFiles earlier;
  for (const auto& path : *listed.files) {
    std::error_code ec;
    if (path == manifest_path) continue;  // written anew by every synth
    if (covers(options, path)) earlier.taken.push_back(path);
    else if (std::filesystem::exists(std::filesystem::symlink_status(dir / path, ec))) earlier.kept.push_back(path);
  }
  return earlier;
}

std::vector<std::string> stale_files(const EarlierFiles& earlier, const std::vector<Document>& documents,
                                     const std::vector<AssetFile>& files) {
  std::set<std::string> written;
  for (const auto& doc : documents) written.insert(doc.path);
  for (const auto& file : files) written.insert(file.path);
  std::vector<std::string> stale;
  for (const auto& path : earlier.taken)
    if (!written.contains(path)) stale.push_back(path);
  return stale;
}

}  // namespace drdb::cli
