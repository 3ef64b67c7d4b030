// find_shape() and type_names(): the generated registries of both targets.
#include <doctest/doctest.h>

#include <algorithm>

#include "drdb/l1/cfn/ec2.hpp"
#include "drdb/l1/cfn/emr.hpp"
#include "drdb/l1/shape.hpp"
#include "drdb/l1/tf/ec2.hpp"
#include "drdb/l1/tf/s3.hpp"

namespace {

using namespace drdb;

TEST_CASE("registry: CloudFormation shapes by type name") {
  CHECK(l1::cfn::find_shape("AWS::EC2::VPC") == &l1::cfn::ec2::VPC::shape());
  CHECK(l1::cfn::find_shape("AWS::EMR::Cluster") == &l1::cfn::emr::Cluster::shape());
  CHECK(l1::cfn::find_shape("AWS::EC2::Vpc") == nullptr);
  CHECK(l1::cfn::find_shape("aws_vpc") == nullptr);
  CHECK(l1::cfn::find_shape("") == nullptr);
}

TEST_CASE("registry: Terraform shapes by type name") {
  CHECK(l1::tf::find_shape("aws_vpc") == &l1::tf::aws_vpc::shape());
  CHECK(l1::tf::find_shape("aws_s3_bucket_versioning") == &l1::tf::aws_s3_bucket_versioning::shape());
  CHECK(l1::tf::find_shape("AWS::EC2::VPC") == nullptr);
}

TEST_CASE("registry: type names are sorted and each has a shape") {
  for (auto names : {l1::cfn::type_names(), l1::tf::type_names()}) {
    CHECK(std::is_sorted(names.begin(), names.end()));
    CHECK(std::adjacent_find(names.begin(), names.end()) == names.end());
  }
  CHECK(l1::cfn::type_names().size() == 52);
  for (auto name : l1::cfn::type_names()) CHECK(l1::cfn::find_shape(name) != nullptr);
  for (auto name : l1::tf::type_names()) CHECK(l1::tf::find_shape(name) != nullptr);
  auto tf_names = l1::tf::type_names();
  CHECK(std::find(tf_names.begin(), tf_names.end(), "aws_emr_managed_scaling_policy") != tf_names.end());
}

}  // namespace
