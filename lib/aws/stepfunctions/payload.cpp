#include "drdb/aws/stepfunctions/payload.hpp"

namespace drdb::aws::stepfunctions {

Field::Field(const Payload& nested) : value_(payload_value(nested)) {}

Value payload_value(const Payload& payload) {
  Object out;
  for (const auto& [key, field] : payload) out.emplace(field.is_dynamic() ? key + ".$" : key, field.value());
  return Value(std::move(out));
}

}  // namespace drdb::aws::stepfunctions
