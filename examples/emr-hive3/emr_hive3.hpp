// EMR 6.x with Hive 3 on an external Aurora MySQL metastore, in the network example's VPC: the
// database is known by its endpoint (a stack parameter) and the security group this stack gives it;
// the hive user's password is kept in a Secrets Manager secret and reaches hive-site only on the
// cluster, through EMR's secret support, so no template, module or state holds it.
#pragma once

#include <drdb/drdb.hpp>

namespace drdb::examples::emr_hive3 {

void build(App& app);

}  // namespace drdb::examples::emr_hive3
