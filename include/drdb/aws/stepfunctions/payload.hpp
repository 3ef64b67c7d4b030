// Input and output processing of Amazon States Language states: reference paths (InputPath,
// OutputPath, ResultPath) and payload templates (Parameters, ResultSelector, ItemSelector).
//
// A payload template is typed: a field is a literal (any Value, tokens included: a table name, a
// function ARN), a path into the state's input or the context object, or an intrinsic function.
// Rendering appends ".$" to the keys of dynamic fields, so a literal can never be read as a path
// by accident, and a path always is one.
#pragma once

#include <map>
#include <string>

#include "drdb/core/typed.hpp"
#include "drdb/core/value.hpp"

namespace drdb::aws::stepfunctions {

// InputPath / OutputPath / ResultPath: a reference path ("$", "$.cluster") or null, which discards
// (the state's input becomes {}, or its result is dropped and the input passed on).
class ReferencePath {
 public:
  ReferencePath(const char* path) : path_(path) {}
  ReferencePath(std::string path) : path_(std::move(path)) {}
  static ReferencePath discard() {
    ReferencePath p("");
    p.discard_ = true;
    return p;
  }
  bool discards() const { return discard_; }
  const std::string& path() const { return path_; }
  Value to_value() const { return discard_ ? Value() : Value(path_); }

 private:
  std::string path_;
  bool discard_ = false;
};

class Field;
using Payload = std::map<std::string, Field, std::less<>>;

class Field {
 public:
  Field(Value literal) : value_(std::move(literal)) {}
  Field(const char* s) : value_(s) {}
  Field(std::string s) : value_(std::move(s)) {}
  Field(const Str& s) : value_(s.value()) {}
  Field(int i) : value_(i) {}
  Field(long i) : value_(i) {}
  Field(long long i) : value_(i) {}
  Field(double d) : value_(d) {}
  Field(bool b) : value_(b) {}
  Field(const Payload& nested);

  // "$.cluster.Id" (the state's input) or "$$.Execution.Id" (the context object).
  static Field path(std::string json_path) { return Field(Value(std::move(json_path)), Kind::Path); }
  // An intrinsic function: "States.Format('{}/{}', $.bucket, $.key)".
  static Field intrinsic(std::string expression) { return Field(Value(std::move(expression)), Kind::Intrinsic); }

  enum class Kind { Literal, Path, Intrinsic };
  Kind kind() const { return kind_; }
  bool is_dynamic() const { return kind_ != Kind::Literal; }
  const Value& value() const { return value_; }

 private:
  Field(Value v, Kind k) : value_(std::move(v)), kind_(k) {}
  Value value_;
  Kind kind_ = Kind::Literal;
};

// {"Literal": ..., "FromInput.$": "$.x"}. Literal fields holding input_string values become dynamic
// (see input_string).
Value payload_value(const Payload& payload);

// A string the state reads from its input when it runs ("$.object.key"), for fields typed as
// deploy-time strings, such as a step's arguments: `Str("--input=") + input_string("$.object.key")`.
// In a payload template it renders as a path, as States.Format when joined with other text, and a
// list holding one as States.Array. Anywhere else (a resource's property, an output) it is a
// validation error: only a state machine's tasks know the input.
Str input_string(std::string json_path);
// Whether `value` holds an input_string anywhere.
bool reads_state_input(const Value& value);

}  // namespace drdb::aws::stepfunctions
