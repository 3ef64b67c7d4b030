// Partition appends driven by uploads: data lands under {database}/{YYYY-MM-DD}/ in a landing
// bucket, S3 sends each new object (through EventBridge) to an SQS queue, and a launcher Lambda
// function starts one transient EMR cluster per partition (the typed model, launched by the
// function) whose Hive step appends that day's partition to the database's table in the warehouse.
// A DynamoDB table keyed by Correlation_Id and DataProduct holds each run's cluster, steps and
// status, kept current from EMR's events, so a failed run restarts from its failed step (at most
// twice); operators start, stop and clear runs by invoking the launcher.
#pragma once

#include <drdb/drdb.hpp>

namespace drdb::examples::cyi {

void build(App& app);

}  // namespace drdb::examples::cyi
