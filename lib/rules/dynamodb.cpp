// DynamoDB rules. Tables are always encrypted (AWS-managed or customer key); DYNAMODB.2 catches an
// override that removes it.
#include "drdb/aws/dynamodb/table.hpp"
#include "rules/overrides.hpp"
#include "rules/packs.hpp"

namespace drdb::rules {

void register_dynamodb_rules(Registry& r) {
  using aws::dynamodb::Table;
  r.add<Table>({.id = "DYNAMODB.1", .level = Level::Warning,
                .rationale = "point-in-time recovery restores a table to any second of the last 35 days after a bad write",
                .fix = "keep point_in_time_recovery = true (the default)"},
               [](const Table& t, Context& c) {
                 if (!t.props().point_in_time_recovery || turned_off_by_override(t, "PointInTimeRecoverySpecification"))
                   c.fire(t, "point-in-time recovery is off");
               });
  r.add<Table>({.id = "DYNAMODB.2", .level = Level::Error,
                .rationale = "table data must be encrypted with a KMS key whose use is auditable",
                .fix = "remove the override of SSESpecification"},
               [](const Table& t, Context& c) {
                 if (turned_off_by_override(t, "SSESpecification")) c.fire(t, "an override removes the table's KMS encryption");
               });
}

}  // namespace drdb::rules
