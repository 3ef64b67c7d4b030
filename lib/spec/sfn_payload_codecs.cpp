// Input and output processing of states in specs: reference paths and payload templates.
//   result_path: $.cluster        result_path: ~  (discards the result)
//   parameters: {Bucket: landing, Key: {path: $.detail.object.key}, Now: {path: $$.State.EnteredTime},
//                Name: {intrinsic: "States.Format('run-{}', $$.Execution.Name)"}, Item: {Id: {S: {path: $.id}}}}
#include "spec/sfn_codecs.hpp"
#include "spec/value_codec.hpp"

namespace drdb::spec {

using PayloadField = aws::stepfunctions::Field;
using aws::stepfunctions::Payload;
using aws::stepfunctions::ReferencePath;

template <>
ReferencePath blank<ReferencePath>() {
  return ReferencePath("$");
}

bool Codec<ReferencePath>::read(const YAML::Node& n, ReferencePath& v, Context& c) {
  if (n.IsNull()) {
    v = ReferencePath::discard();
    return true;
  }
  std::string path;
  if (!Codec<std::string>::read(n, path, c)) return false;
  v = ReferencePath(std::move(path));
  return true;
}

Schema Codec<ReferencePath>::schema() {
  return {{"type", {"string", "null"}}, {"description", "a reference path ($, $.result), or null to discard"}};
}

template <>
PayloadField blank<PayloadField>() {
  return PayloadField(Value());
}

namespace {

// A mapping that is one of the string forms ({join: ...}, {ref, attribute}...), a literal string.
bool is_string_form(const YAML::Node& n) {
  if (n.size() == 2) return n["ref"] && n["attribute"];
  return n.size() == 1 && (n["join"] || n["param"] || n["pseudo"] || n["arn"]);
}

}  // namespace

bool Codec<PayloadField>::read(const YAML::Node& n, PayloadField& v, Context& c) {
  if (n.IsMap() && n.size() == 1 && (n["path"] || n["intrinsic"])) {
    std::string expression;
    const bool path = static_cast<bool>(n["path"]);
    if (!Codec<std::string>::read(path ? n["path"] : n["intrinsic"], expression, c)) return false;
    v = path ? PayloadField::path(std::move(expression)) : PayloadField::intrinsic(std::move(expression));
    return true;
  }
  if (n.IsMap() && !is_string_form(n)) {
    Payload nested;
    if (!Codec<Payload>::read(n, nested, c)) return false;
    v = PayloadField(nested);
    return true;
  }
  Value literal;
  if (!Codec<Value>::read(n, literal, c)) return false;
  v = PayloadField(std::move(literal));
  return true;
}

Schema Codec<PayloadField>::schema() {
  return {{"description",
           "a literal JSON value, {path: <JSONPath into the input, or $$. the context>}, {intrinsic: States.Format(...)}, or "
           "an object of such fields"}};
}

}  // namespace drdb::spec
