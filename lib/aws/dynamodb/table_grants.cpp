// Table::grant_*: item access to the table and its indexes, and the customer key's use through
// DynamoDB only.
#include "drdb/aws/dynamodb/table.hpp"
#include "drdb/aws/iam/role.hpp"
#include "drdb/aws/kms/key.hpp"

namespace drdb::aws::dynamodb {

namespace {

// DescribeTable lets SDK clients (and Step Functions) check the table before using it.
const std::vector<std::string> read_actions{"dynamodb:BatchGetItem", "dynamodb:ConditionCheckItem",
                                            "dynamodb:DescribeTable", "dynamodb:GetItem", "dynamodb:Query",
                                            "dynamodb:Scan"};
const std::vector<std::string> write_actions{"dynamodb:BatchWriteItem", "dynamodb:DeleteItem",
                                             "dynamodb:DescribeTable", "dynamodb:PutItem", "dynamodb:UpdateItem"};
const std::vector<std::string> read_key_actions{"kms:Decrypt"};
const std::vector<std::string> write_key_actions{"kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"};

template <class T>
std::vector<T> concat(std::vector<T> a, const std::vector<T>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

iam::Conditions through_dynamodb() {
  return {{"StringEquals", {{"kms:ViaService", {Join{"", {"dynamodb.", Pseudo::Region, ".", Pseudo::UrlSuffix}}}}}}};
}

void grant_items(const Table& table, iam::Role& role, std::vector<std::string> actions,
                 std::vector<std::string> key_actions) {
  std::vector<Str> resources{table.table_arn()};
  if (!table.props().global_secondary_indexes.empty()) resources.push_back(table.table_arn() + "/index/*");
  role.add_to_policy({.actions = std::move(actions), .resources = std::move(resources)});
  if (const auto* key = table.key()) key->grant(role, std::move(key_actions), through_dynamodb());
}

}  // namespace

void Table::grant_read_data(iam::Role& role) const { grant_items(*this, role, read_actions, read_key_actions); }
void Table::grant_write_data(iam::Role& role) const { grant_items(*this, role, write_actions, write_key_actions); }
void Table::grant_read_write_data(iam::Role& role) const {
  grant_items(*this, role, concat(read_actions, write_actions), write_key_actions);
}

// Stream ARNs end in a creation timestamp that changes whenever the stream is re-enabled; the
// "/stream/*" pattern keeps the grant valid across that, and covers ListStreams.
void Table::grant_stream_read(iam::Role& role) const {
  (void)stream_arn();  // a table without a stream is a usage error, reported here
  role.add_to_policy({.actions = {"dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator",
                                  "dynamodb:ListStreams"},
                      .resources = {table_arn() + "/stream/*"}});
  if (props_.kms_key != nullptr) props_.kms_key->grant(role, {"kms:Decrypt"}, through_dynamodb());
}

}  // namespace drdb::aws::dynamodb
