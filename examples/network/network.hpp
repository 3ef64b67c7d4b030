// The network of an EMR data platform: a multi-AZ VPC of its own, the EMR security-group topology,
// a Hive metastore group reachable from the EMR primary node, and the data and log buckets.
#pragma once

#include <drdb/drdb.hpp>

namespace drdb::examples::network {

void build(App& app);

}  // namespace drdb::examples::network
