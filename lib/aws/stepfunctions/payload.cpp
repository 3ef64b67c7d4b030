#include "drdb/aws/stepfunctions/payload.hpp"

#include "aws/stepfunctions/state_input.hpp"
#include "drdb/core/app.hpp"
#include "drdb/core/error.hpp"

namespace drdb::aws::stepfunctions {

namespace {

// input_string values are references to this app's root, whose attribute is the path: a reference
// of no app the user builds, which validation reports if one reaches a resource's property.
const Construct& state_input() {
  static const App input({.name = "StateMachineInput"});
  return input;
}

const std::string* input_path(const Value& v) {
  if (!v.is_expression()) return nullptr;
  const auto* ref = std::get_if<AttrRef>(&v.as_expression());
  return ref != nullptr && ref->target == &state_input() ? &ref->attribute : nullptr;
}

// Text inside an intrinsic function's string literal: ' { } and \ are escaped with a backslash.
std::string escape_intrinsic(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\'' || c == '{' || c == '}' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

Value intrinsic_argument(const Value& v);

// A string value holding input paths as intrinsic text: a path, or States.Format of the parts.
Value string_intrinsic(const Value& v) {
  if (const auto* path = input_path(v)) return Value(*path);
  const auto& join = std::get<Join>(v.as_expression());
  List format{Value("States.Format('")};
  List arguments;
  bool first = true;
  for (const auto& part : join.parts) {
    if (!first && !join.separator.empty()) format.emplace_back(escape_intrinsic(join.separator));
    first = false;
    if (const auto* path = input_path(part)) {
      format.emplace_back("{}");
      arguments.emplace_back(", " + *path);
    } else if (part.is_string()) {
      format.emplace_back(escape_intrinsic(part.as_string()));
    } else {
      format.push_back(part);  // a deploy-time value (a bucket name): resolved into the text
    }
  }
  format.emplace_back("'");
  for (auto& a : arguments) format.push_back(std::move(a));
  format.emplace_back(")");
  return concat(std::move(format));
}

// One argument of States.Array: a quoted string, a number or boolean, or a path / States.Format.
Value intrinsic_argument(const Value& v) {
  if (reads_state_input(v)) {
    if (v.is_list() || v.is_object()) throw Error(ErrorKind::Usage, "a state input value can only be listed among strings");
    return string_intrinsic(v);
  }
  if (v.is_string()) return Value("'" + escape_intrinsic(v.as_string()) + "'");
  if (v.is_bool()) return Value(v.as_bool() ? "true" : "false");
  if (v.is_int()) return Value(std::to_string(v.as_int()));
  if (v.is_expression()) return concat({Value("'"), v, Value("'")});
  throw Error(ErrorKind::Usage, "a list holding a state input value can only hold strings, numbers and booleans");
}

// Adds `key` with `value` to a payload object, as a dynamic field (key.$) when it reads the input.
void put(Object& out, const std::string& key, const Value& value) {
  if (!reads_state_input(value)) {
    out.emplace(key, value);
  } else if (value.is_object()) {
    Object nested;
    for (const auto& [k, v] : value.as_object()) put(nested, k, v);
    out.emplace(key, Value(std::move(nested)));
  } else if (value.is_list()) {
    List array{Value("States.Array(")};
    bool first = true;
    for (const auto& item : value.as_list()) {
      if (!first) array.emplace_back(", ");
      first = false;
      array.push_back(intrinsic_argument(item));
    }
    array.emplace_back(")");
    out.emplace(key + ".$", concat(std::move(array)));
  } else {
    out.emplace(key + ".$", string_intrinsic(value));
  }
}

}  // namespace

bool detail::is_state_input(const Construct* target) { return target == &state_input(); }

Field::Field(const Payload& nested) : value_(payload_value(nested)) {}

Value payload_value(const Payload& payload) {
  Object out;
  for (const auto& [key, field] : payload) {
    if (field.is_dynamic())
      out.emplace(key + ".$", field.value());
    else
      put(out, key, field.value());
  }
  return Value(std::move(out));
}

Str input_string(std::string json_path) { return Str(AttrRef{&state_input(), std::move(json_path)}); }

bool reads_state_input(const Value& value) {
  if (input_path(value) != nullptr) return true;
  if (value.is_list())
    for (const auto& item : value.as_list())
      if (reads_state_input(item)) return true;
  if (value.is_object())
    for (const auto& [key, item] : value.as_object())
      if (reads_state_input(item)) return true;
  if (value.is_expression())
    if (const auto* join = std::get_if<Join>(&value.as_expression()))
      for (const auto& part : join->parts)
        if (reads_state_input(part)) return true;
  return false;
}

}  // namespace drdb::aws::stepfunctions
