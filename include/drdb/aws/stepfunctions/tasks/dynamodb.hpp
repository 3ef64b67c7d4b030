// DynamoDB service integrations for Task states: putItem, updateItem and getItem on one table, each
// allowed exactly its one action on that table.
#pragma once

#include <string>

#include "drdb/aws/stepfunctions/service_call.hpp"

namespace drdb::aws::dynamodb {
class Table;
}

namespace drdb::aws::stepfunctions::tasks {

// A table by name and ARN (tokens of a Table of this app, or of an existing table).
struct TableRef {
  Str name;
  Str arn;
  TableRef(const dynamodb::Table& table);
  TableRef(Str table_name, Str table_arn) : name(std::move(table_name)), arn(std::move(table_arn)) {}
};

// Attribute values in DynamoDB's JSON form: {"S": "..."}, {"N": "1"}; from the input with Field::path.
Payload attr_s(Field value);
Payload attr_n(Field value);

// Item: attribute name → attr_s(...) / attr_n(...) payloads.
ServiceCall dynamodb_put_item(TableRef table, Payload item);
struct UpdateItem {
  Payload key;
  std::string update_expression;  // "SET #status = :status"
  Payload expression_attribute_names;
  Payload expression_attribute_values;
  std::string condition_expression;
};
ServiceCall dynamodb_update_item(TableRef table, UpdateItem update);
ServiceCall dynamodb_get_item(TableRef table, Payload key, bool consistent_read = false);

}  // namespace drdb::aws::stepfunctions::tasks
