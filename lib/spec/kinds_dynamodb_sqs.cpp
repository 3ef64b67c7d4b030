// dynamodb.Table and sqs.Queue in specs, with their grants to roles.
#include "drdb/aws/dynamodb/table.hpp"
#include "drdb/aws/kms/key.hpp"
#include "drdb/aws/sqs/queue.hpp"
#include "spec/iam_codecs.hpp"
#include "spec/kind.hpp"
#include "spec/role_grants.hpp"

namespace drdb::spec {

using aws::dynamodb::AttributeType;
using aws::dynamodb::BillingMode;
using aws::dynamodb::GlobalSecondaryIndex;
using aws::dynamodb::ProjectionType;
using aws::dynamodb::StreamViewType;
using aws::dynamodb::Table;
using aws::sqs::DeadLetterQueue;
using aws::sqs::Queue;

template <>
struct EnumNames<AttributeType> {
  static constexpr std::pair<std::string_view, AttributeType> values[] = {
      {"string", AttributeType::String}, {"number", AttributeType::Number}, {"binary", AttributeType::Binary}};
};
template <>
struct EnumNames<BillingMode> {
  static constexpr std::pair<std::string_view, BillingMode> values[] = {{"pay_per_request", BillingMode::PayPerRequest},
                                                                        {"provisioned", BillingMode::Provisioned}};
};
template <>
struct EnumNames<ProjectionType> {
  static constexpr std::pair<std::string_view, ProjectionType> values[] = {
      {"all", ProjectionType::All}, {"keys_only", ProjectionType::KeysOnly}, {"include", ProjectionType::Include}};
};
template <>
struct EnumNames<StreamViewType> {
  static constexpr std::pair<std::string_view, StreamViewType> values[] = {
      {"keys_only", StreamViewType::KeysOnly},
      {"new_image", StreamViewType::NewImage},
      {"old_image", StreamViewType::OldImage},
      {"new_and_old_images", StreamViewType::NewAndOldImages}};
};

template <>
struct Fields<aws::dynamodb::Attribute> {
  static constexpr std::string_view name = "key attribute";
  static const FieldList<aws::dynamodb::Attribute>& get() {
    using A = aws::dynamodb::Attribute;
    static const FieldList<A> list{field("name", &A::name, "", required),
                                   field("type", &A::type, "string (default), number or binary")};
    return list;
  }
};

template <>
struct Fields<GlobalSecondaryIndex> {
  static constexpr std::string_view name = "global secondary index";
  static const FieldList<GlobalSecondaryIndex>& get() {
    using I = GlobalSecondaryIndex;
    static const FieldList<I> list{
        field("index_name", &I::index_name, "unique within the table", required),
        field("partition_key", &I::partition_key, "", required),
        field("sort_key", &I::sort_key, ""),
        field("projection", &I::projection, "all (default), keys_only or include"),
        field("non_key_attributes", &I::non_key_attributes, "with projection include"),
        field("read_capacity", &I::read_capacity, "with provisioned billing, and then required"),
        field("write_capacity", &I::write_capacity, "with provisioned billing, and then required")};
    return list;
  }
};

template <>
struct Fields<Table::Props> {
  static constexpr std::string_view name = "dynamodb.Table";
  static const FieldList<Table::Props>& get() {
    using P = Table::Props;
    static const FieldList<P> list{
        field("table_name", &P::table_name, "empty: generated"),
        field("partition_key", &P::partition_key, "", required),
        field("sort_key", &P::sort_key, ""),
        field("billing_mode", &P::billing_mode, "pay_per_request (default) or provisioned"),
        field("read_capacity", &P::read_capacity, "with provisioned billing, and then required"),
        field("write_capacity", &P::write_capacity, "with provisioned billing, and then required"),
        field("time_to_live_attribute", &P::time_to_live_attribute, "items expire at the epoch seconds it holds"),
        field("point_in_time_recovery", &P::point_in_time_recovery, "on by default"),
        field("kms_key", &P::kms_key, "a kms.Key of this stack; default: the AWS-managed aws/dynamodb key"),
        field("global_secondary_indexes", &P::global_secondary_indexes, ""),
        field("stream", &P::stream, "keys_only, new_image, old_image or new_and_old_images"),
        field("deletion_protection", &P::deletion_protection, "unset: on while the table is retained")};
    return list;
  }
};

template <>
struct GrantNames<Table> {
  static constexpr std::pair<std::string_view, GrantMethod<Table>> values[] = {
      {"read", &Table::grant_read_data},
      {"write", &Table::grant_write_data},
      {"read_write", &Table::grant_read_write_data},
      {"stream_read", &Table::grant_stream_read}};
};

template <>
struct Fields<DeadLetterQueue> {
  static constexpr std::string_view name = "dead-letter queue";
  static const FieldList<DeadLetterQueue>& get() {
    using D = DeadLetterQueue;
    static const FieldList<D> list{field("queue", &D::queue, "the sqs.Queue failed messages move to", required),
                                   field("max_receive_count", &D::max_receive_count, "receives before moving: 1-1000, default 3")};
    return list;
  }
};

template <>
struct Fields<Queue::Props> {
  static constexpr std::string_view name = "sqs.Queue";
  static const FieldList<Queue::Props>& get() {
    using P = Queue::Props;
    static const FieldList<P> list{
        field("queue_name", &P::queue_name, "empty: generated; a FIFO queue's name ends in .fifo"),
        field("fifo", &P::fifo, ""),
        field("content_based_deduplication", &P::content_based_deduplication, "FIFO only"),
        field("kms_key", &P::kms_key, "a kms.Key of this stack; default: SQS-managed encryption"),
        field("kms_data_key_reuse_period_seconds", &P::kms_data_key_reuse_period_seconds, "60-86400, with a key"),
        field("visibility_timeout_seconds", &P::visibility_timeout_seconds, "0-43200 (default 30)"),
        field("retention_period_seconds", &P::retention_period_seconds, "60-1209600 (default 4 days)"),
        field("delivery_delay_seconds", &P::delivery_delay_seconds, "0-900"),
        field("receive_wait_time_seconds", &P::receive_wait_time_seconds, "0-20 (long polling)"),
        field("dead_letter_queue", &P::dead_letter_queue, ""),
        field("enforce_ssl", &P::enforce_ssl, "a queue policy denying requests without TLS; on by default")};
    return list;
  }
};

template <>
struct GrantNames<Queue> {
  static constexpr std::pair<std::string_view, GrantMethod<Queue>> values[] = {
      {"send", &Queue::grant_send}, {"consume", &Queue::grant_consume}, {"purge", &Queue::grant_purge}};
};

namespace {

struct QueueActions {
  std::vector<RoleGrant<Queue>> grants;
  aws::iam::PolicyDocument resource_policy;
};

}  // namespace

template <>
struct Fields<QueueActions> {
  static constexpr std::string_view name = "sqs.Queue";
  static const FieldList<QueueActions>& get() {
    static const FieldList<QueueActions> list{
        field("grants", &QueueActions::grants, "least-privilege access for roles"),
        field("resource_policy", &QueueActions::resource_policy,
              "statements added to the queue policy, with principals (e.g. a service allowed to send)")};
    return list;
  }
};

std::vector<Kind> dynamodb_kinds() {
  return {make_kind<Table, GrantActions<Table>>(
      "a DynamoDB table: on demand, point-in-time recovery, KMS-encrypted; retained when removed",
      {{"table_name", [](const Table& t) { return t.table_name(); }},
       {"table_arn", [](const Table& t) { return t.table_arn(); }},
       {"stream_arn", [](const Table& t) { return t.stream_arn(); }}},
      &apply_grant_actions<Table>)};
}

std::vector<Kind> sqs_kinds() {
  return {make_kind<Queue, QueueActions>("an SQS queue: encrypted and TLS-only by default, with an optional dead-letter queue",
                                         {{"queue_arn", [](const Queue& q) { return q.queue_arn(); }},
                                          {"queue_url", [](const Queue& q) { return q.queue_url(); }},
                                          {"queue_name", [](const Queue& q) { return q.queue_name(); }}},
                                         [](Queue& queue, const QueueActions& a) {
                                           grant_all(queue, a.grants);
                                           for (const auto& s : a.resource_policy.statements()) queue.add_to_resource_policy(s);
                                         })};
}

}  // namespace drdb::spec
