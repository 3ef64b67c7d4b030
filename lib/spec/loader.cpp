// Spec files into construct trees: stacks, their resources (created in file order, then their
// actions), tags and outputs.
#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "drdb/core/error.hpp"
#include "drdb/core/stack.hpp"
#include "drdb/spec/spec.hpp"
#include "spec/kind.hpp"
#include "spec/spec_format.hpp"

namespace drdb::spec {

const std::vector<Kind>& kinds() {
  static const std::vector<Kind> all = [] {
    std::vector<Kind> out;
    for (auto* service : {&dynamodb_kinds, &ec2_kinds, &ecr_kinds, &iam_kinds, &kms_kinds, &logs_kinds, &s3_kinds,
                          &secretsmanager_kinds, &sqs_kinds, &apigateway_kinds, &events_kinds, &lambda_kinds,
                          &emr_kinds, &stepfunctions_kinds})
      for (auto& k : service()) out.push_back(std::move(k));
    std::sort(out.begin(), out.end(), [](const Kind& a, const Kind& b) { return a.name < b.name; });
    return out;
  }();
  return all;
}

const Kind* find_kind(std::string_view name) {
  for (const auto& k : kinds())
    if (k.name == name) return &k;
  return nullptr;
}

namespace {

std::vector<std::string_view> kind_names() {
  std::vector<std::string_view> names;
  for (const auto& k : kinds()) names.push_back(k.name);
  return names;
}

// Reports anything but an error-free creation at `at`.
template <class F>
auto attempt(Context& c, const YAML::Node& at, F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const Error& e) {
    c.error(at, e.what(), "fix the spec at this place");
    return {};
  }
}

// The kind of each resource of a stack, before any is created (so references can say "declared
// below" rather than "unknown").
std::vector<std::pair<std::string, const Kind*>> declare(const YAML::Node& resources, Context& c) {
  std::vector<std::pair<std::string, const Kind*>> out;
  for (const auto& entry : resources) {
    if (!detail::scalar(entry.first, c, "a resource id")) continue;
    const std::string id = entry.first.Scalar();
    if (c.declared().count(id) != 0) {
      c.error(entry.first, "resource \"" + id + "\" is declared twice in this stack", "give each resource its own id");
      continue;
    }
    const YAML::Node& node = entry.second;
    if (!node.IsMap() || !node["type"]) {
      c.error(node, "resource \"" + id + "\" has no type", "add type: <kind>, e.g. type: s3.Bucket");
      continue;
    }
    if (!detail::scalar(node["type"], c, "a kind name")) continue;
    const Kind* kind = find_kind(node["type"].Scalar());
    if (kind == nullptr) {
      const auto names = kind_names();
      c.unknown(node["type"], "resource kind", names);
      continue;
    }
    c.declared()[id] = std::string(kind->name);
    out.emplace_back(id, kind);
  }
  return out;
}

// Parameters come first: resources and outputs refer to them as {param: <name>}.
void load_parameters(const YAML::Node& parameters, Stack& stack, Context& c) {
  if (!parameters) return;
  if (!parameters.IsMap()) {
    c.error(parameters, "parameters must be a mapping of name to parameter", "write Name: {description: ...}");
    return;
  }
  for (const auto& entry : parameters) {  // one by one: a mistake in one leaves the others usable
    ParameterSpec spec;
    if (!detail::scalar(entry.first, c, "a parameter name") || !Codec<ParameterSpec>::read(entry.second, spec, c)) continue;
    const auto& name = entry.first.Scalar();
    if (const auto* made = attempt(c, entry.first, [&]() -> const Parameter* { return &stack.add<Parameter>(name, spec.props()); }))
      c.parameters()[name] = made;
  }
}

void load_stack(const std::string& name, const YAML::Node& node, App& app, Context& c) {
  StackSpec spec;
  if (!read_fields(node, spec, Fields<StackSpec>::get(), c, "stack", stack_sections)) return;
  Stack* stack = attempt(c, node, [&]() -> Stack* {
    return &app.add<Stack>(name, {.description = spec.description, .region = spec.region});
  });
  if (stack == nullptr) return;
  for (const auto& [key, value] : spec.tags) stack->tag(key, value);
  for (const auto& s : spec.suppress) stack->suppress(s.rule, s.reason);

  c.resources().clear();
  c.declared().clear();
  c.parameters().clear();
  load_parameters(node["parameters"], *stack, c);
  const YAML::Node resources = node["resources"];
  if (resources && !resources.IsMap()) c.error(resources, "resources must be a mapping of id to resource", "write Id: {type: ...}");
  const auto declared = resources && resources.IsMap() ? declare(resources, c) : std::vector<std::pair<std::string, const Kind*>>{};
  for (const auto& [id, kind] : declared) {
    Construct* made = attempt(c, resources[id], [&]() -> Construct* { return kind->create(*stack, id, resources[id], c); });
    if (made == nullptr) continue;
    c.resources()[id] = made;
    apply_suppressions(*made, resources[id], c);
  }
  for (const auto& [id, kind] : declared)
    if (auto it = c.resources().find(id); it != c.resources().end())
      attempt(c, resources[id], [&]() -> bool {
        kind->act(*it->second, resources[id], c);
        return true;
      });

  const YAML::Node outputs = node["outputs"];
  if (!outputs) return;
  std::map<std::string, OutputSpec> specs;
  if (!Codec<std::map<std::string, OutputSpec>>::read(outputs, specs, c)) return;
  for (const auto& entry : outputs) {
    const auto& o = specs[entry.first.Scalar()];
    attempt(c, entry.first, [&]() -> bool {
      stack->add<Output>(entry.first.Scalar(), {.value = o.value.value(), .description = o.description, .export_name = o.export_name});
      return true;
    });
  }
}

}  // namespace

void load(std::string_view text, std::string_view file, App& app) {
  Diagnostics out;
  Context c(std::string(file), out);
  YAML::Node doc;
  try {
    doc = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    out.error(std::string(file) + ":" + std::to_string(e.mark.line + 1) + ":" + std::to_string(e.mark.column + 1),
              "not valid YAML: " + e.msg, "fix the syntax at this place");
    throw ValidationError(std::move(out));
  }
  AppSpec spec;
  if (read_fields(doc, spec, Fields<AppSpec>::get(), c, "app spec", app_sections) && doc["stacks"]) {
    if (!doc["stacks"].IsMap()) c.error(doc["stacks"], "stacks must be a mapping of stack name to stack", "write Name: {resources: ...}");
    else
      for (const auto& entry : doc["stacks"])
        if (detail::scalar(entry.first, c, "a stack name")) load_stack(entry.first.Scalar(), entry.second, app, c);
  }
  if (out.has_errors()) throw ValidationError(std::move(out));
}

void load_file(const std::filesystem::path& file, App& app) {
  std::ifstream in(file, std::ios::binary);
  if (!in.is_open()) throw Error(ErrorKind::Io, file.generic_string() + ": cannot be read — check the path");
  std::ostringstream text;
  text << in.rdbuf();
  load(text.str(), file.generic_string(), app);
}

}  // namespace drdb::spec
