// Resources that stand for a role in specs (spec/codec.hpp): functions and clusters act with roles
// they create, which a spec cannot name otherwise.
#include "drdb/aws/emr/cluster.hpp"
#include "drdb/aws/iam/role.hpp"
#include "drdb/aws/lambda/function.hpp"
#include "spec/codec.hpp"

namespace drdb::spec::detail {

aws::iam::Role* acting_role(Construct& resource) {
  if (auto* function = dynamic_cast<aws::lambda::Function*>(&resource)) return &function->role();
  if (auto* cluster = dynamic_cast<aws::emr::Cluster*>(&resource)) return &cluster->job_flow_role();
  return nullptr;
}

}  // namespace drdb::spec::detail
