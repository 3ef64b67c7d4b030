// The whole event-driven EMR pipeline: uploads to a landing bucket (through EventBridge) and a
// nightly schedule start a Step Functions workflow that reuses a waiting EMR cluster or launches one
// from the typed model, runs a Spark step and records every run in a DynamoDB run log that expires
// old records; the clusters are started, stopped and recycled on schedules; and a cluster that fails
// has its unfinished runs relaunched by a Lambda function.
#pragma once

#include <drdb/drdb.hpp>

namespace drdb::examples::pipeline {

void build(App& app);

}  // namespace drdb::examples::pipeline
