// Packaging a file or directory into a deterministic zip (see io/zip_writer.hpp).
#include "drdb/io/asset.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <system_error>

#include "drdb/core/error.hpp"
#include "io/sha256.hpp"
#include "io/zip_writer.hpp"

namespace drdb {
namespace {

namespace fs = std::filesystem;

bool executable(const fs::path& p) {
  std::error_code ec;
  const auto perms = fs::status(p, ec).permissions();
  return !ec && (perms & (fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec)) != fs::perms::none;
}

// Reads one regular file; returns false with `error` set otherwise.
bool read_file(const fs::path& p, std::string& content, std::string& error) {
  std::ifstream in(p, std::ios::binary);
  if (!in) {
    error = p.generic_string() + " cannot be read";
    return false;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    error = p.generic_string() + " cannot be read";
    return false;
  }
  content = std::move(buffer).str();
  return true;
}

// Every regular file below `dir`, by archive name; symbolic links are followed for files and not
// descended into for directories (a loop would never end).
bool collect(const fs::path& dir, std::vector<io::ZipEntry>& entries, std::string& error) {
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const auto& p = it->path();
    const auto st = fs::status(p, ec);
    if (ec) break;
    if (fs::is_directory(st)) continue;
    if (!fs::is_regular_file(st)) {
      error = p.generic_string() + " is neither a regular file nor a directory";
      return false;
    }
    io::ZipEntry e{p.lexically_relative(dir).generic_string(), {}, executable(p)};
    if (!read_file(p, e.content, error)) return false;
    entries.push_back(std::move(e));
  }
  if (ec) {
    error = dir.generic_string() + " cannot be listed: " + ec.message();
    return false;
  }
  return true;
}

}  // namespace

std::shared_ptr<const Asset> Asset::from_path(const fs::path& path, std::string source_label) {
  auto asset = std::make_shared<Asset>();
  asset->source_ = source_label.empty() ? path.generic_string() : std::move(source_label);
  std::vector<io::ZipEntry> entries;
  std::error_code ec;
  const auto st = fs::status(path, ec);
  std::string error;
  if (path.empty()) {
    error = "the asset path is empty";
  } else if (!fs::exists(st)) {
    error = path.generic_string() + " does not exist";
  } else if (fs::is_directory(st)) {
    if (collect(path, entries, error) && entries.empty()) error = path.generic_string() + " contains no files";
  } else if (fs::is_regular_file(st)) {
    io::ZipEntry e{path.filename().generic_string(), {}, executable(path)};
    if (read_file(path, e.content, error)) entries.push_back(std::move(e));
  } else {
    error = path.generic_string() + " is neither a regular file nor a directory";
  }
  if (!error.empty()) {
    asset->error_ = std::move(error);
    return asset;
  }
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  for (const auto& e : entries) asset->unzipped_size_ += e.content.size();
  try {
    asset->zip_ = io::write_zip(entries);
  } catch (const Error& e) {
    asset->error_ = e.what();
    return asset;
  }
  asset->sha256_ = io::sha256_hex(asset->zip_);
  return asset;
}

std::shared_ptr<const Asset> Asset::from_files(std::string source_label, const std::map<std::string, std::string>& files) {
  auto asset = std::make_shared<Asset>();
  asset->source_ = std::move(source_label);
  std::vector<io::ZipEntry> entries;
  for (const auto& [name, content] : files) {  // a map: sorted by name
    entries.push_back({name, content, false});
    asset->unzipped_size_ += content.size();
  }
  asset->zip_ = io::write_zip(entries);
  asset->sha256_ = io::sha256_hex(asset->zip_);
  return asset;
}

std::shared_ptr<const Asset> Asset::from_file(const fs::path& path, std::string source_label) {
  std::error_code ec;
  const auto st = fs::status(path, ec);
  std::string content;
  std::string error;
  if (path.empty()) error = "the asset path is empty";
  else if (!fs::exists(st)) error = path.generic_string() + " does not exist";
  else if (!fs::is_regular_file(st)) error = path.generic_string() + " is not a regular file (a file asset is one file)";
  else read_file(path, content, error);
  if (error.empty()) return from_content(path, std::move(content), std::move(source_label));
  auto asset = std::make_shared<Asset>();
  asset->source_ = source_label.empty() ? path.generic_string() : std::move(source_label);
  asset->error_ = std::move(error);
  asset->archive_ = false;
  return asset;
}

std::shared_ptr<const Asset> Asset::from_content(const fs::path& name, std::string content, std::string source_label) {
  auto asset = std::make_shared<Asset>();
  asset->archive_ = false;
  asset->source_ = source_label.empty() ? name.generic_string() : std::move(source_label);
  if (content.empty()) {
    asset->error_ = name.generic_string() + " is empty";
    return asset;
  }
  // Only a plain extension is kept (".py", ".q"): the key stays a safe S3 key whatever the name.
  const auto extension = name.extension().generic_string();
  const bool plain = extension.size() > 1 && extension.size() <= 16 &&
                     std::all_of(extension.begin() + 1, extension.end(), [](char ch) {
                       return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
                     });
  asset->extension_ = plain ? extension : "";
  asset->zip_ = std::move(content);
  asset->unzipped_size_ = asset->zip_.size();
  asset->sha256_ = io::sha256_hex(asset->zip_);
  return asset;
}

std::string Asset::sha256_base64() const { return io::sha256_base64(zip_); }

}  // namespace drdb
