// Partition appends driven by uploads: data lands under {database}/{YYYY-MM-DD}/ in a landing
// bucket, S3 sends each new object to an SQS queue, and a launcher Lambda function starts a
// transient EMR cluster (the typed model, launched by the function) whose Hive step appends that
// day's partition to the database's table in the warehouse. A DynamoDB table keyed by Correlation_Id
// and DataProduct holds each run's cluster and steps, so a failed run restarts from its failed step.
#pragma once

#include <drdb/drdb.hpp>

namespace drdb::examples::cyi {

void build(App& app);

}  // namespace drdb::examples::cyi
