// A local file deployed to S3 as it is, for something else to read by its URI: the script an EMR
// step runs, a bootstrap action, a jar. Its key is its content hash (assets/<sha256><extension>) in
// the bucket the stack's AssetsBucket parameter names: a CloudFormation deployment uploads it
// beforehand with the Lambda code (assets.json), a Terraform module uploads it itself
// (aws_s3_object). A changed file gets a new key, so a cluster launched later runs the new one.
//
// The assets bucket is the deployer's: it is expected to be private, and encrypted with SSE-S3
// or with a key whose policy lets the readers decrypt.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "drdb/core/resource.hpp"
#include "drdb/io/asset.hpp"

namespace drdb::aws::iam {
class ManagedPolicy;
class Role;
}

namespace drdb::aws::s3 {

class FileAsset : public Resource, public UsesAssets {
 public:
  struct Props {
    // A regular file on the machine running synth; a relative path is relative to the current
    // directory. Read here; a missing, unreadable or empty file is reported by validation.
    std::filesystem::path path;
    // How assets.json names the source; empty: the path as given. Label an absolute path (e.g.
    // "jobs/ingest.py") so the manifest is the same on every machine.
    std::string source_label;
    // The file's bytes, when they are not read from `path` (a file built in code, or compiled into
    // the program); `path` then only gives the name its extension.
    std::optional<std::string> content;
  };
  FileAsset(const Scope& scope, Props props);

  const Props& props() const { return props_; }
  const Asset& asset() const { return *asset_; }
  Str bucket_name() const;         // the AssetsBucket parameter
  std::string object_key() const;  // assets/<sha256><extension>
  Str s3_uri() const;              // s3://<bucket>/<key>
  Str object_arn() const;          // arn:<partition>:s3:::<bucket>/<key>
  // s3:GetObject on this object and nothing else. A role of another stack gets it through a
  // managed policy of this stack (ReadPolicy), since the bucket is this stack's parameter.
  void grant_read(iam::Role& role) const;

  std::vector<std::shared_ptr<const Asset>> assets(Target target) const override;
  void validate(Diagnostics& out) const override;
  void accept(ResourceVisitor& v) const override;

 private:
  Props props_;
  std::shared_ptr<const Asset> asset_;
  const Parameter* bucket_ = nullptr;
  mutable iam::ManagedPolicy* other_stacks_readers_ = nullptr;  // created by the first such grant
};

}  // namespace drdb::aws::s3
