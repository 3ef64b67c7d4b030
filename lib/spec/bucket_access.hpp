// A role's access to a bucket's objects, by name (read, put, read_write): the bucket's grant method
// the loader calls, for kinds that grant their own roles access to a bucket.
#pragma once

#include <string_view>
#include <utility>

#include "drdb/aws/s3/bucket.hpp"
#include "spec/codec.hpp"

namespace drdb::spec {

using BucketGrantMethod = void (aws::s3::Bucket::*)(aws::iam::Role&, std::string_view key_pattern) const;

template <>
struct Codec<BucketGrantMethod> {
  static constexpr std::pair<std::string_view, BucketGrantMethod> values[] = {
      {"read", &aws::s3::Bucket::grant_read}, {"put", &aws::s3::Bucket::grant_put}, {"read_write", &aws::s3::Bucket::grant_read_write}};
  static bool read(const YAML::Node& n, BucketGrantMethod& v, Context& c) { return detail::read_name(n, v, values, c, "access"); }
  static Schema schema() { return detail::names_schema(values); }
};

}  // namespace drdb::spec
