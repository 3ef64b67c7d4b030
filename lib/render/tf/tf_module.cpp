#include "render/tf/tf_module.hpp"

#include "drdb/aws/emr/key_pair.hpp"
#include "drdb/core/logical_id.hpp"
#include "render/common/walk_value.hpp"
#include "render/tf/tf_values.hpp"

namespace drdb::render::tf {

using nlohmann::json;

namespace {

std::string_view variable_type(ParameterType t) {
  switch (t) {
    case ParameterType::String: return "string";
    case ParameterType::Number: return "number";
    case ParameterType::CommaDelimitedList: return "list(string)";
    case ParameterType::NumberList: return "list(number)";
  }
  return "string";
}

std::string number_text(double d) { return json(d).dump(); }

// CloudFormation's parameter constraints as Terraform variable validation blocks.
json validations(const std::string& var, const Parameter::Props& p) {
  json out = json::array();
  auto add = [&](std::string condition, std::string message) {
    out.push_back({{"condition", "${" + condition + "}"}, {"error_message", std::move(message)}});
  };
  if (!p.allowed_values.empty()) {
    std::string list;
    for (const auto& v : p.allowed_values) list += (list.empty() ? "" : ", ") + json(v).dump();
    add("contains([" + escape_template_literal(list) + "], " + var + ")", "The value must be one of the allowed values.");
  }
  if (!p.allowed_pattern.empty())
    add("can(regex(" + escape_template_literal(json("^(?:" + p.allowed_pattern + ")$").dump()) + ", " + var + "))",
        "The value must match the allowed pattern.");
  if (p.min_value) add(var + " >= " + number_text(*p.min_value), "The value is below the minimum.");
  if (p.max_value) add(var + " <= " + number_text(*p.max_value), "The value is above the maximum.");
  if (p.min_length) add("length(" + var + ") >= " + std::to_string(*p.min_length), "The value is too short.");
  if (p.max_length) add("length(" + var + ") <= " + std::to_string(*p.max_length), "The value is too long.");
  return out;
}

json variable_json(const Parameter& p, TfValues& values) {
  const auto& props = p.props();
  json out = {{"type", variable_type(props.type)}};
  if (!props.description.empty()) out["description"] = props.description;
  if (props.default_value) out["default"] = values(*props.default_value);
  if (props.no_echo) out["sensitive"] = true;
  auto checks = validations("var." + logical_id(p), props);
  if (!checks.empty()) out["validation"] = std::move(checks);
  return out;
}

// The variable giving Terraform the public key of a key pair CloudFormation would generate (the
// provider cannot generate one without keeping its private key in the state); empty for any other
// construct.
std::string public_key_variable(const Construct& c) {
  const auto* key = dynamic_cast<const aws::emr::KeyPair*>(&c);
  return key != nullptr && key->props().public_key.empty() ? logical_id(*key) + "PublicKey" : std::string();
}

json public_key_variable_json(const aws::emr::KeyPair& key) {
  const auto var = "var." + public_key_variable(key);
  return {{"type", "string"},
          {"description", "OpenSSH public key of " + key.path() + " (ssh-keygen -t ed25519); its private key stays with you"},
          {"validation", json::array({{{"condition", "${can(regex(\"^(ssh-ed25519|ssh-rsa) \", " + var + "))}"},
                                       {"error_message", "The value must be an OpenSSH ed25519 or RSA public key."}}})}};
}

// Data sources for the pseudo parameters used, and for the states of the stacks read: each stack
// is a root module with its state in terraform/<Stack>/terraform.tfstate (the local backend's
// default), so a module reads another stack's outputs from ../<Stack>/terraform.tfstate.
void add_data_sources(json& module, const TfValues& values) {
  json data = json::object();
  for (const auto& stack : values.read_stacks())
    data["terraform_remote_state"][stack] = {{"backend", "local"},
                                             {"config", {{"path", "../" + stack + "/terraform.tfstate"}}}};
  for (auto p : values.used_pseudos()) {
    switch (p) {
      case Pseudo::Region: data["aws_region"]["current"] = json::object(); break;
      case Pseudo::AccountId: data["aws_caller_identity"]["current"] = json::object(); break;
      case Pseudo::Partition:
      case Pseudo::UrlSuffix: data["aws_partition"]["current"] = json::object(); break;
      case Pseudo::AvailabilityZones: data["aws_availability_zones"]["available"] = {{"state", "available"}}; break;
      case Pseudo::StackName: break;
    }
  }
  if (!data.empty()) module["data"] = std::move(data);
}

}  // namespace

json module_json(const Stack& stack, const RenderedStack& rendered) {
  TfValues values(rendered, stack.name());
  json module = {
      {"terraform",
       {{"required_version", ">= 1.5.0"},
        {"required_providers", {{"aws", {{"source", "hashicorp/aws"}, {"version", aws_provider_constraint}}}}}}},
      {"provider", {{"aws", {{"region", "${var.region}"}}}}},
  };
  json region = {{"type", "string"}, {"description", "AWS region to deploy the stack into"}};
  if (!stack.props().region.empty()) region["default"] = stack.props().region;
  module["variable"]["region"] = std::move(region);

  json outputs = json::object();
  walk(stack, [&](const Construct& c) {
    if (const auto* p = dynamic_cast<const Parameter*>(&c); p != nullptr && !p->props().cloudformation_only)
      module["variable"][logical_id(*p)] = variable_json(*p, values);
    if (const auto var = public_key_variable(c); !var.empty())
      module["variable"][var] = public_key_variable_json(dynamic_cast<const aws::emr::KeyPair&>(c));
    if (const auto* o = dynamic_cast<const Output*>(&c)) {
      json out = {{"value", values(o->props().value)}};
      if (!o->props().description.empty()) out["description"] = o->props().description;
      outputs[logical_id(*o)] = std::move(out);
    }
  });
  for (const auto& [name, exported] : rendered.exports) outputs[name] = {{"value", values(exported.value)}};

  json resources = json::object();
  for (const auto& r : rendered.resources) {
    json body = values(r.properties);
    if (const auto var = public_key_variable(*r.owner); !var.empty()) body["public_key"] = "${var." + var + "}";
    if (!r.depends_on_names.empty()) body["depends_on"] = r.depends_on_names;
    if (r.owner->removal_policy() == RemovalPolicy::Retain && r.primary)
      body["lifecycle"] = {{"prevent_destroy", true}};
    resources[r.type][r.name] = std::move(body);
  }
  if (!resources.empty()) module["resource"] = std::move(resources);
  if (!outputs.empty()) module["output"] = std::move(outputs);
  add_data_sources(module, values);
  return module;
}

std::string json_text(const json& module) { return module.dump(2) + "\n"; }

void check_expressible(const RenderedStack& rendered, Diagnostics& out) {
  for (const auto& r : rendered.resources) {
    for_each_expression(r.properties, [&](const Expression& e) {
      if (const auto* import = std::get_if<ImportValue>(&e);
          import != nullptr && rendered.imported_exports.count(import->export_name) == 0)
        out.error(r.owner->path(),
                  "import_value(\"" + import->export_name +
                      "\") names no export of another stack of this app; Terraform has no exports",
                  "refer to the other stack's construct directly, pass the value as a Parameter, or synthesize only "
                  "CloudFormation for this stack");
      if (const auto* param = std::get_if<ParamRef>(&e);
          param != nullptr && param->parameter != nullptr && param->parameter->props().cloudformation_only)
        out.error(r.owner->path(), "refers to parameter " + param->parameter->path() + ", which only CloudFormation has",
                  "use a Parameter without cloudformation_only, or synthesize only CloudFormation for this stack");
    });
  }
}

}  // namespace drdb::render::tf
