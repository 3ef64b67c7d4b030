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
#include "drdb/aws/ec2/security_group.hpp"
#include "drdb/aws/ec2/vpc.hpp"
#include "drdb/aws/iam/policy.hpp"
#include "drdb/aws/iam/role.hpp"
#include "drdb/aws/s3/bucket.hpp"

#include "drdb/render/synth.hpp"

#include "drdb/io/output.hpp"

#include "drdb/cli/run.hpp"
