// Pieces of AWS::EMR::Cluster shared by the cluster mapping files (map_emr_*.cpp).
#pragma once

#include "drdb/aws/emr/cluster.hpp"
#include "drdb/l1/cfn/emr.hpp"

namespace drdb::render::cfn::emr {

using L1Cluster = drdb::l1::cfn::emr::Cluster;

L1Cluster::JobFlowInstancesConfig instances(const aws::emr::Cluster& cluster);
ListOf<L1Cluster::Configuration> configurations(const std::vector<aws::emr::Classification>& classifications);

}  // namespace drdb::render::cfn::emr
