// aws_s3_bucket_notification: the whole notification configuration of one bucket, a resource of its
// own that waits for the permissions and queue policies of its destinations.
#include "drdb/aws/s3/bucket.hpp"
#include "drdb/l1/tf/s3.hpp"
#include "render/tf/tf_mapper.hpp"

namespace drdb::render::tf {

namespace l1 = drdb::l1::tf;

namespace {

using Resource = l1::aws_s3_bucket_notification;

template <class Block>
Block block(const aws::s3::Notification& n, std::optional<Str> Block::*destination) {
  Block b;
  StrList events;
  for (auto e : n.events) events.push_back(std::string(aws::s3::event_type_name(e)));
  b.events = std::move(events);
  if (!n.filter.prefix.empty()) b.filter_prefix = n.filter.prefix;
  if (!n.filter.suffix.empty()) b.filter_suffix = n.filter.suffix;
  b.*destination = n.arn;
  return b;
}

}  // namespace

void TfMapper::visit(const aws::s3::BucketNotifications& config) {
  Resource r;
  r.bucket = config.bucket().bucket_name();
  if (config.event_bridge()) r.eventbridge = true;
  ListOf<Resource::LambdaFunction> lambdas;
  ListOf<Resource::Queue> queues;
  for (const auto& n : config.notifications()) {
    if (n.destination == aws::s3::Notification::Destination::Lambda)
      lambdas.push_back(block(n, &Resource::LambdaFunction::lambda_function_arn));
    else
      queues.push_back(block(n, &Resource::Queue::queue_arn));
  }
  if (!lambdas.items().empty()) r.lambda_function = std::move(lambdas);
  if (!queues.items().empty()) r.queue = std::move(queues);
  emit(config, r);
}

}  // namespace drdb::render::tf
