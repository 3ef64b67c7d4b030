// DynamoDB tables: on-demand billing, point-in-time recovery and KMS encryption (the AWS-managed
// aws/dynamodb key, or a customer key) by default; retained when removed from the stack.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "drdb/core/resource.hpp"

namespace drdb::aws::iam {
class Role;
}
namespace drdb::aws::kms {
class Key;
}

namespace drdb::aws::dynamodb {

enum class AttributeType { String, Number, Binary };  // S, N, B

struct Attribute {
  std::string name;
  AttributeType type = AttributeType::String;
};

enum class BillingMode { PayPerRequest, Provisioned };

enum class ProjectionType { All, KeysOnly, Include };

struct GlobalSecondaryIndex {
  std::string index_name;
  Attribute partition_key;
  std::optional<Attribute> sort_key;
  ProjectionType projection = ProjectionType::All;
  std::vector<std::string> non_key_attributes;  // with ProjectionType::Include only
  // With BillingMode::Provisioned only, and then both required.
  std::optional<int> read_capacity;
  std::optional<int> write_capacity;
};

enum class StreamViewType { KeysOnly, NewImage, OldImage, NewAndOldImages };

// The API's names: "S"/"N"/"B", "ALL"/"KEYS_ONLY"/"INCLUDE", "NEW_AND_OLD_IMAGES"...
std::string_view attribute_type_name(AttributeType t);
std::string_view projection_type_name(ProjectionType t);
std::string_view stream_view_type_name(StreamViewType t);

class Table : public Resource {
 public:
  struct Props {
    std::string table_name;  // empty: generated
    Attribute partition_key;
    std::optional<Attribute> sort_key;
    BillingMode billing_mode = BillingMode::PayPerRequest;
    std::optional<int> read_capacity;   // with BillingMode::Provisioned only, and then required
    std::optional<int> write_capacity;  // idem
    std::string time_to_live_attribute;  // e.g. "TimeToExist": epoch seconds after which items expire
    bool point_in_time_recovery = true;
    // Always encrypted with KMS: the AWS-managed aws/dynamodb key when null (auditable in
    // CloudTrail, unlike the AWS-owned default), or this customer key.
    const kms::Key* kms_key = nullptr;
    std::vector<GlobalSecondaryIndex> global_secondary_indexes;
    std::optional<StreamViewType> stream;
    // Refuses DeleteTable from any client. Unset: on while the table is retained (the default
    // removal policy), so no tool deletes its data by mistake, whichever target deployed it.
    std::optional<bool> deletion_protection;
  };
  Table(const Scope& scope, Props props);

  const Props& props() const { return props_; }
  Str table_name() const { return attr("Name"); }
  Str table_arn() const { return attr("Arn"); }
  // The latest stream's ARN; throws drdb::Error (Usage) naming the table when it has no stream.
  Str stream_arn() const;
  const kms::Key* key() const { return props_.kms_key; }
  // Props::deletion_protection as rendered: as set, otherwise whether the table is retained.
  bool deletion_protected() const { return props_.deletion_protection.value_or(removal_policy() == RemovalPolicy::Retain); }
  // Every key attribute of the table and its indexes once, sorted by name (AttributeDefinitions).
  std::vector<Attribute> key_attributes() const;

  // Item-level access to the table and its indexes (and the customer key's use, through DynamoDB).
  //   read:  BatchGetItem, ConditionCheckItem, DescribeTable, GetItem, Query, Scan; kms:Decrypt
  //   write: BatchWriteItem, DeleteItem, DescribeTable, PutItem, UpdateItem; kms:Decrypt, Encrypt, GenerateDataKey
  void grant_read_data(iam::Role& role) const;
  void grant_write_data(iam::Role& role) const;
  void grant_read_write_data(iam::Role& role) const;
  // Reading the stream (a Lambda event source): DescribeStream, GetRecords, GetShardIterator,
  // ListStreams; kms:Decrypt with a customer key. The table must have a stream.
  void grant_stream_read(iam::Role& role) const;

  void validate(Diagnostics& out) const override;
  void accept(ResourceVisitor& v) const override;

 private:
  Props props_;
};

}  // namespace drdb::aws::dynamodb
