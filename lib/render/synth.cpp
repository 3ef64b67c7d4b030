// The synthesis pipeline: select stacks → validate constructs → logical ids → map per target →
// tags, overrides, schema checks, references, dependencies → (no errors) serialize.
#include "drdb/render/synth.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>

#include "drdb/core/error.hpp"
#include "drdb/core/logical_id.hpp"
#include "drdb/core/resource.hpp"
#include "drdb/core/stack.hpp"
#include "render/cfn/cfn_mapper.hpp"
#include "render/cfn/cfn_template.hpp"
#include "render/common/finalize.hpp"
#include "render/limits.hpp"
#include "render/tf/tf_mapper.hpp"
#include "render/tf/tf_module.hpp"

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

void map_stack(const Stack& stack, Target target, render::RenderedStack& rendered, Diagnostics& out) {
  std::unique_ptr<render::Mapper> mapper;
  if (target == Target::CloudFormation)
    mapper = std::make_unique<render::cfn::CfnMapper>(rendered, out);
  else
    mapper = std::make_unique<render::tf::TfMapper>(rendered, out);
  walk(stack, [&](const Construct& c) {
    if (const auto* r = dynamic_cast<const Resource*>(&c)) r->accept(*mapper);
  });
  if (target == Target::CloudFormation) render::check_stack_limits(stack, rendered, out);
  if (target == Target::CloudFormation && rendered.resources.empty())
    out.error(stack.path(), "the stack has no resources", "CloudFormation needs at least one resource: add one or remove the stack");
  const render::TargetTraits traits = target == Target::CloudFormation
                                          ? render::TargetTraits{target, "Tags"}
                                          : render::TargetTraits{target, "tags"};
  render::apply_tags(rendered, traits);
  render::apply_overrides(rendered, target, out);
  render::check_shapes(rendered, target, out);
  render::resolve_dependencies(stack, rendered, target, out);
  if (target == Target::Terraform) render::tf::check_expressible(rendered, out);
}

std::vector<Mapped> map_app(const App& app, const SynthOptions& options, Diagnostics& out, rules::Report* report) {
  const auto stacks = select_stacks(app, options);
  walk(app, [&](const Construct& c) {
    const Stack* s = c.find_stack();
    if (s == nullptr || std::find(stacks.begin(), stacks.end(), s) != stacks.end()) c.validate(out);
  });
  if (options.rules) {
    auto findings = rules::check(stacks, *options.rules);
    findings.add_to(out);
    if (report != nullptr) *report = std::move(findings);
  }
  std::vector<Mapped> mapped;
  for (const auto* stack : stacks) {
    check_logical_ids(*stack, out);
    Mapped m{stack, {}, {}};
    if (wants(options, Target::CloudFormation)) map_stack(*stack, Target::CloudFormation, m.cfn, out);
    if (wants(options, Target::Terraform)) map_stack(*stack, Target::Terraform, m.tf, out);
    mapped.push_back(std::move(m));
  }
  return mapped;
}

}  // namespace

Diagnostics validate(const App& app, const SynthOptions& options, rules::Report* report) {
  Diagnostics out;
  map_app(app, options, out, report);
  return out;
}

std::vector<Document> synthesize(const App& app, const SynthOptions& options, Diagnostics* warnings,
                                 rules::Report* report) {
  Diagnostics diagnostics;
  const auto mapped = map_app(app, options, diagnostics, report);
  if (diagnostics.has_errors()) throw ValidationError(std::move(diagnostics));

  std::vector<Document> documents;
  for (const auto& m : mapped) {
    const auto& name = m.stack->name();
    nlohmann::json cfn_template;
    if (wants(options, Target::CloudFormation)) cfn_template = render::cfn::template_json(*m.stack, m.cfn);
    for (auto format : all_formats) {  // canonical order, each once
      if (std::find(options.formats.begin(), options.formats.end(), format) == options.formats.end()) continue;
      switch (format) {
        case Format::CloudFormationJson:
          documents.push_back({"cloudformation/" + name + ".template.json", render::cfn::json_text(cfn_template), name, format});
          render::check_template_size(*m.stack, documents.back().path, documents.back().content.size(), diagnostics);
          break;
        case Format::CloudFormationYaml:
          documents.push_back({"cloudformation/" + name + ".template.yaml", render::cfn::yaml_text(cfn_template), name, format});
          render::check_template_size(*m.stack, documents.back().path, documents.back().content.size(), diagnostics);
          break;
        case Format::Terraform:
          documents.push_back({"terraform/" + name + "/main.tf.json",
                               render::tf::json_text(render::tf::module_json(*m.stack, m.tf)), name, format});
          break;
      }
    }
  }
  // Limits only known once rendered (template size) are checked here, still before any write.
  if (diagnostics.has_errors()) throw ValidationError(std::move(diagnostics));
  if (warnings != nullptr) warnings->append(diagnostics);
  return documents;
}

}  // namespace drdb
