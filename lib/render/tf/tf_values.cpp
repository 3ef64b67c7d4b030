#include "render/tf/tf_values.hpp"

#include "drdb/core/logical_id.hpp"
#include "drdb/core/stack.hpp"
#include "render/common/json_text.hpp"
#include "render/common/value_json.hpp"

namespace drdb::render::tf {

using nlohmann::json;

std::string escape_template_literal(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((s[i] == '$' || s[i] == '%') && i + 1 < s.size() && s[i + 1] == '{') out += s[i];
    out += s[i];
  }
  return out;
}

namespace {

std::string hcl_string(std::string_view s) { return "\"" + escape_template_literal(json_escape(s)) + "\""; }

}  // namespace

std::string reference_text(const RenderedStack& stack, const AttrRef& ref) {
  return TfValues(stack, {})(Value(ref)).get<std::string>();
}

std::string TfValues::remote_output(const ImportedValue& imported) {
  read_stacks_.insert(imported.stack);
  // The data source is named after the stack (render/tf/tf_module.cpp).
  return "data.terraform_remote_state." + imported.stack + ".outputs." + imported.output;
}

json TfValues::operator()(const Value& v) {
  return value_to_json(v, escape_template_literal, [&](const Value& expr) -> json {
    const auto& e = expr.as_expression();
    if (std::holds_alternative<Join>(e) || std::holds_alternative<JsonString>(e)) return template_text(expr);
    return "${" + expression(e) + "}";
  });
}

std::string TfValues::template_text(const Value& v) {
  if (v.is_string()) return escape_template_literal(v.as_string());
  if (!v.is_expression()) return "${" + hcl(v) + "}";
  const auto& e = v.as_expression();
  if (const auto* join = std::get_if<Join>(&e)) {
    std::string out;
    bool first = true;
    for (const auto& part : join->parts) {
      if (!first) out += escape_template_literal(join->separator);
      first = false;
      out += template_text(part);
    }
    return out;
  }
  if (const auto* js = std::get_if<JsonString>(&e)) {
    std::string out;
    for (const auto& piece : json_pieces(*js->document))
      out += piece.expression == nullptr ? escape_template_literal(piece.text) : "${" + expression(*piece.expression) + "}";
    return out;
  }
  return "${" + expression(e) + "}";
}

std::string TfValues::hcl(const Value& v) {
  if (v.is_expression()) {
    const auto& e = v.as_expression();
    if (std::holds_alternative<Join>(e) || std::holds_alternative<JsonString>(e))
      return "\"" + template_text(v) + "\"";  // template text is already escaped for a quoted string
    return expression(e);
  }
  if (v.is_null()) return "null";
  if (v.is_bool()) return v.as_bool() ? "true" : "false";
  if (v.is_int()) return std::to_string(v.as_int());
  if (v.is_double()) return json(v.as_double()).dump();
  if (v.is_string()) return hcl_string(v.as_string());
  std::string out;
  if (v.is_list()) {
    for (const auto& item : v.as_list()) out += (out.empty() ? "" : ", ") + hcl(item);
    return "[" + out + "]";
  }
  for (const auto& [key, member] : v.as_object()) out += (out.empty() ? "" : ", ") + hcl_string(key) + " = " + hcl(member);
  return "{" + out + "}";
}

std::string TfValues::expression(const Expression& e) {
  return std::visit(
      [&](const auto& x) -> std::string {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, AttrRef>) {
          if (const auto* imported = stack_.imported(x)) return remote_output(*imported);
          if (auto pass = stack_.passthrough_attributes.find(x.target); pass != stack_.passthrough_attributes.end())
            return pass->second.resource_type + "." + pass->second.resource_name + "." +
                   (x.attribute == "Ref" ? std::string("id") : x.attribute);
          const auto& b = stack_.attributes.at(x.target).at(x.attribute);
          return b.resource_type + "." + b.resource_name + "." + b.attribute;
        } else if constexpr (std::is_same_v<T, ParamRef>) {
          return "var." + logical_id(*x.parameter);
        } else if constexpr (std::is_same_v<T, Pseudo>) {
          used_pseudos_.insert(x);
          switch (x) {
            case Pseudo::Region: return "data.aws_region.current.name";
            case Pseudo::AccountId: return "data.aws_caller_identity.current.account_id";
            case Pseudo::Partition: return "data.aws_partition.current.partition";
            case Pseudo::UrlSuffix: return "data.aws_partition.current.dns_suffix";
            case Pseudo::AvailabilityZones: return "data.aws_availability_zones.available.names";
            case Pseudo::StackName: used_pseudos_.erase(x); return hcl_string(stack_name_);
          }
          return {};
        } else if constexpr (std::is_same_v<T, Join>) {
          std::string parts;
          for (const auto& p : x.parts) parts += (parts.empty() ? "" : ", ") + hcl(p);
          return "join(" + hcl_string(x.separator) + ", [" + parts + "])";
        } else if constexpr (std::is_same_v<T, JsonString>) {
          return "\"" + template_text(Value(x)) + "\"";
        } else if constexpr (std::is_same_v<T, ImportValue>) {
          if (auto it = stack_.imported_exports.find(x.export_name); it != stack_.imported_exports.end())
            return remote_output(it->second);
          // Rejected by validation for Terraform (see render/tf/tf_module.cpp); kept total here.
          return hcl_string(x.export_name);
        } else {
          return "element(" + hcl(*x.list) + ", " + std::to_string(x.index) + ")";
        }
      },
      e);
}

}  // namespace drdb::render::tf
