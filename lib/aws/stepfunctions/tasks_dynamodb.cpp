#include "drdb/aws/stepfunctions/tasks/dynamodb.hpp"

#include "drdb/aws/dynamodb/table.hpp"

namespace drdb::aws::stepfunctions::tasks {

namespace {

ServiceCall table_call(const TableRef& table, std::string_view api, std::string action, Payload parameters) {
  parameters.emplace("TableName", Field(table.name));
  return ServiceCall::custom(integration_arn("dynamodb:" + std::string(api)), std::move(parameters),
                             {{.actions = {std::move(action)}, .resources = {table.arn}}});
}

}  // namespace

TableRef::TableRef(const dynamodb::Table& table) : name(table.table_name()), arn(table.table_arn()) {}

Payload attr_s(Field value) { return {{"S", std::move(value)}}; }
Payload attr_n(Field value) { return {{"N", std::move(value)}}; }

ServiceCall dynamodb_put_item(TableRef table, Payload item) {
  return table_call(table, "putItem", "dynamodb:PutItem", {{"Item", Field(item)}});
}

ServiceCall dynamodb_update_item(TableRef table, UpdateItem update) {
  Payload p{{"Key", Field(update.key)}, {"UpdateExpression", Field(update.update_expression)}};
  if (!update.expression_attribute_names.empty()) p.emplace("ExpressionAttributeNames", Field(update.expression_attribute_names));
  if (!update.expression_attribute_values.empty()) p.emplace("ExpressionAttributeValues", Field(update.expression_attribute_values));
  if (!update.condition_expression.empty()) p.emplace("ConditionExpression", Field(update.condition_expression));
  return table_call(table, "updateItem", "dynamodb:UpdateItem", std::move(p));
}

ServiceCall dynamodb_get_item(TableRef table, Payload key, bool consistent_read) {
  Payload p{{"Key", Field(key)}};
  if (consistent_read) p.emplace("ConsistentRead", Field(true));
  return table_call(table, "getItem", "dynamodb:GetItem", std::move(p));
}

}  // namespace drdb::aws::stepfunctions::tasks
