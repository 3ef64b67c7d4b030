#include <drdb/testing/template.hpp>

#include <drdb/core/error.hpp>
#include <nlohmann/json.hpp>

namespace drdb::testing {

namespace {

Value from_json(const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::null: return Value();
    case nlohmann::json::value_t::boolean: return Value(j.get<bool>());
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned: return Value(j.get<long long>());
    case nlohmann::json::value_t::number_float: return Value(j.get<double>());
    case nlohmann::json::value_t::string: return Value(j.get<std::string>());
    case nlohmann::json::value_t::array: {
      List out;
      for (const auto& item : j) out.push_back(from_json(item));
      return Value(std::move(out));
    }
    default: {
      Object out;
      for (auto it = j.begin(); it != j.end(); ++it) out.emplace(it.key(), from_json(it.value()));
      return Value(std::move(out));
    }
  }
}

const Value& member(const Value& v, std::string_view key) {
  static const Value null;
  if (!v.is_object()) return null;
  const auto it = v.as_object().find(key);
  return it == v.as_object().end() ? null : it->second;
}

}  // namespace

Template Template::make(const App& app, std::string_view stack, Format format) {
  Diagnostics warnings;
  const auto documents = synthesize(app, {.formats = {format}, .stacks = {std::string(stack)}}, &warnings);
  if (documents.size() != 1) throw Error(ErrorKind::Internal, "expected one document for stack " + std::string(stack));
  return Template(format == Format::Terraform ? Target::Terraform : Target::CloudFormation,
                  from_json(nlohmann::json::parse(documents.front().content)), std::move(warnings));
}

Template Template::cloudformation(const App& app, std::string_view stack) {
  return make(app, stack, Format::CloudFormationJson);
}

Template Template::terraform(const App& app, std::string_view stack) { return make(app, stack, Format::Terraform); }

void Template::collect(std::string_view type, std::vector<std::pair<std::string, const Value*>>& out) const {
  if (target_ == Target::Terraform) {
    const auto& of_type = member(member(document_, "resource"), type);
    if (!of_type.is_object()) return;
    for (const auto& [name, body] : of_type.as_object()) out.emplace_back(name, &body);
    return;
  }
  const auto& resources = member(document_, "Resources");
  if (!resources.is_object()) return;
  for (const auto& [name, resource] : resources.as_object()) {
    const auto& t = member(resource, "Type");
    if (t.is_string() && t.as_string() == type) out.emplace_back(name, &member(resource, "Properties"));
  }
}

std::vector<std::string> Template::resources_of(std::string_view type) const {
  std::vector<std::pair<std::string, const Value*>> found;
  collect(type, found);
  std::vector<std::string> names;
  for (const auto& [name, props] : found) names.push_back(name);
  return names;
}

const Value& Template::properties(std::string_view type, std::string_view name) const {
  std::vector<std::pair<std::string, const Value*>> found;
  collect(type, found);
  for (const auto& [n, props] : found)
    if (n == name) return *props;
  throw Error(ErrorKind::Usage, "no " + std::string(type) + " named " + std::string(name));
}

Match Template::has_resource(std::string_view type, const Value& pattern) const {
  std::vector<std::pair<std::string, const Value*>> found;
  collect(type, found);
  if (found.empty()) return Match::no("no resource of type " + std::string(type));
  std::string reasons;
  for (const auto& [name, props] : found) {
    const auto why = mismatch(*props, pattern);
    if (why.empty()) return Match::yes();
    reasons += "\n  " + name + ": " + why;
  }
  return Match::no("no " + std::string(type) + " matches:" + reasons);
}

Match Template::all_resources(std::string_view type, const Value& pattern) const {
  std::vector<std::pair<std::string, const Value*>> found;
  collect(type, found);
  if (found.empty()) return Match::no("no resource of type " + std::string(type));
  for (const auto& [name, props] : found)
    if (auto why = mismatch(*props, pattern); !why.empty()) return Match::no(name + ": " + why);
  return Match::yes();
}

Match Template::has_output(std::string_view name, const Value& pattern) const {
  const auto& outputs = member(document_, target_ == Target::Terraform ? "output" : "Outputs");
  const auto& output = member(outputs, name);
  if (output.is_null()) return Match::no("no output named " + std::string(name));
  const auto& value = member(output, target_ == Target::Terraform ? "value" : "Value");
  if (auto why = mismatch(value, pattern); !why.empty()) return Match::no(std::string(name) + ": " + why);
  return Match::yes();
}

}  // namespace drdb::testing
