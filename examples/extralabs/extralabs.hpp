// Cluster runs on request: an API Gateway REST API (IAM-authorized) whose POST /invoke calls a
// launcher Lambda function that starts a transient EMR cluster from the typed model on the request's
// S3 input path, and whose GET /upload-url hands out pre-signed PUT and GET URLs for the upload
// bucket; an ECR repository holds the jobs' container images, which the cluster may pull; the
// clusters run in a VPC of their own.
#pragma once

#include <drdb/drdb.hpp>

namespace drdb::examples::extralabs {

void build(App& app);

}  // namespace drdb::examples::extralabs
