#include "render/cfn/cfn_template.hpp"

#include "drdb/core/logical_id.hpp"
#include "render/cfn/cfn_values.hpp"

namespace drdb::render::cfn {

using nlohmann::json;

namespace {

std::string_view parameter_type(ParameterType t) {
  switch (t) {
    case ParameterType::String: return "String";
    case ParameterType::Number: return "Number";
    case ParameterType::CommaDelimitedList: return "CommaDelimitedList";
    case ParameterType::NumberList: return "List<Number>";
  }
  return "String";
}

json parameter_json(const Parameter& p, const CfnValues& values) {
  const auto& props = p.props();
  json out = {{"Type", parameter_type(props.type)}};
  if (!props.description.empty()) out["Description"] = props.description;
  if (props.default_value) {
    // CloudFormation reads list defaults as one comma-separated string.
    const auto& d = *props.default_value;
    if (d.is_list()) {
      std::string joined;
      for (const auto& item : d.as_list()) {
        const json j = values(item);
        joined += (joined.empty() ? "" : ",") + (j.is_string() ? j.get<std::string>() : j.dump());
      }
      out["Default"] = joined;
    } else {
      out["Default"] = values(d);
    }
  }
  if (!props.allowed_values.empty()) out["AllowedValues"] = props.allowed_values;
  if (!props.allowed_pattern.empty()) out["AllowedPattern"] = props.allowed_pattern;
  if (props.min_value) out["MinValue"] = *props.min_value;
  if (props.max_value) out["MaxValue"] = *props.max_value;
  if (props.min_length) out["MinLength"] = *props.min_length;
  if (props.max_length) out["MaxLength"] = *props.max_length;
  if (props.no_echo) out["NoEcho"] = true;
  return out;
}

}  // namespace

json template_json(const Stack& stack, const RenderedStack& rendered) {
  const CfnValues values(rendered);
  json tmpl = {{"AWSTemplateFormatVersion", "2010-09-09"}};
  if (!stack.props().description.empty()) tmpl["Description"] = stack.props().description;

  json parameters = json::object();
  json outputs = json::object();
  walk(stack, [&](const Construct& c) {
    if (const auto* p = dynamic_cast<const Parameter*>(&c)) parameters[logical_id(*p)] = parameter_json(*p, values);
    if (const auto* o = dynamic_cast<const Output*>(&c)) {
      json out = {{"Value", values(o->props().value)}};
      if (!o->props().description.empty()) out["Description"] = o->props().description;
      if (!o->props().export_name.empty()) out["Export"] = {{"Name", o->props().export_name}};
      outputs[logical_id(*o)] = std::move(out);
    }
  });
  for (const auto& [name, exported] : rendered.exports)
    outputs[name] = {{"Value", values(exported.value)}, {"Export", {{"Name", exported.export_name}}}};
  if (!parameters.empty()) tmpl["Parameters"] = std::move(parameters);

  json resources = json::object();
  for (const auto& r : rendered.resources) {
    json entry = {{"Type", r.type}};
    if (!r.properties.as_object().empty()) entry["Properties"] = values(r.properties);
    if (!r.depends_on_names.empty()) entry["DependsOn"] = r.depends_on_names;
    if (r.owner->removal_policy() == RemovalPolicy::Retain) {
      entry["DeletionPolicy"] = "Retain";
      entry["UpdateReplacePolicy"] = "Retain";
    }
    resources[r.name] = std::move(entry);
  }
  tmpl["Resources"] = std::move(resources);
  if (!outputs.empty()) tmpl["Outputs"] = std::move(outputs);
  return tmpl;
}

std::string json_text(const nlohmann::json& tmpl) { return tmpl.dump(2) + "\n"; }

}  // namespace drdb::render::cfn
