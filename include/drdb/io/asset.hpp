// Assets: local files that a deployment needs uploaded. Two kinds:
//   archives  a Lambda function's code: drdb packages a file or directory into a deterministic zip
//             (entries sorted by path, fixed timestamps and modes, so the same files give the same
//             bytes and the same SHA-256 on every machine)
//   files     one file deployed as it is (a job script an EMR step runs: aws/s3/file_asset.hpp)
// Each is named by its content hash.
//
// synth writes, beside the templates:
//   assets/<sha256>.zip   each archive of the selected stacks, once
//   assets/<sha256><ext>  each file, once, with its source's extension (.py, .q, ...)
//   assets.json           the manifest: for each asset its source, file, sha256, and where it
//                         must be uploaded before a CloudFormation deployment
// CloudFormation templates take the upload bucket as the stack parameter AssetsBucket and the key
// assets/<file name>; Terraform modules point at an archive where it is, and upload a file asset
// to the same bucket and key themselves.
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
  // One regular file, deployed as it is (not zipped); its extension stays on the uploaded name.
  static std::shared_ptr<const Asset> from_file(const std::filesystem::path& path, std::string source_label = "");
  // The same for bytes in memory; `name` gives the extension, and the label when none is given.
  static std::shared_ptr<const Asset> from_content(const std::filesystem::path& name, std::string content,
                                                   std::string source_label = "");

  const std::string& source() const { return source_; }   // the label, or the path as given
  const std::string& error() const { return error_; }     // empty when packaged
  bool archive() const { return archive_; }               // a zip drdb made (from_path, from_files)
  const std::string& content() const { return zip_; }     // the bytes uploaded
  const std::string& zip() const { return zip_; }         // content() of an archive
  const std::string& sha256() const { return sha256_; }   // lower-case hex of content()
  std::string sha256_base64() const;                      // Terraform's source_code_hash
  // "<sha256>.zip", or "<sha256><extension>" for a file.
  std::string file_name() const { return sha256_ + extension_; }
  // "assets/<file name>": the path below the output directory and the S3 key.
  std::string relative_path() const { return "assets/" + file_name(); }
  std::uintmax_t unzipped_size() const { return unzipped_size_; }

 private:
  std::string source_;
  std::string error_;
  std::string zip_;
  std::string sha256_;
  std::string extension_ = ".zip";
  bool archive_ = true;  // false for a file deployed as it is, whatever its extension (a .zip too)
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
