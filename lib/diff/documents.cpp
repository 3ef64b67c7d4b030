#include "diff/documents.hpp"

#include <yaml-cpp/yaml.h>

#include <charconv>
#include <regex>

#include "drdb/core/error.hpp"

namespace drdb::diff::detail {
namespace {

bool ends_with(std::string_view s, std::string_view suffix) { return s.ends_with(suffix); }

// A plain (unquoted) YAML scalar as the JSON value a YAML 1.2 core-schema reader gives it; drdb's
// writer quotes every string that could read as something else.
nlohmann::json plain_scalar(const std::string& s) {
  if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") return nullptr;
  if (s == "true" || s == "True" || s == "TRUE") return true;
  if (s == "false" || s == "False" || s == "FALSE") return false;
  static const std::regex integer("[-+]?[0-9]+");
  static const std::regex number(R"([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?)");
  if (std::regex_match(s, integer)) {
    long long v = 0;
    const char* begin = s.data() + (s[0] == '+' ? 1 : 0);
    if (std::from_chars(begin, s.data() + s.size(), v).ec == std::errc()) return v;
  }
  if (std::regex_match(s, number)) return std::stod(s);
  return s;
}

// A YAML file's aliases share nodes that converting copies: a few kilobytes of nested aliases would
// expand to gigabytes. Templates drdb writes have no aliases; a committed file that expands beyond
// this many values is refused.
constexpr std::size_t max_yaml_values = 5'000'000;

struct YamlReader {
  std::size_t values = 0;
  nlohmann::json from_yaml(const YAML::Node& node, bool read_tag = true);
  nlohmann::json tagged(const std::string& tag, const YAML::Node& node);
};

// CloudFormation's short forms: !Ref and !Condition keep their names, !GetAtt "A.B" is a list,
// every other tag is a function ("!Sub" is "Fn::Sub").
nlohmann::json YamlReader::tagged(const std::string& tag, const YAML::Node& node) {
  const std::string name = tag.substr(1);
  nlohmann::json value = node.IsScalar() ? nlohmann::json(node.Scalar()) : from_yaml(node, false);
  if (name == "Ref" || name == "Condition") return {{name, value}};
  if (name == "GetAtt" && value.is_string()) {
    const auto text = value.get<std::string>();
    const auto dot = text.find('.');
    value = dot == std::string::npos ? nlohmann::json::array({text})
                                     : nlohmann::json::array({text.substr(0, dot), text.substr(dot + 1)});
  }
  return {{"Fn::" + name, value}};
}

nlohmann::json YamlReader::from_yaml(const YAML::Node& node, bool read_tag) {
  if (++values > max_yaml_values)
    throw std::runtime_error("more than " + std::to_string(max_yaml_values) + " values once its aliases are expanded");
  const std::string& tag = node.Tag();
  if (read_tag && !tag.empty() && tag != "?" && tag != "!" && tag[0] == '!') return tagged(tag, node);
  switch (node.Type()) {
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined: return nullptr;
    case YAML::NodeType::Scalar: return tag == "!" ? nlohmann::json(node.Scalar()) : plain_scalar(node.Scalar());
    case YAML::NodeType::Sequence: {
      auto out = nlohmann::json::array();
      for (const auto& item : node) out.push_back(from_yaml(item));
      return out;
    }
    case YAML::NodeType::Map: {
      auto out = nlohmann::json::object();
      for (const auto& entry : node) out[entry.first.Scalar()] = from_yaml(entry.second);
      return out;
    }
  }
  return nullptr;
}

}  // namespace

Kind kind_of(std::string_view file) {
  if (ends_with(file, ".template.json")) return Kind::CfnJson;
  if (ends_with(file, ".template.yaml")) return Kind::CfnYaml;
  if (ends_with(file, ".tf.json")) return Kind::Terraform;
  if (ends_with(file, ".json")) return Kind::Json;
  return Kind::Other;
}

bool is_template(Kind kind) { return kind == Kind::CfnJson || kind == Kind::CfnYaml || kind == Kind::Terraform; }

std::string stack_of(std::string_view file) {
  constexpr std::string_view cfn = "cloudformation/", tf = "terraform/";
  if (file.starts_with(cfn)) {
    file.remove_prefix(cfn.size());
    for (std::string_view suffix : {".template.json", ".template.yaml"})
      if (file.ends_with(suffix) && file.find('/') == std::string_view::npos)
        return std::string(file.substr(0, file.size() - suffix.size()));
    return {};
  }
  if (file.starts_with(tf)) {
    file.remove_prefix(tf.size());
    const auto slash = file.find('/');
    return slash == std::string_view::npos ? std::string() : std::string(file.substr(0, slash));
  }
  return {};
}

nlohmann::json parse(std::string_view file, const std::string& content, Kind kind) {
  try {
    if (kind == Kind::CfnYaml) return YamlReader().from_yaml(YAML::Load(content));
    return nlohmann::json::parse(content);
  } catch (const std::exception& e) {
    std::string_view what = e.what();
    for (std::string_view noise : {"yaml-cpp: error at ", "[json.exception.parse_error.101] parse error at "})
      if (what.starts_with(noise)) what.remove_prefix(noise.size());
    throw Error(ErrorKind::Io, std::string(file) + ": cannot be read as " + (kind == Kind::CfnYaml ? "YAML" : "JSON") +
                                   ": " + std::string(what));
  }
}

}  // namespace drdb::diff::detail
