// Where a function's code comes from: inline source (small scripts), an object already in S3, or a
// local file or directory that drdb packages into a deterministic zip (an asset, written with the
// synthesized output and listed in assets.json).
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "drdb/core/typed.hpp"
#include "drdb/io/asset.hpp"

namespace drdb::aws::lambda {

class Code {
 public:
  enum class Kind { None, Inline, S3Object, Asset };

  Code() = default;
  // The handler's source, at most 4096 characters (CloudFormation's ZipFile limit). CloudFormation
  // embeds it; Terraform, which has no inline code, gets it packaged as index.py / index.js.
  static Code from_inline(std::string source);
  // An object uploaded by other means.
  static Code from_s3(Str bucket, Str key, std::optional<Str> object_version = {});
  // A file (zipped alone) or a directory (zipped with everything below it) on the machine running
  // synth; a relative path is relative to the current directory. The asset manifest records
  // `source_label`, or else the path as given: label an absolute path (e.g. "lambda/relauncher") so
  // the manifest is the same on every machine. Packaging happens here; a missing or unreadable path
  // is reported by validation.
  static Code from_asset(const std::filesystem::path& path, std::string source_label = "");

  Kind kind() const { return kind_; }
  const std::string& inline_source() const { return inline_source_; }
  const std::optional<Str>& bucket() const { return bucket_; }
  const std::optional<Str>& key() const { return key_; }
  const std::optional<Str>& object_version() const { return object_version_; }
  // Asset code (and inline code, packaged for Terraform); null otherwise.
  const std::shared_ptr<const Asset>& asset() const { return asset_; }

 private:
  Kind kind_ = Kind::None;
  std::string inline_source_;
  std::optional<Str> bucket_;
  std::optional<Str> key_;
  std::optional<Str> object_version_;
  std::shared_ptr<const Asset> asset_;
};

}  // namespace drdb::aws::lambda
