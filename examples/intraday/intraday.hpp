// Intraday refreshes on an HBase read replica: hourly through the working day (13:00-21:00 UTC,
// Monday to Friday) a cron rule invokes a launcher Lambda function which claims the job in the
// job-status table and launches a transient EMR cluster (HBase on S3 as a read replica, plus
// Spark) from the typed model, with a security configuration that encrypts at rest. Nothing is
// launched in the HBase maintenance window, nor after a failed run until an operator sets JobStatus
// to _FAILED; a running job is waited for 14 minutes. A state-change rule records when the cluster
// is ready; when it terminates, the clean-up function marks the job COMPLETED or FAILED and deletes
// the replica's metadata under the HBase root. The functions log to CloudWatch log groups kept
// three months.
#pragma once

#include <drdb/drdb.hpp>

namespace drdb::examples::intraday {

void build(App& app);

}  // namespace drdb::examples::intraday
