// A file asset: Terraform uploads it itself, to the key CloudFormation deployments upload it to,
// from the copy synth wrote beside the modules.
#include "drdb/aws/s3/file_asset.hpp"
#include "drdb/l1/tf/s3.hpp"
#include "render/tf/tf_mapper.hpp"

namespace drdb::render::tf {

namespace l1 = drdb::l1::tf;

void TfMapper::visit(const aws::s3::FileAsset& asset) {
  l1::aws_s3_object r;
  r.bucket = asset.bucket_name();
  r.key = asset.object_key();
  r.source = "../../" + asset.asset().relative_path();  // relative to terraform/<Stack>/
  r.source_hash = asset.asset().sha256_base64();        // re-uploaded when the file changes
  // No server_side_encryption: the bucket's default applies, as to the CloudFormation upload.
  emit(asset, r);
}

}  // namespace drdb::render::tf
