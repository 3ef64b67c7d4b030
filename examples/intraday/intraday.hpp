// Intraday refreshes on an HBase read replica: every 15 minutes of the trading day a cron rule
// invokes a launcher Lambda function which, unless the job-status table says the job is running,
// launches a transient EMR cluster (HBase on S3 as a read replica, plus Spark) from the typed model,
// with a security configuration that encrypts at rest. When the cluster terminates, a rule invokes
// a metadata clean-up function that releases the job and deletes the replica's metadata. The
// functions log to CloudWatch log groups kept three months.
#pragma once

#include <drdb/drdb.hpp>

namespace drdb::examples::intraday {

void build(App& app);

}  // namespace drdb::examples::intraday
