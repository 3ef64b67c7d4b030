// One visit() per resource kind; each target implements it to map the kind to its resources.
// Adding a kind means adding it here, and the compiler then asks every target for its mapping.
#pragma once

namespace drdb {
class RawResource;
namespace aws::ec2 {
class Vpc;
class Subnet;
class SecurityGroup;
class SecurityGroupRule;
}  // namespace aws::ec2
namespace aws::s3 {
class Bucket;
class BucketPolicy;
}  // namespace aws::s3
namespace aws::iam {
class Role;
}  // namespace aws::iam

class ResourceVisitor {
 public:
  virtual ~ResourceVisitor() = default;
  virtual void visit(const RawResource&) = 0;
  virtual void visit(const aws::ec2::Vpc&) = 0;
  virtual void visit(const aws::ec2::Subnet&) = 0;
  virtual void visit(const aws::ec2::SecurityGroup&) = 0;
  virtual void visit(const aws::ec2::SecurityGroupRule&) = 0;
  virtual void visit(const aws::s3::Bucket&) = 0;
  virtual void visit(const aws::s3::BucketPolicy&) = 0;
  virtual void visit(const aws::iam::Role&) = 0;
};

}  // namespace drdb
