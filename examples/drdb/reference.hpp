// The DRDB reference architecture: uploads to the landing bucket (through EventBridge) start the
// ensure-cluster workflow, which reuses a WAITING EMR cluster or launches one from the typed model,
// waits while it starts, adds the Spark step (given the uploaded object) and logs every operation
// and decision to a DynamoDB run log. The cluster autoscales its task nodes on YARN memory, has
// explicit EBS volumes, uses the Glue Data Catalog as its metastore, runs in a multi-AZ VPC of its
// own, and is terminated and launched afresh on a configurable schedule.
#pragma once

#include <drdb/drdb.hpp>

namespace drdb::examples::drdb_app {

void build(App& app);

}  // namespace drdb::examples::drdb_app
