// The notification configuration of a bucket, which CloudFormation holds in AWS::S3::Bucket itself.
#pragma once

#include "drdb/aws/s3/bucket.hpp"
#include "drdb/core/diagnostics.hpp"
#include "drdb/l1/cfn/s3.hpp"

namespace drdb::render::cfn {

// Sets r.notification_configuration from the bucket's notifications, if any; reports Lambda and
// SQS destinations of an unnamed bucket (see drdb/aws/s3/notifications.hpp).
void set_notifications(const aws::s3::Bucket& bucket, l1::cfn::s3::Bucket& r, Diagnostics& out);

}  // namespace drdb::render::cfn
