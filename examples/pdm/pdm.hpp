// Daily product-data runs on EMR 6.x with Hive 3 against an external Aurora MySQL metastore: a cron
// rule invokes a launcher Lambda function that launches a transient cluster from the typed model
// (failing, naming the secret, while the metastore password has no value) and records the run of the
// PDM data product in a DynamoDB table with the platform's columns; a tracker keeps the run's status
// and step current from EMR's events, and when a cluster fails (TERMINATED_WITH_ERRORS, or TERMINATED
// after a CANCEL_AND_WAIT step failed) a relauncher restarts its run from the failed step, at most
// twice. A launch asked for "INITIAL_LOAD" first loads the five transactional tables in full. MySQL
// is allowed both ways between the EMR primary group and the database's group.
#pragma once

#include <drdb/drdb.hpp>

namespace drdb::examples::pdm {

void build(App& app);

}  // namespace drdb::examples::pdm
