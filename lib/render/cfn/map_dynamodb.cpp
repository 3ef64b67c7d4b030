#include "drdb/aws/dynamodb/table.hpp"
#include "drdb/aws/kms/key.hpp"
#include "drdb/l1/cfn/dynamodb.hpp"
#include "render/cfn/cfn_mapper.hpp"

namespace drdb::render::cfn {

namespace l1 = drdb::l1::cfn::dynamodb;
using namespace drdb::aws::dynamodb;

namespace {

Value key_schema(const Attribute& partition, const std::optional<Attribute>& sort) {
  List keys{Value::object({{"AttributeName", partition.name}, {"KeyType", "HASH"}})};
  if (sort) keys.push_back(Value::object({{"AttributeName", sort->name}, {"KeyType", "RANGE"}}));
  return keys;
}

std::optional<l1::Table::ProvisionedThroughput> throughput(const std::optional<int>& read, const std::optional<int>& write) {
  if (!read && !write) return std::nullopt;
  l1::Table::ProvisionedThroughput t;
  if (read) t.read_capacity_units = *read;
  if (write) t.write_capacity_units = *write;
  return t;
}

l1::Table::GlobalSecondaryIndex index(const GlobalSecondaryIndex& gsi) {
  l1::Table::GlobalSecondaryIndex r;
  r.index_name = gsi.index_name;
  ListOf<l1::Table::GlobalSecondaryIndex::KeySchema> keys;
  const auto add_key = [&](const Attribute& a, const char* type) {
    l1::Table::GlobalSecondaryIndex::KeySchema k;
    k.attribute_name = a.name;
    k.key_type = type;
    keys.push_back(std::move(k));
  };
  add_key(gsi.partition_key, "HASH");
  if (gsi.sort_key) add_key(*gsi.sort_key, "RANGE");
  r.key_schema = std::move(keys);
  l1::Table::Projection projection;
  projection.projection_type = std::string(projection_type_name(gsi.projection));
  if (!gsi.non_key_attributes.empty())
    projection.non_key_attributes = ListOf<Str>(std::vector<Str>(gsi.non_key_attributes.begin(), gsi.non_key_attributes.end()));
  r.projection = std::move(projection);
  r.provisioned_throughput = throughput(gsi.read_capacity, gsi.write_capacity);
  return r;
}

}  // namespace

void CfnMapper::visit(const Table& table) {
  const auto& props = table.props();
  l1::Table r;
  if (!props.table_name.empty()) r.table_name = props.table_name;
  r.key_schema = key_schema(props.partition_key, props.sort_key);
  ListOf<l1::Table::AttributeDefinition> definitions;
  for (const auto& a : table.key_attributes()) {
    l1::Table::AttributeDefinition d;
    d.attribute_name = a.name;
    d.attribute_type = std::string(attribute_type_name(a.type));
    definitions.push_back(std::move(d));
  }
  r.attribute_definitions = std::move(definitions);
  const bool provisioned = props.billing_mode == BillingMode::Provisioned;
  r.billing_mode = provisioned ? "PROVISIONED" : "PAY_PER_REQUEST";
  r.provisioned_throughput = throughput(props.read_capacity, props.write_capacity);
  if (!props.global_secondary_indexes.empty()) {
    ListOf<l1::Table::GlobalSecondaryIndex> indexes;
    for (const auto& gsi : props.global_secondary_indexes) indexes.push_back(index(gsi));
    r.global_secondary_indexes = std::move(indexes);
  }
  l1::Table::PointInTimeRecoverySpecification pitr;
  pitr.point_in_time_recovery_enabled = props.point_in_time_recovery;
  r.point_in_time_recovery_specification = pitr;
  l1::Table::SSESpecification sse;  // KMS: the aws/dynamodb key, or the customer's
  sse.sse_enabled = true;
  sse.sse_type = "KMS";
  if (props.kms_key != nullptr) sse.kms_master_key_id = props.kms_key->key_arn();
  r.sse_specification = sse;
  if (!props.time_to_live_attribute.empty()) {
    l1::Table::TimeToLiveSpecification ttl;
    ttl.attribute_name = props.time_to_live_attribute;
    ttl.enabled = true;
    r.time_to_live_specification = ttl;
  }
  if (props.stream) {
    l1::Table::StreamSpecification stream;
    stream.stream_view_type = std::string(stream_view_type_name(*props.stream));
    r.stream_specification = stream;
  }
  r.deletion_protection_enabled = table.deletion_protected();
  const auto& out = emit(table, r);
  bind_ref(table, "Name", out);
  bind(table, "Arn", out, "Arn");
  bind(table, "StreamArn", out, "StreamArn");
}

}  // namespace drdb::render::cfn
