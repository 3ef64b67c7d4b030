// CloudFormation YAML from the template's JSON tree.
#include <yaml-cpp/yaml.h>

#include "render/cfn/cfn_template.hpp"
#include "render/common/yaml_scalars.hpp"

namespace drdb::render::cfn {

using nlohmann::json;

namespace {

void emit(YAML::Emitter& out, const json& j);

void emit_string(YAML::Emitter& out, const std::string& s) {
  if (s.find('\n') != std::string::npos && s.back() == '\n' && s.find_first_of("\t\r") == std::string::npos)
    out << YAML::Literal << s;
  else if (needs_quotes_in_yaml(s))
    out << YAML::DoubleQuoted << s;
  else
    out << s;
}

// {"Ref": x} → !Ref x, {"Fn::GetAtt": [a, b]} → !GetAtt a.b, {"Fn::X": v} → !X v.
bool emit_short_form(YAML::Emitter& out, const json& j) {
  if (!j.is_object() || j.size() != 1) return false;
  const auto first = j.begin();
  const std::string& key = first.key();
  const json& value = first.value();
  if (key == "Ref" && value.is_string()) {
    out << YAML::LocalTag("Ref");
    emit_string(out, value.get<std::string>());
    return true;
  }
  if (key == "Fn::GetAtt" && value.is_array() && value.size() == 2 && value[0].is_string() && value[1].is_string()) {
    out << YAML::LocalTag("GetAtt") << (value[0].get<std::string>() + "." + value[1].get<std::string>());
    return true;
  }
  if (key.rfind("Fn::", 0) == 0) {
    out << YAML::LocalTag(key.substr(4));
    emit(out, value);
    return true;
  }
  return false;
}

void emit(YAML::Emitter& out, const json& j) {
  switch (j.type()) {
    case json::value_t::null: out << YAML::Null; return;
    case json::value_t::boolean: out << (j.get<bool>() ? "true" : "false"); return;
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: out << j.dump(); return;
    case json::value_t::string: emit_string(out, j.get<std::string>()); return;
    case json::value_t::array:
      if (j.empty()) {
        out << YAML::Flow << YAML::BeginSeq << YAML::EndSeq;
        return;
      }
      out << YAML::BeginSeq;
      for (const auto& item : j) emit(out, item);
      out << YAML::EndSeq;
      return;
    case json::value_t::object:
      if (emit_short_form(out, j)) return;
      if (j.empty()) {
        out << YAML::Flow << YAML::BeginMap << YAML::EndMap;
        return;
      }
      out << YAML::BeginMap;
      for (auto it = j.begin(); it != j.end(); ++it) {
        out << YAML::Key;
        emit_string(out, it.key());
        out << YAML::Value;
        emit(out, it.value());
      }
      out << YAML::EndMap;
      return;
    default: out << j.dump(); return;
  }
}

}  // namespace

std::string yaml_text(const json& tmpl) {
  YAML::Emitter out;
  out.SetIndent(2);
  out.SetSeqFormat(YAML::Block);
  out.SetMapFormat(YAML::Block);
  emit(out, tmpl);
  return std::string(out.c_str()) + "\n";
}

}  // namespace drdb::render::cfn
