// Cluster runs on request for a browser front end, in six stacks deployed in this order:
// ExtralabsNetwork (the VPC), ExtralabsStorage (upload, code and log buckets; the upload bucket
// admits the front end's origin for PUT), ExtralabsImages (the private ECR repository of the job
// images), ExtralabsEmr (the on-request cluster model: Spark runs in the job image), ExtralabsInvoke
// (the launcher function and its run log) and ExtralabsApi (an IAM-authorized REST API with CORS:
// POST /invoke launches a cluster on the request's input path, GET /upload-url hands out pre-signed
// URLs); and ExtralabsDevelopment, a long-running cluster of the same model to test and
// troubleshoot on, terminated by EMR after four idle hours.
#pragma once

#include <drdb/drdb.hpp>

namespace drdb::examples::extralabs {

void build(App& app);

}  // namespace drdb::examples::extralabs
