// Names of EC2 settings other kinds take too (the subnets a function is placed in).
#pragma once

#include "drdb/aws/ec2/ivpc.hpp"
#include "spec/codec.hpp"

namespace drdb::spec {

template <>
struct EnumNames<aws::ec2::SubnetType> {
  using T = aws::ec2::SubnetType;
  static constexpr std::pair<std::string_view, T> values[] = {
      {"public", T::Public}, {"private_with_egress", T::PrivateWithEgress}, {"isolated", T::Isolated}};
};

}  // namespace drdb::spec
