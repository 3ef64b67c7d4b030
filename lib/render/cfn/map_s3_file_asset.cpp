// A file asset has no CloudFormation resource: the deployment uploads it to the assets bucket
// beforehand (assets.json), and what reads it names that bucket's parameter and its key.
#include "drdb/aws/s3/file_asset.hpp"
#include "render/cfn/cfn_mapper.hpp"

namespace drdb::render::cfn {

void CfnMapper::visit(const aws::s3::FileAsset&) {}

}  // namespace drdb::render::cfn
