// The synthesis pipeline: select stacks → validate constructs → logical ids → map per target →
// tags, overrides, schema checks → link the stacks (cross-stack references), references,
// dependencies → deploy order → (no errors) serialize.
#include "drdb/render/synth.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <set>

#include "drdb/core/error.hpp"
#include "drdb/core/logical_id.hpp"
#include "drdb/core/resource.hpp"
#include "drdb/core/stack.hpp"
#include "render/cfn/capabilities.hpp"
#include "render/cfn/cfn_mapper.hpp"
#include "render/cfn/cfn_template.hpp"
#include "render/cfn/cfn_values.hpp"
#include "render/common/cross_stack.hpp"
#include "render/common/finalize.hpp"
#include "render/common/stack_order.hpp"
#include "render/limits.hpp"
#include "render/tf/tf_mapper.hpp"
#include "render/tf/tf_module.hpp"
#include "render/tf/tf_values.hpp"

namespace drdb {

std::string_view format_name(Format f) {
  switch (f) {
    case Format::CloudFormationJson: return "cloudformation";
    case Format::CloudFormationYaml: return "cloudformation-yaml";
    case Format::Terraform: return "terraform";
  }
  return "";
}

namespace {

struct Mapped {
  const Stack* stack;
  render::RenderedStack cfn;
  render::RenderedStack tf;
};

struct MappedApp {
  std::vector<Mapped> stacks;  // every stack of the app, in creation order
  std::vector<const Stack*> selected;
  std::vector<StackDeployment> deployments;  // the selected stacks, in deploy order
  Diagnostics stack_cycles;
};

std::vector<const Stack*> select_stacks(const App& app, const SynthOptions& options) {
  const auto all = app.stacks();
  if (options.stacks.empty()) return all;
  std::vector<const Stack*> out;
  for (const auto& name : options.stacks) {
    const Stack* found = nullptr;
    for (const auto* s : all)
      if (s->name() == name) found = s;
    if (found == nullptr) {
      std::string names;
      for (const auto* s : all) names += (names.empty() ? "" : ", ") + s->name();
      throw Error(ErrorKind::Usage, "no stack named \"" + name + "\" — stacks of this app: " + (names.empty() ? "(none)" : names));
    }
    if (std::find(out.begin(), out.end(), found) == out.end()) out.push_back(found);  // named twice: once
  }
  return out;
}

bool wants(const SynthOptions& o, Target t) {
  for (auto f : o.formats)
    if ((f == Format::Terraform) == (t == Target::Terraform)) return true;
  return false;
}

void check_logical_ids(const Stack& stack, Diagnostics& out) {
  std::map<std::string, const Construct*> seen;
  walk(stack, [&](const Construct& c) {
    const bool named = dynamic_cast<const Resource*>(&c) != nullptr || dynamic_cast<const Parameter*>(&c) != nullptr ||
                       dynamic_cast<const Output*>(&c) != nullptr;
    if (!named) return;
    const auto id = logical_id(c);
    if (id.empty() || id.size() > 255 || !(std::isalpha(static_cast<unsigned char>(id.front())) != 0)) {
      out.error(c.path(), "logical id \"" + id + "\" is not valid",
                "ids must be 1-255 letters and digits starting with a letter: rename the construct or override_logical_id()");
      return;
    }
    for (char ch : id)
      if (std::isalnum(static_cast<unsigned char>(ch)) == 0) {
        out.error(c.path(), "logical id override \"" + id + "\" has a character other than a letter or digit",
                  "use only A-Z, a-z and 0-9");
        return;
      }
    auto [it, inserted] = seen.emplace(id, &c);
    if (!inserted)
      out.error(c.path(), "logical id \"" + id + "\" is also the id of " + it->second->path(),
                "rename one of the two constructs, or give one override_logical_id()");
  });
}

// Mapping, tags, overrides and schema constraints; references need every stack mapped (check_references).
void map_stack(const Stack& stack, Target target, render::RenderedStack& rendered, Diagnostics& out) {
  std::unique_ptr<render::Mapper> mapper;
  if (target == Target::CloudFormation)
    mapper = std::make_unique<render::cfn::CfnMapper>(rendered, out);
  else
    mapper = std::make_unique<render::tf::TfMapper>(rendered, out);
  walk(stack, [&](const Construct& c) {
    if (const auto* r = dynamic_cast<const Resource*>(&c)) r->accept(*mapper);
  });
  if (target == Target::CloudFormation && rendered.resources.empty())
    out.error(stack.path(), "the stack has no resources", "CloudFormation needs at least one resource: add one or remove the stack");
  const render::TargetTraits traits = target == Target::CloudFormation
                                          ? render::TargetTraits{target, "Tags"}
                                          : render::TargetTraits{target, "tags"};
  render::apply_tags(rendered, traits);
  render::apply_overrides(rendered, target, out);
  render::check_shapes(rendered, target, out);
}

// Links the stacks of the app for one target (cross-stack references become outputs and imports),
// then checks each stack's own references, dependencies and limits.
void check_references(std::vector<render::LinkedStack>& linked, std::vector<Mapped>& mapped, Target target,
                      const render::DeclaredExports& exports, render::StackEdges& edges) {
  for (std::size_t i = 0; i < mapped.size(); ++i)
    linked[i].rendered = target == Target::CloudFormation ? &mapped[i].cfn : &mapped[i].tf;
  render::link_stacks(linked, exports, target,
                      target == Target::CloudFormation ? render::cfn::reference_text : render::tf::reference_text, edges);
  for (const auto& s : linked) {
    render::resolve_dependencies(*s.stack, *s.rendered, target, *s.out);
    if (target == Target::CloudFormation) render::check_stack_limits(*s.stack, *s.rendered, *s.out);
    if (target == Target::Terraform) render::tf::check_expressible(*s.rendered, *s.out);
  }
}

std::vector<StackDeployment> deployments(const std::vector<const Stack*>& order, const std::vector<const Stack*>& selected,
                                         const render::StackEdges& edges) {
  std::vector<StackDeployment> out;
  for (const Stack* stack : order) {
    if (std::find(selected.begin(), selected.end(), stack) == selected.end()) continue;
    std::set<std::string> depends_on;
    for (const auto& [edge, reasons] : edges)
      if (edge.first == stack) depends_on.insert(edge.second->name());
    out.push_back({stack->name(), {depends_on.begin(), depends_on.end()}});
  }
  return out;
}

// Every stack is mapped and linked, the selected ones or not, so that a stack's outputs for other
// stacks and the deploy order do not depend on the selection; only the selected stacks' problems
// are reported (cycles between stacks excepted: the order is the app's).
MappedApp map_app(const App& app, const SynthOptions& options, Diagnostics& out, rules::Report* report) {
  MappedApp result;
  result.selected = select_stacks(app, options);
  const auto is_selected = [&](const Stack* s) {
    return std::find(result.selected.begin(), result.selected.end(), s) != result.selected.end();
  };
  walk(app, [&](const Construct& c) {
    const Stack* s = c.find_stack();
    if (s == nullptr || is_selected(s)) c.validate(out);
  });
  if (options.rules) {
    auto findings = rules::check(result.selected, *options.rules);
    findings.add_to(out);
    if (report != nullptr) *report = std::move(findings);
  }
  Diagnostics unreported;
  std::vector<render::LinkedStack> linked;
  for (const auto* stack : app.stacks()) {
    Diagnostics& diagnostics = is_selected(stack) ? out : unreported;
    check_logical_ids(*stack, diagnostics);
    Mapped m{stack, {}, {}};
    if (wants(options, Target::CloudFormation)) map_stack(*stack, Target::CloudFormation, m.cfn, diagnostics);
    if (wants(options, Target::Terraform)) map_stack(*stack, Target::Terraform, m.tf, diagnostics);
    result.stacks.push_back(std::move(m));
    linked.push_back({stack, nullptr, &diagnostics});
  }
  render::StackEdges edges;
  const auto exports = render::declared_exports(linked);
  render::link_stack_dependencies(linked, edges);
  for (auto target : {Target::CloudFormation, Target::Terraform})
    if (wants(options, target)) check_references(linked, result.stacks, target, exports, edges);
  const auto order = render::order_stacks(app.stacks(), edges, result.stack_cycles);
  out.append(result.stack_cycles);
  locate_diagnostics(app, out);
  locate_diagnostics(app, result.stack_cycles);
  result.deployments = deployments(order, result.selected, edges);
  return result;
}

}  // namespace

Diagnostics validate(const App& app, const SynthOptions& options, rules::Report* report) {
  Diagnostics out;
  map_app(app, options, out, report);
  return out;
}

Synthesis synthesize_app(const App& app, const SynthOptions& options, Diagnostics* warnings, rules::Report* report) {
  Diagnostics diagnostics;
  const auto mapped = map_app(app, options, diagnostics, report);
  if (diagnostics.has_errors()) throw ValidationError(std::move(diagnostics));

  Synthesis synthesis;
  auto& documents = synthesis.documents;
  std::map<std::string, std::string> capabilities;  // stack → what its CloudFormation template needs
  for (const Stack* stack : mapped.selected) {
    const auto& m = *std::find_if(mapped.stacks.begin(), mapped.stacks.end(), [&](const Mapped& x) { return x.stack == stack; });
    const auto& name = stack->name();
    nlohmann::json cfn_template;
    if (wants(options, Target::CloudFormation)) {
      cfn_template = render::cfn::template_json(*stack, m.cfn);
      if (auto capability = render::cfn::required_capability(cfn_template)) capabilities[name] = std::move(*capability);
    }
    for (auto format : all_formats) {  // canonical order, each once
      if (std::find(options.formats.begin(), options.formats.end(), format) == options.formats.end()) continue;
      switch (format) {
        case Format::CloudFormationJson:
          documents.push_back({"cloudformation/" + name + ".template.json", render::cfn::json_text(cfn_template), name, format});
          render::check_template_size(*stack, documents.back().path, documents.back().content.size(), diagnostics);
          break;
        case Format::CloudFormationYaml:
          documents.push_back({"cloudformation/" + name + ".template.yaml", render::cfn::yaml_text(cfn_template), name, format});
          render::check_template_size(*stack, documents.back().path, documents.back().content.size(), diagnostics);
          break;
        case Format::Terraform:
          documents.push_back({"terraform/" + name + "/main.tf.json",
                               render::tf::json_text(render::tf::module_json(*stack, m.tf)), name, format});
          break;
      }
    }
  }
  // Limits only known once rendered (template size) are checked here, still before any write.
  if (diagnostics.has_errors()) throw ValidationError(std::move(diagnostics));
  if (warnings != nullptr) warnings->append(diagnostics);
  synthesis.stacks = mapped.deployments;
  for (auto& deployment : synthesis.stacks)
    if (const auto it = capabilities.find(deployment.stack); it != capabilities.end()) deployment.capabilities = {it->second};
  return synthesis;
}

std::vector<Document> synthesize(const App& app, const SynthOptions& options, Diagnostics* warnings,
                                 rules::Report* report) {
  return synthesize_app(app, options, warnings, report).documents;
}

std::vector<StackDeployment> deploy_order(const App& app, const SynthOptions& options) {
  Diagnostics ignored;  // everything but cycles between stacks is validate's and synthesize's
  auto mapped = map_app(app, options, ignored, nullptr);
  if (mapped.stack_cycles.has_errors()) throw ValidationError(std::move(mapped.stack_cycles));
  return mapped.deployments;
}

}  // namespace drdb
