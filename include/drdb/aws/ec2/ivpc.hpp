// What other constructs need from a VPC, whether this app creates it (Vpc) or it already exists and
// is shared by several teams (ImportedVpc): its id, its range, and its subnets by kind.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "drdb/core/construct.hpp"
#include "drdb/core/typed.hpp"

namespace drdb::aws::ec2 {

enum class SubnetType {
  Public,             // default route to the internet gateway; instances get public addresses
  PrivateWithEgress,  // default route to a NAT gateway: out to the internet, never in
  Isolated,           // no route out of the VPC (AWS services through endpoints only)
};

// "public", "private with egress", "isolated".
std::string_view describe(SubnetType type);

// A subnet as other constructs see it.
struct SubnetRef {
  Str subnet_id;
  Str availability_zone;
  std::optional<Str> route_table_id;  // none: the subnet uses the VPC's main route table
};

class IVpc {
 public:
  virtual ~IVpc() = default;

  virtual Str vpc_id() const = 0;
  // The primary IPv4 range as written ("10.20.0.0/16"): known at synth time, so rules and checks
  // can use it.
  virtual const std::string& cidr() const = 0;
  // The subnets of one kind, in availability-zone order (one per zone and group).
  virtual std::vector<SubnetRef> subnets_of(SubnetType type) const = 0;
  // The construct standing for the VPC in the tree (its path names it in diagnostics).
  virtual const Construct& node() const = 0;

  std::vector<SubnetRef> public_subnets() const { return subnets_of(SubnetType::Public); }
  std::vector<SubnetRef> private_subnets() const { return subnets_of(SubnetType::PrivateWithEgress); }
  std::vector<SubnetRef> isolated_subnets() const { return subnets_of(SubnetType::Isolated); }

  StrList subnet_ids(SubnetType type) const;
  StrList public_subnet_ids() const { return subnet_ids(SubnetType::Public); }
  StrList private_subnet_ids() const { return subnet_ids(SubnetType::PrivateWithEgress); }
  StrList isolated_subnet_ids() const { return subnet_ids(SubnetType::Isolated); }
  // Route tables of the subnets of one kind that have their own.
  StrList route_table_ids(SubnetType type) const;

 protected:
  IVpc() = default;
  IVpc(const IVpc&) = default;
  IVpc& operator=(const IVpc&) = default;
};

}  // namespace drdb::aws::ec2
