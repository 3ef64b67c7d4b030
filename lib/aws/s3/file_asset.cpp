#include "drdb/aws/s3/file_asset.hpp"

#include "drdb/aws/iam/managed_policy.hpp"
#include "drdb/aws/iam/role.hpp"
#include "drdb/core/diagnostics.hpp"
#include "drdb/core/stack.hpp"
#include "core/resource_visitor.hpp"

namespace drdb::aws::s3 {

FileAsset::FileAsset(const Scope& scope, Props props)
    : Resource(scope),
      props_(std::move(props)),
      asset_(props_.content ? Asset::from_content(props_.path, *props_.content, props_.source_label)
                            : Asset::from_file(props_.path, props_.source_label)) {
  bucket_ = &stack().assets_bucket(/*terraform=*/true);
}

Str FileAsset::bucket_name() const { return bucket_->as_str(); }

std::string FileAsset::object_key() const { return asset_->relative_path(); }

Str FileAsset::s3_uri() const { return Join{"", {"s3://", bucket_name().value(), "/" + object_key()}}; }

Str FileAsset::object_arn() const {
  return Join{"", {"arn:", Pseudo::Partition, ":s3:::", bucket_name().value(), "/" + object_key()}};
}

void FileAsset::grant_read(iam::Role& role) const {
  iam::Statement read{.actions = {"s3:GetObject"}, .resources = {object_arn()}};
  if (role.find_stack() == find_stack()) {
    role.add_to_policy(std::move(read));
    return;
  }
  if (other_stacks_readers_ == nullptr) {
    // The policy is part of this asset as its grants are: created here, in this stack.
    auto& self = const_cast<FileAsset&>(*this);
    other_stacks_readers_ = &self.add<iam::ManagedPolicy>(
        "ReadPolicy", {.document = {std::move(read)}, .description = "Read of the file asset " + path()});
  }
  other_stacks_readers_->attach_to(role);
}

std::vector<std::shared_ptr<const Asset>> FileAsset::assets(Target) const { return {asset_}; }

void FileAsset::validate(Diagnostics& out) const {
  if (!asset_->error().empty())
    out.error(path(), "the file asset cannot be read: " + asset_->error(), "give the path of a non-empty regular file");
}

void FileAsset::accept(ResourceVisitor& v) const { v.visit(*this); }

}  // namespace drdb::aws::s3
