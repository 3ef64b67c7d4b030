// A long-running Spark and Hive cluster in the network example's VPC: a core group that scales on
// YARN memory, gp3 volumes, the Glue Data Catalog as metastore, encryption at rest (S3 and local
// disks) with a KMS key of its own, a KMS-encrypted data bucket whose access logs and the cluster's
// logs go to a log bucket with a lifecycle rule, a customer-managed warehouse policy on the
// instances' role, a bootstrap action and a Spark step.
#pragma once

#include <drdb/drdb.hpp>

namespace drdb::examples::emr {

void build(App& app);

}  // namespace drdb::examples::emr
