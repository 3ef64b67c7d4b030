// Daily product-data runs on EMR 6.x with Hive 3 against an external Aurora MySQL metastore: a cron
// rule invokes a launcher Lambda function that (once the metastore password is in Secrets Manager)
// launches a transient cluster from the typed model and records the run in a DynamoDB table; when
// a cluster terminates with errors, a relauncher function relaunches its runs from the step that
// failed. MySQL is allowed both ways between the EMR primary group and the database's group.
#pragma once

#include <drdb/drdb.hpp>

namespace drdb::examples::pdm {

void build(App& app);

}  // namespace drdb::examples::pdm
