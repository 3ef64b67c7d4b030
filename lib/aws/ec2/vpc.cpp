#include "drdb/aws/ec2/vpc.hpp"

#include "drdb/aws/ec2/cidr.hpp"
#include "drdb/core/diagnostics.hpp"
#include "render/common/resource_visitor.hpp"

namespace drdb::aws::ec2 {

Vpc::Vpc(const Scope& scope, Props props) : Resource(scope), props_(std::move(props)) {
  tag("Name", path());  // how the console lists it
}

Subnet& Vpc::add_subnet(std::string id, SubnetProps props) { return add<Subnet>(std::move(id), std::move(props)); }

std::vector<const Subnet*> Vpc::subnets() const {
  std::vector<const Subnet*> out;
  for (const auto& child : children())
    if (const auto* subnet = dynamic_cast<const Subnet*>(child.get())) out.push_back(subnet);
  return out;
}

void Vpc::validate(Diagnostics& out) const {
  std::string error;
  const auto cidr = Ipv4Cidr::parse(props_.cidr, &error);
  if (!cidr) {
    out.error(path(), "invalid VPC CIDR: " + error, "use a range such as 10.20.0.0/16");
    return;
  }
  if (cidr->prefix_length() < 16 || cidr->prefix_length() > 28)
    out.error(path(), "VPC CIDR " + props_.cidr + " has a /" + std::to_string(cidr->prefix_length()) + " prefix",
              "AWS allows /16 to /28 for a VPC; e.g. " + cidr->to_string().substr(0, cidr->to_string().find('/')) +
                  "/16");
  // Overlapping subnets: reported once per pair, naming both.
  const auto all = subnets();
  for (std::size_t i = 0; i < all.size(); ++i) {
    const auto a = Ipv4Cidr::parse(all[i]->props().cidr);
    for (std::size_t j = i + 1; a && j < all.size(); ++j) {
      const auto b = Ipv4Cidr::parse(all[j]->props().cidr);
      if (b && a->overlaps(*b))
        out.error(all[j]->path(),
                  "subnet " + b->to_string() + " overlaps " + all[i]->path() + " (" + a->to_string() + ")",
                  "give each subnet its own range inside " + props_.cidr);
    }
  }
}

Subnet::Subnet(const Scope& scope, Props props) : Resource(scope), props_(std::move(props)) {
  tag("Name", path());  // how the console lists it
}

const Vpc& Subnet::vpc() const { return dynamic_cast<const Vpc&>(*scope()); }

void Subnet::validate(Diagnostics& out) const {
  if (dynamic_cast<const Vpc*>(scope()) == nullptr) {
    out.error(path(), "a subnet must be created in its VPC", "use vpc.add_subnet(...)");
    return;
  }
  std::string error;
  const auto cidr = Ipv4Cidr::parse(props_.cidr, &error);
  if (!cidr) {
    out.error(path(), "invalid subnet CIDR: " + error, "use a range inside the VPC, e.g. 10.20.1.0/24");
    return;
  }
  if (cidr->prefix_length() < 16 || cidr->prefix_length() > 28)
    out.error(path(), "subnet CIDR " + cidr->to_string() + " must have a prefix between /16 and /28",
              "choose a mask such as /24");
  const auto vpc_cidr = Ipv4Cidr::parse(vpc().props().cidr);
  if (vpc_cidr && !vpc_cidr->contains(*cidr))
    out.error(path(), "subnet " + cidr->to_string() + " is outside its VPC's range " + vpc_cidr->to_string(),
              "choose a range inside " + vpc_cidr->to_string());
}

void Vpc::accept(ResourceVisitor& v) const { v.visit(*this); }
void Subnet::accept(ResourceVisitor& v) const { v.visit(*this); }

}  // namespace drdb::aws::ec2
