// Routing inside a VPC: a route table per subnet, the subnet's association with it, and routes.
#pragma once

#include <string>

#include "drdb/core/resource.hpp"

namespace drdb::aws::ec2 {

class InternetGateway;
class NatGateway;
class Subnet;
class Vpc;

class RouteTable : public Resource {
 public:
  struct Props {
    const Vpc* vpc = nullptr;
  };
  RouteTable(const Scope& scope, Props props);

  const Props& props() const { return props_; }
  Str route_table_id() const { return attr("Id"); }

  void validate(Diagnostics& out) const override;
  void accept(ResourceVisitor& v) const override;

 private:
  Props props_;
};

// Where a route sends its traffic.
struct RouteTarget {
  enum class Kind { InternetGateway, NatGateway, TransitGateway, VpcPeeringConnection } kind = Kind::InternetGateway;
  Str id = "";
  static RouteTarget internet_gateway(const InternetGateway& gateway);
  static RouteTarget nat_gateway(const NatGateway& gateway);
  static RouteTarget transit_gateway(Str id) { return {Kind::TransitGateway, std::move(id)}; }
  static RouteTarget vpc_peering_connection(Str id) { return {Kind::VpcPeeringConnection, std::move(id)}; }
};

class Route : public Resource {
 public:
  struct Props {
    const RouteTable* table = nullptr;
    std::string destination = "0.0.0.0/0";  // IPv4 range
    RouteTarget target;
  };
  Route(const Scope& scope, Props props);

  const Props& props() const { return props_; }

  void validate(Diagnostics& out) const override;
  void accept(ResourceVisitor& v) const override;

 private:
  Props props_;
};

class SubnetRouteTableAssociation : public Resource {
 public:
  struct Props {
    const Subnet* subnet = nullptr;
    const RouteTable* table = nullptr;
  };
  SubnetRouteTableAssociation(const Scope& scope, Props props);

  const Props& props() const { return props_; }

  void validate(Diagnostics& out) const override;
  void accept(ResourceVisitor& v) const override;

 private:
  Props props_;
};

}  // namespace drdb::aws::ec2
