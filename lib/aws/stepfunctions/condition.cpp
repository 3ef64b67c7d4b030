#include "drdb/aws/stepfunctions/condition.hpp"

#include <regex>

namespace drdb::aws::stepfunctions {

namespace {

bool is_path(const std::string& s) { return s.rfind("$", 0) == 0; }

// RFC 3339 as Step Functions reads it: date, 'T', time, optional fraction, and Z or an offset.
bool is_rfc3339(const std::string& s) {
  static const std::regex rfc3339(R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$)");
  return std::regex_match(s, rfc3339);
}

}  // namespace

#define DRDB_SFN_COMPARISON(fn, op, kind, type, wrap)                          \
  Condition Condition::fn(std::string variable, type operand) {                \
    return Condition(op, std::move(variable), Value(wrap(operand)), kind);     \
  }

#define DRDB_SFN_SAME(x) x
#define DRDB_SFN_MOVE(x) std::move(x)

DRDB_SFN_COMPARISON(string_equals, "StringEquals", Operand::String, std::string, DRDB_SFN_MOVE)
DRDB_SFN_COMPARISON(string_less_than, "StringLessThan", Operand::String, std::string, DRDB_SFN_MOVE)
DRDB_SFN_COMPARISON(string_greater_than, "StringGreaterThan", Operand::String, std::string, DRDB_SFN_MOVE)
DRDB_SFN_COMPARISON(string_less_than_equals, "StringLessThanEquals", Operand::String, std::string, DRDB_SFN_MOVE)
DRDB_SFN_COMPARISON(string_greater_than_equals, "StringGreaterThanEquals", Operand::String, std::string, DRDB_SFN_MOVE)
DRDB_SFN_COMPARISON(string_matches, "StringMatches", Operand::String, std::string, DRDB_SFN_MOVE)
DRDB_SFN_COMPARISON(string_equals_path, "StringEqualsPath", Operand::Path, std::string, DRDB_SFN_MOVE)
DRDB_SFN_COMPARISON(string_less_than_path, "StringLessThanPath", Operand::Path, std::string, DRDB_SFN_MOVE)
DRDB_SFN_COMPARISON(string_greater_than_path, "StringGreaterThanPath", Operand::Path, std::string, DRDB_SFN_MOVE)
DRDB_SFN_COMPARISON(string_less_than_equals_path, "StringLessThanEqualsPath", Operand::Path, std::string, DRDB_SFN_MOVE)
DRDB_SFN_COMPARISON(string_greater_than_equals_path, "StringGreaterThanEqualsPath", Operand::Path, std::string, DRDB_SFN_MOVE)
DRDB_SFN_COMPARISON(numeric_equals, "NumericEquals", Operand::Number, double, DRDB_SFN_SAME)
DRDB_SFN_COMPARISON(numeric_less_than, "NumericLessThan", Operand::Number, double, DRDB_SFN_SAME)
DRDB_SFN_COMPARISON(numeric_greater_than, "NumericGreaterThan", Operand::Number, double, DRDB_SFN_SAME)
DRDB_SFN_COMPARISON(numeric_less_than_equals, "NumericLessThanEquals", Operand::Number, double, DRDB_SFN_SAME)
DRDB_SFN_COMPARISON(numeric_greater_than_equals, "NumericGreaterThanEquals", Operand::Number, double, DRDB_SFN_SAME)
DRDB_SFN_COMPARISON(numeric_equals_path, "NumericEqualsPath", Operand::Path, std::string, DRDB_SFN_MOVE)
DRDB_SFN_COMPARISON(numeric_less_than_path, "NumericLessThanPath", Operand::Path, std::string, DRDB_SFN_MOVE)
DRDB_SFN_COMPARISON(numeric_greater_than_path, "NumericGreaterThanPath", Operand::Path, std::string, DRDB_SFN_MOVE)
DRDB_SFN_COMPARISON(numeric_less_than_equals_path, "NumericLessThanEqualsPath", Operand::Path, std::string, DRDB_SFN_MOVE)
DRDB_SFN_COMPARISON(numeric_greater_than_equals_path, "NumericGreaterThanEqualsPath", Operand::Path, std::string, DRDB_SFN_MOVE)
DRDB_SFN_COMPARISON(boolean_equals, "BooleanEquals", Operand::Boolean, bool, DRDB_SFN_SAME)
DRDB_SFN_COMPARISON(boolean_equals_path, "BooleanEqualsPath", Operand::Path, std::string, DRDB_SFN_MOVE)
DRDB_SFN_COMPARISON(timestamp_equals, "TimestampEquals", Operand::Timestamp, std::string, DRDB_SFN_MOVE)
DRDB_SFN_COMPARISON(timestamp_less_than, "TimestampLessThan", Operand::Timestamp, std::string, DRDB_SFN_MOVE)
DRDB_SFN_COMPARISON(timestamp_greater_than, "TimestampGreaterThan", Operand::Timestamp, std::string, DRDB_SFN_MOVE)
DRDB_SFN_COMPARISON(timestamp_less_than_equals, "TimestampLessThanEquals", Operand::Timestamp, std::string, DRDB_SFN_MOVE)
DRDB_SFN_COMPARISON(timestamp_greater_than_equals, "TimestampGreaterThanEquals", Operand::Timestamp, std::string, DRDB_SFN_MOVE)
DRDB_SFN_COMPARISON(timestamp_equals_path, "TimestampEqualsPath", Operand::Path, std::string, DRDB_SFN_MOVE)
DRDB_SFN_COMPARISON(timestamp_less_than_path, "TimestampLessThanPath", Operand::Path, std::string, DRDB_SFN_MOVE)
DRDB_SFN_COMPARISON(timestamp_greater_than_path, "TimestampGreaterThanPath", Operand::Path, std::string, DRDB_SFN_MOVE)
DRDB_SFN_COMPARISON(timestamp_less_than_equals_path, "TimestampLessThanEqualsPath", Operand::Path, std::string, DRDB_SFN_MOVE)
DRDB_SFN_COMPARISON(timestamp_greater_than_equals_path, "TimestampGreaterThanEqualsPath", Operand::Path, std::string, DRDB_SFN_MOVE)
DRDB_SFN_COMPARISON(is_present, "IsPresent", Operand::Boolean, bool, DRDB_SFN_SAME)
DRDB_SFN_COMPARISON(is_null, "IsNull", Operand::Boolean, bool, DRDB_SFN_SAME)
DRDB_SFN_COMPARISON(is_string, "IsString", Operand::Boolean, bool, DRDB_SFN_SAME)
DRDB_SFN_COMPARISON(is_numeric, "IsNumeric", Operand::Boolean, bool, DRDB_SFN_SAME)
DRDB_SFN_COMPARISON(is_boolean, "IsBoolean", Operand::Boolean, bool, DRDB_SFN_SAME)
DRDB_SFN_COMPARISON(is_timestamp, "IsTimestamp", Operand::Boolean, bool, DRDB_SFN_SAME)

#undef DRDB_SFN_COMPARISON
#undef DRDB_SFN_SAME
#undef DRDB_SFN_MOVE

Condition Condition::combine(std::string op, std::vector<Condition> conditions) {
  Condition c(std::move(op), {}, {}, Operand::None);
  c.children_ = std::move(conditions);
  return c;
}

Condition Condition::all_of(std::vector<Condition> conditions) { return combine("And", std::move(conditions)); }
Condition Condition::any_of(std::vector<Condition> conditions) { return combine("Or", std::move(conditions)); }
Condition Condition::negate(Condition condition) { return combine("Not", {std::move(condition)}); }

Value Condition::to_value() const {
  if (op_ == "Not") return Value::object({{"Not", children_.front().to_value()}});
  if (op_ == "And" || op_ == "Or") {
    List items;
    for (const auto& child : children_) items.push_back(child.to_value());
    return Value(Object{{op_, Value(std::move(items))}});
  }
  // Whole numbers are written as integers ("NumericEquals": 3, not 3.0).
  Value operand = operand_;
  if (operand.is_double() && operand.as_double() == static_cast<double>(static_cast<long long>(operand.as_double())))
    operand = Value(static_cast<long long>(operand.as_double()));
  return Value(Object{{"Variable", variable_}, {op_, std::move(operand)}});
}

std::vector<std::string> Condition::problems() const {
  std::vector<std::string> out;
  if (op_ == "And" || op_ == "Or" || op_ == "Not") {
    if (children_.empty()) out.push_back(op_ + " has no condition in it");
    for (const auto& child : children_)
      for (auto& p : child.problems()) out.push_back(std::move(p));
    return out;
  }
  if (!is_path(variable_)) out.push_back(op_ + ": variable \"" + variable_ + "\" is not a path (it must start with $)");
  if (kind_ == Operand::Path && !is_path(operand_.as_string()))
    out.push_back(op_ + ": \"" + operand_.as_string() + "\" is not a path (it must start with $)");
  if (kind_ == Operand::Timestamp && !is_rfc3339(operand_.as_string()))
    out.push_back(op_ + ": \"" + operand_.as_string() + "\" is not an RFC 3339 timestamp such as 2026-01-31T00:00:00Z");
  return out;
}

}  // namespace drdb::aws::stepfunctions
