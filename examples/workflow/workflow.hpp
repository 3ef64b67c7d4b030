// An event-driven EMR workflow: a Step Functions state machine that reuses a waiting cluster or
// creates one from the typed cluster model, runs a Spark step on it and records every run (and its
// failure) in a DynamoDB run log.
#pragma once

#include <drdb/drdb.hpp>

namespace drdb::examples::workflow {

void build(App& app);

}  // namespace drdb::examples::workflow
