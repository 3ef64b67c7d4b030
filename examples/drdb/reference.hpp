// The DRDB reference architecture: uploads to the landing bucket (through EventBridge) start the
// ensure-cluster workflow, which reuses a WAITING EMR cluster or launches one from the typed model,
// waits while it starts, adds the Spark step (given the uploaded object) and logs every operation
// and decision to a DynamoDB run log. The cluster runs on instance fleets over the private subnets
// of both zones of a VPC of its own (On-Demand primary and core, Spot task nodes under managed
// scaling), has explicit EBS volumes, the Glue Data Catalog as its metastore and an SSH key pair
// whose private key CloudFormation keeps in SSM; it is started and stopped on a weekday schedule and
// replaced nightly while it runs.
#pragma once

#include <drdb/drdb.hpp>

namespace drdb::examples::drdb_app {

void build(App& app);

}  // namespace drdb::examples::drdb_app
