// One visit() per resource kind; each target implements it to map the kind to its resources.
// Adding a kind means adding it here, and the compiler then asks every target for its mapping.
// Keep one section per service, kinds sorted by name within it.
#pragma once

namespace drdb {
class RawResource;
namespace aws::ec2 {
class SecurityGroup;
class SecurityGroupRule;
class Subnet;
class Vpc;
// ---- more ec2 kinds here ----
}  // namespace aws::ec2
namespace aws::emr {
// ---- emr kinds here ----
}  // namespace aws::emr
namespace aws::iam {
class Role;
// ---- more iam kinds here ----
}  // namespace aws::iam
namespace aws::kms {
// ---- kms kinds here ----
}  // namespace aws::kms
namespace aws::s3 {
class Bucket;
class BucketPolicy;
// ---- more s3 kinds here ----
}  // namespace aws::s3

class ResourceVisitor {
 public:
  virtual ~ResourceVisitor() = default;
  virtual void visit(const RawResource&) = 0;
  // ec2
  virtual void visit(const aws::ec2::SecurityGroup&) = 0;
  virtual void visit(const aws::ec2::SecurityGroupRule&) = 0;
  virtual void visit(const aws::ec2::Subnet&) = 0;
  virtual void visit(const aws::ec2::Vpc&) = 0;
  // ---- end of ec2 ----
  // emr
  // ---- end of emr ----
  // iam
  virtual void visit(const aws::iam::Role&) = 0;
  // ---- end of iam ----
  // kms
  // ---- end of kms ----
  // s3
  virtual void visit(const aws::s3::Bucket&) = 0;
  virtual void visit(const aws::s3::BucketPolicy&) = 0;
  // ---- end of s3 ----
};

}  // namespace drdb
