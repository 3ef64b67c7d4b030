#include "render/cfn/cfn_values.hpp"

#include "drdb/core/logical_id.hpp"
#include "drdb/core/stack.hpp"
#include "render/common/json_text.hpp"
#include "render/common/value_json.hpp"

namespace drdb::render::cfn {

using nlohmann::json;

namespace {

std::string_view pseudo_name(Pseudo p) {
  switch (p) {
    case Pseudo::Region: return "AWS::Region";
    case Pseudo::AccountId: return "AWS::AccountId";
    case Pseudo::Partition: return "AWS::Partition";
    case Pseudo::UrlSuffix: return "AWS::URLSuffix";
    case Pseudo::StackName: return "AWS::StackName";
    case Pseudo::AvailabilityZones: return "";
  }
  return "";
}

// Literal text inside Fn::Sub: "${" would start a substitution, "${!" writes it literally.
std::string escape_sub_literal(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    out += text[i];
    if (text[i] == '$' && i + 1 < text.size() && text[i + 1] == '{') {
      out += "{!";
      ++i;
    }
  }
  return out;
}

}  // namespace

std::string reference_text(const RenderedStack& stack, const AttrRef& ref) { return CfnValues(stack)(Value(ref)).dump(); }

json CfnValues::operator()(const Value& v) const {
  return value_to_json(
      v, [](const std::string& s) { return s; }, [&](const Value& e) { return expression(e.as_expression()); });
}

json CfnValues::attribute(const AttrRef& ref) const {
  if (const auto* imported = stack_.imported(ref)) return {{"Fn::ImportValue", imported->export_name}};
  if (auto pass = stack_.passthrough_attributes.find(ref.target); pass != stack_.passthrough_attributes.end()) {
    if (ref.attribute == "Ref") return {{"Ref", pass->second.resource_name}};
    return {{"Fn::GetAtt", {pass->second.resource_name, ref.attribute}}};
  }
  // Unknown references were reported by validation; rendering is not reached with errors.
  const auto& b = stack_.attributes.at(ref.target).at(ref.attribute);
  if (b.attribute.empty()) return {{"Ref", b.resource_name}};
  return {{"Fn::GetAtt", {b.resource_name, b.attribute}}};
}

json CfnValues::expression(const Expression& e) const {
  return std::visit(
      [&](const auto& x) -> json {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, AttrRef>) {
          return attribute(x);
        } else if constexpr (std::is_same_v<T, ParamRef>) {
          return {{"Ref", logical_id(*x.parameter)}};
        } else if constexpr (std::is_same_v<T, Pseudo>) {
          if (x == Pseudo::AvailabilityZones) return {{"Fn::GetAZs", ""}};
          return {{"Ref", pseudo_name(x)}};
        } else if constexpr (std::is_same_v<T, Join>) {
          json parts = json::array();
          for (const auto& p : x.parts) parts.push_back((*this)(p));
          return {{"Fn::Join", {x.separator, parts}}};
        } else if constexpr (std::is_same_v<T, JsonString>) {
          return json_string(x);
        } else if constexpr (std::is_same_v<T, ImportValue>) {
          return {{"Fn::ImportValue", x.export_name}};
        } else {
          return {{"Fn::Select", {x.index, (*this)(*x.list)}}};
        }
      },
      e);
}

std::string CfnValues::sub_reference(const Expression& e) const {
  if (const auto* ref = std::get_if<AttrRef>(&e)) {
    const json j = attribute(*ref);
    if (j.contains("Ref")) return "${" + j["Ref"].get<std::string>() + "}";
    if (j.contains("Fn::GetAtt"))
      return "${" + j["Fn::GetAtt"][0].get<std::string>() + "." + j["Fn::GetAtt"][1].get<std::string>() + "}";
    return {};  // an import: a Fn::Sub variable
  }
  if (const auto* param = std::get_if<ParamRef>(&e)) return "${" + logical_id(*param->parameter) + "}";
  if (const auto* pseudo = std::get_if<Pseudo>(&e); pseudo && *pseudo != Pseudo::AvailabilityZones)
    return "${" + std::string(pseudo_name(*pseudo)) + "}";
  return {};
}

json CfnValues::json_string(const JsonString& js) const {
  const auto pieces = json_pieces(*js.document);
  if (pieces.size() == 1 && pieces.front().expression == nullptr) return pieces.front().text;
  std::string text;
  json variables = json::object();
  for (const auto& piece : pieces) {
    if (piece.expression == nullptr) {
      text += escape_sub_literal(piece.text);
      continue;
    }
    auto reference = sub_reference(*piece.expression);
    if (reference.empty()) {
      const std::string name = "Var" + std::to_string(variables.size());
      variables[name] = expression(*piece.expression);
      reference = "${" + name + "}";
    }
    text += reference;
  }
  if (variables.empty()) return {{"Fn::Sub", text}};
  return {{"Fn::Sub", {text, variables}}};
}

}  // namespace drdb::render::cfn
