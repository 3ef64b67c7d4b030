// Assets: local files that a deployment needs uploaded (a Lambda function's code). drdb packages
// each into a deterministic zip (entries sorted by path, fixed timestamps and modes, so the same
// files give the same bytes and the same SHA-256 on every machine), named by its content hash.
//
// synth writes, beside the templates:
//   assets/<sha256>.zip   each asset of the selected stacks, once
//   assets.json           the manifest: for each asset its source, file, sha256, and where it
//                         must be uploaded before a CloudFormation deployment
// CloudFormation templates take the upload bucket as the stack parameter AssetsBucket and the key
// assets/<sha256>.zip; Terraform modules point at the zip file itself.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "drdb/core/resource.hpp"

namespace drdb {

class App;
struct SynthOptions;

class Asset {
 public:
  // Packages a file or a directory now. Problems (missing path, unreadable file, special file) are
  // kept in error() for the owning construct to report during validation.
  // `source_label` is how the asset manifest names the source; empty: the path as given. Give a
  // project-relative label for an absolute path, so the manifest is the same on every machine.
  static std::shared_ptr<const Asset> from_path(const std::filesystem::path& path, std::string source_label = "");
  // Packages in-memory files (name → content), e.g. inline source as index.py.
  static std::shared_ptr<const Asset> from_files(std::string source_label,
                                                 const std::map<std::string, std::string>& files);

  const std::string& source() const { return source_; }   // the label, or the path as given
  const std::string& error() const { return error_; }     // empty when packaged
  const std::string& zip() const { return zip_; }         // the archive's bytes
  const std::string& sha256() const { return sha256_; }   // lower-case hex of zip()
  std::string sha256_base64() const;                      // Terraform's source_code_hash
  std::string file_name() const { return sha256_ + ".zip"; }
  // "assets/<sha256>.zip": the path below the output directory and the S3 key.
  std::string relative_path() const { return "assets/" + file_name(); }
  std::uintmax_t unzipped_size() const { return unzipped_size_; }

 private:
  std::string source_;
  std::string error_;
  std::string zip_;
  std::string sha256_;
  std::uintmax_t unzipped_size_ = 0;
};

// A construct whose deployment to `target` needs assets (inline Lambda code, for instance, needs
// one in Terraform only).
class UsesAssets {
 public:
  virtual ~UsesAssets() = default;
  virtual std::vector<std::shared_ptr<const Asset>> assets(Target target) const = 0;
};

// One file written beside the templates: an asset, assets.json, manifest.json.
struct AssetFile {
  std::string path;     // relative to the output directory
  std::string content;  // bytes
};

// The assets of the selected stacks (each once, sorted by hash) and the manifest assets.json;
// nothing when no construct uses an asset. Assets that failed to package are skipped (validation
// reports them).
std::vector<AssetFile> asset_files(const App& app, const SynthOptions& options);

}  // namespace drdb
