#include "drdb/aws/lambda/code.hpp"

namespace drdb::aws::lambda {

Code Code::from_inline(std::string source) {
  Code c;
  c.kind_ = Kind::Inline;
  c.inline_source_ = std::move(source);
  return c;
}

Code Code::from_s3(Str bucket, Str key, std::optional<Str> object_version) {
  Code c;
  c.kind_ = Kind::S3Object;
  c.bucket_ = std::move(bucket);
  c.key_ = std::move(key);
  c.object_version_ = std::move(object_version);
  return c;
}

Code Code::from_asset(const std::filesystem::path& path, std::string source_label) {
  Code c;
  c.kind_ = Kind::Asset;
  c.asset_ = Asset::from_path(path, std::move(source_label));
  return c;
}

}  // namespace drdb::aws::lambda
