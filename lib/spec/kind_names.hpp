// The spec name of each construct kind a spec can refer to by id.
#pragma once

#include "spec/codec.hpp"

namespace drdb::aws::dynamodb {
class Table;
}
namespace drdb::aws::ec2 {
class IVpc;
class SecurityGroup;
class Vpc;
}  // namespace drdb::aws::ec2
namespace drdb::aws::ecr {
class Repository;
}
namespace drdb::aws::iam {
class Role;
}
namespace drdb::aws::kms {
class Key;
}
namespace drdb::aws::logs {
class LogGroup;
}
namespace drdb::aws::s3 {
class Bucket;
class FileAsset;
}
namespace drdb::aws::secretsmanager {
class Secret;
}
namespace drdb::aws::sqs {
class Queue;
}
namespace drdb::aws::apigateway {
class RestApi;
}
namespace drdb::aws::events {
class Rule;
}
namespace drdb::aws::lambda {
class Function;
}
namespace drdb::aws::emr {
class Cluster;
class ClusterLauncher;
class SecurityConfiguration;
}  // namespace drdb::aws::emr
namespace drdb::aws::stepfunctions {
class ClusterLifecycle;
class EnsureClusterRunStep;
class StateMachine;
}  // namespace drdb::aws::stepfunctions

namespace drdb::spec {

#define DRDB_SPEC_KIND_NAME(type, name)            \
  template <>                                      \
  struct KindName<type> {                          \
    static constexpr std::string_view value = name; \
  };

DRDB_SPEC_KIND_NAME(aws::dynamodb::Table, "dynamodb.Table")
DRDB_SPEC_KIND_NAME(aws::ec2::IVpc, "ec2.Vpc")
DRDB_SPEC_KIND_NAME(aws::ec2::SecurityGroup, "ec2.SecurityGroup")
DRDB_SPEC_KIND_NAME(aws::ec2::Vpc, "ec2.Vpc")
DRDB_SPEC_KIND_NAME(aws::ecr::Repository, "ecr.Repository")
DRDB_SPEC_KIND_NAME(aws::iam::Role, "iam.Role")
DRDB_SPEC_KIND_NAME(aws::kms::Key, "kms.Key")
DRDB_SPEC_KIND_NAME(aws::logs::LogGroup, "logs.LogGroup")
DRDB_SPEC_KIND_NAME(aws::s3::Bucket, "s3.Bucket")
DRDB_SPEC_KIND_NAME(aws::s3::FileAsset, "s3.FileAsset")
DRDB_SPEC_KIND_NAME(aws::secretsmanager::Secret, "secretsmanager.Secret")
DRDB_SPEC_KIND_NAME(aws::sqs::Queue, "sqs.Queue")
DRDB_SPEC_KIND_NAME(aws::apigateway::RestApi, "apigateway.RestApi")
DRDB_SPEC_KIND_NAME(aws::events::Rule, "events.Rule")
DRDB_SPEC_KIND_NAME(aws::lambda::Function, "lambda.Function")
DRDB_SPEC_KIND_NAME(aws::emr::Cluster, "emr.Cluster")
DRDB_SPEC_KIND_NAME(aws::emr::ClusterLauncher, "emr.ClusterLauncher")
DRDB_SPEC_KIND_NAME(aws::emr::SecurityConfiguration, "emr.SecurityConfiguration")
DRDB_SPEC_KIND_NAME(aws::stepfunctions::ClusterLifecycle, "stepfunctions.ClusterLifecycle")
DRDB_SPEC_KIND_NAME(aws::stepfunctions::EnsureClusterRunStep, "stepfunctions.EnsureClusterRunStep")
DRDB_SPEC_KIND_NAME(aws::stepfunctions::StateMachine, "stepfunctions.StateMachine")

#undef DRDB_SPEC_KIND_NAME

}  // namespace drdb::spec
