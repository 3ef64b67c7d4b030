#include "drdb/aws/dynamodb/table.hpp"
#include "drdb/aws/kms/key.hpp"
#include "drdb/core/stack.hpp"
#include "drdb/l1/tf/dynamodb.hpp"
#include "render/tf/tf_mapper.hpp"

namespace drdb::render::tf {

using namespace drdb::aws::dynamodb;
using TfTable = drdb::l1::tf::aws_dynamodb_table;

namespace {

TfTable::GlobalSecondaryIndex index(const GlobalSecondaryIndex& gsi) {
  TfTable::GlobalSecondaryIndex r;
  r.name = gsi.index_name;
  r.hash_key = gsi.partition_key.name;
  if (gsi.sort_key) r.range_key = gsi.sort_key->name;
  r.projection_type = std::string(projection_type_name(gsi.projection));
  if (!gsi.non_key_attributes.empty())
    r.non_key_attributes = ListOf<Str>(std::vector<Str>(gsi.non_key_attributes.begin(), gsi.non_key_attributes.end()));
  if (gsi.read_capacity) r.read_capacity = *gsi.read_capacity;
  if (gsi.write_capacity) r.write_capacity = *gsi.write_capacity;
  return r;
}

}  // namespace

void TfMapper::visit(const Table& table) {
  const auto& props = table.props();
  TfTable r;
  // Terraform requires a name; CloudFormation would generate "<stack>-<id>-<random>".
  r.name = props.table_name.empty() ? table.stack().name() + "-" + logical_id(table) : props.table_name;
  r.hash_key = props.partition_key.name;
  if (props.sort_key) r.range_key = props.sort_key->name;
  ListOf<TfTable::Attribute> attributes;
  for (const auto& a : table.key_attributes()) {
    TfTable::Attribute attribute;
    attribute.name = a.name;
    attribute.type = std::string(attribute_type_name(a.type));
    attributes.push_back(std::move(attribute));
  }
  r.attribute = std::move(attributes);
  r.billing_mode = props.billing_mode == BillingMode::Provisioned ? "PROVISIONED" : "PAY_PER_REQUEST";
  if (props.read_capacity) r.read_capacity = *props.read_capacity;
  if (props.write_capacity) r.write_capacity = *props.write_capacity;
  if (!props.global_secondary_indexes.empty()) {
    ListOf<TfTable::GlobalSecondaryIndex> indexes;
    for (const auto& gsi : props.global_secondary_indexes) indexes.push_back(index(gsi));
    r.global_secondary_index = std::move(indexes);
  }
  TfTable::PointInTimeRecovery pitr;
  pitr.enabled = props.point_in_time_recovery;
  r.point_in_time_recovery = ListOf<TfTable::PointInTimeRecovery>{pitr};
  TfTable::ServerSideEncryption sse;  // enabled without a key ARN: the aws/dynamodb key
  sse.enabled = true;
  if (props.kms_key != nullptr) sse.kms_key_arn = props.kms_key->key_arn();
  r.server_side_encryption = ListOf<TfTable::ServerSideEncryption>{sse};
  if (!props.time_to_live_attribute.empty()) {
    TfTable::Ttl ttl;
    ttl.attribute_name = props.time_to_live_attribute;
    ttl.enabled = true;
    r.ttl = ListOf<TfTable::Ttl>{ttl};
  }
  if (props.stream) {
    r.stream_enabled = true;
    r.stream_view_type = std::string(stream_view_type_name(*props.stream));
  }
  r.deletion_protection_enabled = table.deletion_protected();
  const auto& out = emit(table, r);
  bind(table, "Name", out, "name");
  bind(table, "Arn", out, "arn");
  bind(table, "StreamArn", out, "stream_arn");
}

}  // namespace drdb::render::tf
