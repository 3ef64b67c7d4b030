// Target-neutral values: literals, nested documents and deploy-time expressions.
//
// A Value is what every property of every resource holds before a renderer turns it into
// CloudFormation or Terraform syntax. Expressions (a reference to another resource's attribute, a
// join, a pseudo parameter...) are nodes of the same tree, so a policy document or a state machine
// definition is built as a value and never as a pre-serialized string.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace drdb {

class Construct;
class Parameter;

class Value;
using List = std::vector<Value>;
using Object = std::map<std::string, Value, std::less<>>;

// Values only known once deployed, resolved by the target (AWS::Region / data.aws_region...).
enum class Pseudo { Region, AccountId, Partition, UrlSuffix, StackName, AvailabilityZones /* list */ };

// `target.attribute`: a target-neutral attribute name ("Id", "Arn", "Name"...); each renderer maps it
// to its own syntax. Referencing creates an implicit dependency of the referrer on the target.
struct AttrRef {
  const Construct* target = nullptr;
  std::string attribute;
};
struct ParamRef {
  const Parameter* parameter = nullptr;
};
struct Join {
  std::string separator;
  List parts;
};
// A nested document rendered as a JSON *string* (policy documents for Terraform, state machine
// definitions...). Expressions inside are resolved by the target (Fn::Sub / interpolation).
struct JsonString {
  std::shared_ptr<const Value> document;
};
// Value exported by another stack (CloudFormation export name / Terraform output).
struct ImportValue {
  std::string export_name;
};
struct Select {
  std::int64_t index = 0;
  std::shared_ptr<const Value> list;
};

using Expression = std::variant<AttrRef, ParamRef, Pseudo, Join, JsonString, ImportValue, Select>;

class Value {
 public:
  using Storage = std::variant<std::monostate, bool, std::int64_t, double, std::string, List, Object,
                               std::shared_ptr<const Expression>>;

  Value() = default;  // null
  Value(std::nullptr_t) {}
  Value(bool b) : v_(b) {}
  Value(int i) : v_(static_cast<std::int64_t>(i)) {}
  Value(long i) : v_(static_cast<std::int64_t>(i)) {}
  Value(long long i) : v_(static_cast<std::int64_t>(i)) {}
  Value(unsigned i) : v_(static_cast<std::int64_t>(i)) {}
  Value(double d) : v_(d) {}
  Value(const char* s) : v_(std::string(s)) {}
  Value(std::string s) : v_(std::move(s)) {}
  Value(std::string_view s) : v_(std::string(s)) {}
  Value(List l) : v_(std::move(l)) {}
  Value(Object o) : v_(std::move(o)) {}
  Value(Expression e) : v_(std::make_shared<const Expression>(std::move(e))) {}
  Value(AttrRef e) : Value(Expression(std::move(e))) {}
  Value(ParamRef e) : Value(Expression(e)) {}
  Value(Pseudo e) : Value(Expression(e)) {}
  Value(Join e) : Value(Expression(std::move(e))) {}
  Value(JsonString e) : Value(Expression(std::move(e))) {}
  Value(ImportValue e) : Value(Expression(std::move(e))) {}
  Value(Select e) : Value(Expression(std::move(e))) {}

  // Builders that read well at call sites: Value::object({{"Key", "v"}}), Value::list({1, 2}).
  static Value object(std::initializer_list<std::pair<const std::string, Value>> members) {
    return Value(Object(members));
  }
  static Value list(std::initializer_list<Value> items) { return Value(List(items)); }

  bool is_null() const { return std::holds_alternative<std::monostate>(v_); }
  bool is_bool() const { return std::holds_alternative<bool>(v_); }
  bool is_int() const { return std::holds_alternative<std::int64_t>(v_); }
  bool is_double() const { return std::holds_alternative<double>(v_); }
  bool is_number() const { return is_int() || is_double(); }
  bool is_string() const { return std::holds_alternative<std::string>(v_); }
  bool is_list() const { return std::holds_alternative<List>(v_); }
  bool is_object() const { return std::holds_alternative<Object>(v_); }
  bool is_expression() const { return std::holds_alternative<std::shared_ptr<const Expression>>(v_); }
  // True when the value (or anything nested in it) is only known at deploy time.
  bool has_expression() const;

  bool as_bool() const { return std::get<bool>(v_); }
  std::int64_t as_int() const { return std::get<std::int64_t>(v_); }
  double as_double() const { return is_int() ? static_cast<double>(as_int()) : std::get<double>(v_); }
  const std::string& as_string() const { return std::get<std::string>(v_); }
  const List& as_list() const { return std::get<List>(v_); }
  List& as_list() { return std::get<List>(v_); }
  const Object& as_object() const { return std::get<Object>(v_); }
  Object& as_object() { return std::get<Object>(v_); }
  const Expression& as_expression() const { return *std::get<std::shared_ptr<const Expression>>(v_); }

  const Storage& storage() const { return v_; }

  // Short human description of the kind, for diagnostics ("string", "list", "reference"...).
  std::string_view kind_name() const;

  friend bool operator==(const Value& a, const Value& b);

 private:
  Storage v_;
};

bool operator==(const Expression& a, const Expression& b);

// Concatenation of strings and expressions; adjacent literals are merged, nested joins flattened.
Value concat(List parts);
Value json_string(Value document);

}  // namespace drdb
