// Maps each resource kind to Terraform resources (one visit per kind, grouped by service in
// map_<service>.cpp), filling the generated L1 structs.
#pragma once

#include "render/common/mapper.hpp"

namespace drdb::render::tf {

class TfMapper final : public Mapper {
 public:
  using Mapper::Mapper;
  void visit(const RawResource&) override;
  void visit(const aws::ec2::Vpc&) override;
  void visit(const aws::ec2::Subnet&) override;
  void visit(const aws::ec2::SecurityGroup&) override;
  void visit(const aws::ec2::SecurityGroupRule&) override;
  void visit(const aws::s3::Bucket&) override;
  void visit(const aws::s3::BucketPolicy&) override;
  void visit(const aws::iam::Role&) override;
};

// Name of a secondary resource of `owner`, stable for as long as `key` means the same thing.
std::string secondary_name(const Construct& owner, std::string_view key);

}  // namespace drdb::render::tf
