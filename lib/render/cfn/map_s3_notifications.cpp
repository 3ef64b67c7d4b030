#include "render/cfn/map_s3_notifications.hpp"

#include "render/cfn/cfn_mapper.hpp"

namespace drdb::render::cfn {

namespace l1 = drdb::l1::cfn::s3;

namespace {

std::optional<l1::Bucket::NotificationFilter> filter(const aws::s3::NotificationFilter& f) {
  if (f.prefix.empty() && f.suffix.empty()) return std::nullopt;
  ListOf<l1::Bucket::FilterRule> rules;
  for (const auto& [name, value] : {std::pair{"prefix", f.prefix}, std::pair{"suffix", f.suffix}}) {
    if (value.empty()) continue;
    l1::Bucket::FilterRule rule;
    rule.name = name;
    rule.value = value;
    rules.push_back(std::move(rule));
  }
  l1::Bucket::S3KeyFilter key;
  key.rules = std::move(rules);
  l1::Bucket::NotificationFilter out;
  out.s3_key = std::move(key);
  return out;
}

// One configuration per event type, as CloudFormation takes them.
template <class Configuration>
void add_configurations(const aws::s3::Notification& n, std::optional<Str> Configuration::*destination,
                        ListOf<Configuration>& out) {
  for (auto event : n.events) {
    Configuration c;
    c.event = std::string(aws::s3::event_type_name(event));
    c.filter = filter(n.filter);
    c.*destination = n.arn;
    out.push_back(std::move(c));
  }
}

}  // namespace

void set_notifications(const aws::s3::Bucket& bucket, l1::Bucket& r, Diagnostics& diagnostics) {
  const auto* config = bucket.find_notifications();
  if (config == nullptr) return;
  l1::Bucket::NotificationConfiguration out;
  if (config->event_bridge()) {
    l1::Bucket::EventBridgeConfiguration eb;
    eb.event_bridge_enabled = true;
    out.event_bridge_configuration = eb;
  }
  ListOf<l1::Bucket::LambdaConfiguration> lambdas;
  ListOf<l1::Bucket::QueueConfiguration> queues;
  for (const auto& n : config->notifications()) {
    if (bucket.props().bucket_name.empty()) {
      // Reported once here; left out so the cycle it would make is not reported again.
      diagnostics.error(bucket.path(),
                        "notifies " + n.what +
                            " but has no bucket_name: in CloudFormation the bucket waits for the destination's "
                            "permission, which names the bucket's ARN, so a generated name makes a cycle",
                        "set .bucket_name (the ARN is then built from the name), or deliver through EventBridge "
                        "(enable_event_bridge and an events::Rule)");
      continue;
    }
    if (n.destination == aws::s3::Notification::Destination::Lambda)
      add_configurations(n, &l1::Bucket::LambdaConfiguration::function, lambdas);
    else
      add_configurations(n, &l1::Bucket::QueueConfiguration::queue, queues);
  }
  if (!lambdas.items().empty()) out.lambda_configurations = std::move(lambdas);
  if (!queues.items().empty()) out.queue_configurations = std::move(queues);
  r.notification_configuration = std::move(out);
}

// The configuration is rendered with the bucket (set_notifications); nothing of its own.
void CfnMapper::visit(const aws::s3::BucketNotifications&) {}

}  // namespace drdb::render::cfn
