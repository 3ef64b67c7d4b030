// Everything drdb offers, in one include: the construct model, the AWS constructs, synthesis,
// output and the command line. The typed L1 structs generated from the schemas are not included
// (they are large): include the service you use, e.g. <drdb/l1/cfn/ssm.hpp>, or <drdb/l1/cfn.hpp>.
#pragma once

#include "drdb/version.hpp"

#include "drdb/core/app.hpp"
#include "drdb/core/construct.hpp"
#include "drdb/core/diagnostics.hpp"
#include "drdb/core/error.hpp"
#include "drdb/core/logical_id.hpp"
#include "drdb/core/raw_resource.hpp"
#include "drdb/core/resource.hpp"
#include "drdb/core/stack.hpp"
#include "drdb/core/typed.hpp"
#include "drdb/core/value.hpp"

#include "drdb/aws/ec2/cidr.hpp"
#include "drdb/aws/ec2/endpoint.hpp"
#include "drdb/aws/ec2/flow_log.hpp"
#include "drdb/aws/ec2/gateways.hpp"
#include "drdb/aws/ec2/imported_vpc.hpp"
#include "drdb/aws/ec2/ivpc.hpp"
#include "drdb/aws/ec2/routing.hpp"
#include "drdb/aws/ec2/security_group.hpp"
#include "drdb/aws/ec2/vpc.hpp"
#include "drdb/aws/emr/application.hpp"
#include "drdb/aws/emr/cluster.hpp"
#include "drdb/aws/emr/configuration.hpp"
#include "drdb/aws/emr/ebs.hpp"
#include "drdb/aws/emr/instance_fleet.hpp"
#include "drdb/aws/emr/instance_group.hpp"
#include "drdb/aws/emr/key_pair.hpp"
#include "drdb/aws/emr/metastore.hpp"
#include "drdb/aws/emr/release.hpp"
#include "drdb/aws/emr/scaling.hpp"
#include "drdb/aws/emr/security_configuration.hpp"
#include "drdb/aws/emr/step.hpp"
#include "drdb/aws/iam/instance_profile.hpp"
#include "drdb/aws/iam/managed_policy.hpp"
#include "drdb/aws/iam/policy.hpp"
#include "drdb/aws/iam/role.hpp"
#include "drdb/aws/kms/alias.hpp"
#include "drdb/aws/kms/key.hpp"
#include "drdb/aws/s3/bucket.hpp"
#include "drdb/aws/s3/lifecycle.hpp"

#include "drdb/render/synth.hpp"

#include "drdb/io/output.hpp"

#include "drdb/cli/run.hpp"
