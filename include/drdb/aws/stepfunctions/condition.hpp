// Conditions of a Choice state's rules, typed: each comparison takes the kind of value it compares
// (a string, a number, a boolean, an RFC 3339 timestamp, or a path to compare against), so a rule
// can only be built in a form the States Language accepts.
#pragma once

#include <string>
#include <vector>

#include "drdb/core/value.hpp"

namespace drdb::aws::stepfunctions {

class Condition {
 public:
  // ---- strings
  static Condition string_equals(std::string variable, std::string value);
  static Condition string_less_than(std::string variable, std::string value);
  static Condition string_greater_than(std::string variable, std::string value);
  static Condition string_less_than_equals(std::string variable, std::string value);
  static Condition string_greater_than_equals(std::string variable, std::string value);
  // `*` matches any run of characters ("emr-*"); `\\*` a literal star.
  static Condition string_matches(std::string variable, std::string pattern);
  static Condition string_equals_path(std::string variable, std::string path);
  static Condition string_less_than_path(std::string variable, std::string path);
  static Condition string_greater_than_path(std::string variable, std::string path);
  static Condition string_less_than_equals_path(std::string variable, std::string path);
  static Condition string_greater_than_equals_path(std::string variable, std::string path);
  // ---- numbers
  static Condition numeric_equals(std::string variable, double value);
  static Condition numeric_less_than(std::string variable, double value);
  static Condition numeric_greater_than(std::string variable, double value);
  static Condition numeric_less_than_equals(std::string variable, double value);
  static Condition numeric_greater_than_equals(std::string variable, double value);
  static Condition numeric_equals_path(std::string variable, std::string path);
  static Condition numeric_less_than_path(std::string variable, std::string path);
  static Condition numeric_greater_than_path(std::string variable, std::string path);
  static Condition numeric_less_than_equals_path(std::string variable, std::string path);
  static Condition numeric_greater_than_equals_path(std::string variable, std::string path);
  // ---- booleans
  static Condition boolean_equals(std::string variable, bool value);
  static Condition boolean_equals_path(std::string variable, std::string path);
  // ---- timestamps ("2026-01-31T00:00:00Z")
  static Condition timestamp_equals(std::string variable, std::string timestamp);
  static Condition timestamp_less_than(std::string variable, std::string timestamp);
  static Condition timestamp_greater_than(std::string variable, std::string timestamp);
  static Condition timestamp_less_than_equals(std::string variable, std::string timestamp);
  static Condition timestamp_greater_than_equals(std::string variable, std::string timestamp);
  static Condition timestamp_equals_path(std::string variable, std::string path);
  static Condition timestamp_less_than_path(std::string variable, std::string path);
  static Condition timestamp_greater_than_path(std::string variable, std::string path);
  static Condition timestamp_less_than_equals_path(std::string variable, std::string path);
  static Condition timestamp_greater_than_equals_path(std::string variable, std::string path);
  // ---- type tests (true when the variable is / is not of the kind)
  static Condition is_present(std::string variable, bool present = true);
  static Condition is_null(std::string variable, bool null = true);
  static Condition is_string(std::string variable, bool string = true);
  static Condition is_numeric(std::string variable, bool numeric = true);
  static Condition is_boolean(std::string variable, bool boolean = true);
  static Condition is_timestamp(std::string variable, bool timestamp = true);
  // ---- combinations
  static Condition all_of(std::vector<Condition> conditions);  // And
  static Condition any_of(std::vector<Condition> conditions);  // Or
  static Condition negate(Condition condition);                // Not

  // The rule's JSON (without Next).
  Value to_value() const;
  // Every problem, described for `where` ("state \"Route\", rule 2"): a variable or path that is
  // not a path, an empty And/Or, a timestamp that is not RFC 3339.
  std::vector<std::string> problems() const;

 private:
  enum class Operand { None, String, Number, Boolean, Timestamp, Path };
  Condition(std::string op, std::string variable, Value operand, Operand kind)
      : op_(std::move(op)), variable_(std::move(variable)), operand_(std::move(operand)), kind_(kind) {}
  static Condition combine(std::string op, std::vector<Condition> conditions);

  std::string op_;  // "StringEquals", "And"...
  std::string variable_;
  Value operand_;
  Operand kind_ = Operand::None;
  std::vector<Condition> children_;  // And / Or / Not
};

}  // namespace drdb::aws::stepfunctions
