// The spec name of each construct kind a spec can refer to by id.
#pragma once

#include "spec/codec.hpp"

namespace drdb::aws::ec2 {
class IVpc;
class SecurityGroup;
class Vpc;
}  // namespace drdb::aws::ec2
namespace drdb::aws::iam {
class Role;
}
namespace drdb::aws::kms {
class Key;
}
namespace drdb::aws::s3 {
class Bucket;
}

namespace drdb::spec {

#define DRDB_SPEC_KIND_NAME(type, name)            \
  template <>                                      \
  struct KindName<type> {                          \
    static constexpr std::string_view value = name; \
  };

DRDB_SPEC_KIND_NAME(aws::ec2::IVpc, "ec2.Vpc")
DRDB_SPEC_KIND_NAME(aws::ec2::SecurityGroup, "ec2.SecurityGroup")
DRDB_SPEC_KIND_NAME(aws::ec2::Vpc, "ec2.Vpc")
DRDB_SPEC_KIND_NAME(aws::iam::Role, "iam.Role")
DRDB_SPEC_KIND_NAME(aws::kms::Key, "kms.Key")
DRDB_SPEC_KIND_NAME(aws::s3::Bucket, "s3.Bucket")

#undef DRDB_SPEC_KIND_NAME

}  // namespace drdb::spec
