#include "render/common/finalize.hpp"

#include <algorithm>
#include <charconv>
#include <set>

#include "aws/stepfunctions/state_input.hpp"
#include "drdb/core/app.hpp"
#include "drdb/l1/shape.hpp"
#include "render/common/cycles.hpp"
#include "render/common/walk_value.hpp"

namespace drdb::render {

namespace {

// How the resource's schema spells tags: a list of {Key, Value} or a map; nullopt if untaggable.
std::optional<bool> tags_as_list(const RenderedResource& r, std::string_view property) {
  if (r.shape == nullptr) return std::nullopt;
  for (const auto& p : r.shape->properties) {
    if (p.name != property || p.shape == nullptr || p.read_only) continue;
    if (p.shape->kind == l1::Kind::Array) return true;
    if (p.shape->kind == l1::Kind::Map || p.shape->kind == l1::Kind::Object) return false;
  }
  return std::nullopt;
}

}  // namespace

void apply_tags(RenderedStack& stack, const TargetTraits& traits) {
  for (auto& r : stack.resources) {
    if (!r.taggable) continue;
    const auto as_list = tags_as_list(r, traits.tags_property);
    if (!as_list) continue;
    auto tags = effective_tags(*r.owner);
    if (tags.empty()) continue;
    auto& props = r.properties.as_object();
    // Tags the resource sets itself (raw resources, L1 structs) win over the scopes' tags.
    if (auto own = props.find(traits.tags_property); own != props.end()) {
      if (own->second.is_list()) {
        for (const auto& item : own->second.as_list())
          if (item.is_object() && item.as_object().count("Key") && item.as_object().at("Key").is_string() &&
              item.as_object().count("Value") && item.as_object().at("Value").is_string())
            tags[item.as_object().at("Key").as_string()] = item.as_object().at("Value").as_string();
      } else if (own->second.is_object()) {
        for (const auto& [k, v] : own->second.as_object())
          if (v.is_string()) tags[k] = v.as_string();
      }
    }
    if (*as_list) {
      List list;
      for (const auto& [k, v] : tags) list.push_back(Value::object({{"Key", k}, {"Value", v}}));
      props[std::string(traits.tags_property)] = Value(std::move(list));
    } else {
      Object map;
      for (const auto& [k, v] : tags) map.emplace(k, v);
      props[std::string(traits.tags_property)] = Value(std::move(map));
    }
  }
}

namespace {

std::vector<std::string> split_dotted(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const auto dot = path.find('.', start);
    parts.push_back(path.substr(start, dot - start));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return parts;
}

std::optional<std::size_t> as_index(const std::string& s) {
  std::size_t i = 0;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), i);
  if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
  return i;
}

// Sets (or, for a null value, deletes) `value` at `parts` below `root`; returns an error or "".
std::string set_at(Value& root, const std::vector<std::string>& parts, const Value& value) {
  Value* node = &root;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const bool last = i + 1 == parts.size();
    const auto& part = parts[i];
    if (part.empty()) return "empty path component";
    if (node->is_list()) {
      const auto index = as_index(part);
      auto& list = node->as_list();
      if (!index || *index >= list.size())
        return "\"" + part + "\" is not an index of the list (size " + std::to_string(list.size()) + ")";
      if (last) {
        if (value.is_null())
          list.erase(list.begin() + static_cast<std::ptrdiff_t>(*index));
        else
          list[*index] = value;
        return {};
      }
      node = &list[*index];
      continue;
    }
    if (node->is_null()) *node = Value(Object{});
    if (!node->is_object()) return "\"" + part + "\" is below a " + std::string(node->kind_name()) + ", not an object";
    auto& object = node->as_object();
    if (last) {
      if (value.is_null())
        object.erase(part);
      else
        object[part] = value;
      return {};
    }
    node = &object[part];
  }
  return {};
}

}  // namespace

void apply_overrides(RenderedStack& stack, Target target, Diagnostics& out) {
  std::map<const Construct*, std::vector<RenderedResource*>> by_owner;
  for (auto& r : stack.resources) by_owner[r.owner].push_back(&r);
  for (auto& [owner, resources] : by_owner) {
    const auto* resource = dynamic_cast<const Resource*>(owner);
    for (const auto& o : resource->overrides()) {
      if (o.target != target) continue;
      auto it = std::find_if(resources.begin(), resources.end(), [&](const RenderedResource* r) {
        return o.resource_type.empty() ? r->primary : r->type == o.resource_type;
      });
      if (it == resources.end()) {
        std::string types;
        for (const auto* r : resources) types += (types.empty() ? "" : ", ") + r->type;
        out.error(owner->path(), "override of \"" + o.path + "\" names resource type \"" + o.resource_type +
                                     "\", which this construct does not render",
                  "use one of: " + types);
        continue;
      }
      auto error = set_at((*it)->properties, split_dotted(o.path), o.value);
      if (!error.empty())
        out.error(owner->path(), "cannot apply override \"" + o.path + "\": " + error, "check the path against the rendered output");
    }
  }
}

void check_shapes(const RenderedStack& stack, Target target, Diagnostics& out) {
  for (const auto& r : stack.resources) {
    if (r.shape == nullptr) continue;
    // "Properties.BucketName" / "aws_s3_bucket.bucket": where the user would look in the output.
    const std::string where = target == Target::CloudFormation ? std::string("Properties") : r.type;
    l1::check(r.properties, *r.shape, r.owner->path(), where, out);
  }
}

std::vector<const Construct*> referenced_constructs(const Value& v) {
  std::vector<const Construct*> out;
  for_each_expression(v, [&](const Expression& e) {
    if (const auto* ref = std::get_if<AttrRef>(&e)) out.push_back(ref->target);
  });
  return out;
}

namespace {

std::string describe(const RenderedResource& r) { return r.owner->path() + (r.primary ? "" : " (" + r.type + ")"); }

// Index of the rendered resource an attribute reference of this stack resolves to, or a diagnostic.
// References to other stacks of the app are link_stacks' (render/common/cross_stack.hpp).
struct ReferenceResolver {
  const Stack& stack;
  const RenderedStack& rendered;
  Target target;
  std::map<std::pair<std::string, std::string>, std::size_t> by_type_and_name;
  std::map<const Construct*, std::vector<std::size_t>> by_owner;

  ReferenceResolver(const Stack& s, const RenderedStack& r, Target t) : stack(s), rendered(r), target(t) {
    for (std::size_t i = 0; i < r.resources.size(); ++i) {
      by_type_and_name[{r.resources[i].type, r.resources[i].name}] = i;
      by_owner[r.resources[i].owner].push_back(i);
    }
  }

  std::optional<std::size_t> resolve(const std::string& where, const AttrRef& ref, Diagnostics& out) const {
    const Construct* t = ref.target;
    if (t == nullptr) {
      out.error(where, "reference to nothing (null target)", "reference an existing construct");
      return std::nullopt;
    }
    if (aws::stepfunctions::detail::is_state_input(t)) {
      out.error(where, "reads a workflow run's input (" + ref.attribute + "), which only a state machine's task knows",
                "use the run's input (run_input, input_string) in a workflow's step arguments only");
      return std::nullopt;
    }
    if (&t->app() != &stack.app()) {
      out.error(where, "dangling reference to " + t->path() + ", which belongs to another app",
                "reference constructs of the same app");
      return std::nullopt;
    }
    if (t->find_stack() != &stack) return std::nullopt;
    const auto binding = resolve_binding(rendered, ref, target, where, out);
    if (!binding) return std::nullopt;
    return by_type_and_name.at({binding->resource_type, binding->resource_name});
  }
};

void report_cycle(const std::vector<std::size_t>& cycle, const RenderedStack& rendered, Diagnostics& out) {
  std::string text;
  for (auto i : cycle) text += (text.empty() ? "" : " → ") + describe(rendered.resources[i]);
  out.error(rendered.resources[cycle.front()].owner->path(), "dependency cycle: " + text,
            "remove one of these references or dependencies (add_dependency), or split a resource out");
}

}  // namespace

std::optional<AttributeBinding> resolve_binding(const RenderedStack& rendered, const AttrRef& ref, Target target,
                                                const std::string& where, Diagnostics& out) {
  const Construct* t = ref.target;
  if (auto pass = rendered.passthrough_attributes.find(t); pass != rendered.passthrough_attributes.end())
    return pass->second;
  auto bindings = rendered.attributes.find(t);
  if (bindings == rendered.attributes.end()) {
    out.error(where, "dangling reference: " + t->path() + " renders no resource to reference in " +
                         (target == Target::CloudFormation ? "CloudFormation" : "Terraform"),
              "reference a resource construct (not a group of constructs)");
    return std::nullopt;
  }
  auto binding = bindings->second.find(ref.attribute);
  if (binding == bindings->second.end()) {
    std::string known;
    for (const auto& [name, b] : bindings->second) known += (known.empty() ? "" : ", ") + name;
    out.error(where, "reference to unknown attribute \"" + ref.attribute + "\" of " + t->path(), "known attributes: " + known);
    return std::nullopt;
  }
  return binding->second;
}

std::vector<const Construct*> explicit_dependencies(const RenderedResource& r) {
  std::vector<const Construct*> deps(r.waits_for.begin(), r.waits_for.end());
  for (const Construct* node = r.owner; node != nullptr && dynamic_cast<const Stack*>(node) == nullptr;
       node = node->scope())
    deps.insert(deps.end(), node->dependencies().begin(), node->dependencies().end());
  return deps;
}

void resolve_dependencies(const Stack& stack, RenderedStack& rendered, Target target, Diagnostics& out) {
  ReferenceResolver resolver(stack, rendered, target);
  const auto n = rendered.resources.size();
  std::vector<std::set<std::size_t>> implied(n), edges(n);

  // The resource index each expression refers to in this stack, if any.
  auto check = [&](const std::string& where, const Expression& e) -> std::optional<std::size_t> {
    if (const auto* ref = std::get_if<AttrRef>(&e)) return resolver.resolve(where, *ref, out);
    if (const auto* param = std::get_if<ParamRef>(&e);
        param != nullptr && (param->parameter == nullptr || param->parameter->find_stack() != &stack))
      out.error(where, "references a parameter of another stack",
                "declare the parameter in this stack too: each stack takes its own parameters at deploy time");
    return std::nullopt;
  };
  for (std::size_t i = 0; i < n; ++i) {
    const auto& r = rendered.resources[i];
    for_each_expression(r.properties, [&](const Expression& e) {
      if (auto to = check(r.owner->path(), e)) implied[i].insert(*to);
    });
    edges[i] = implied[i];
  }
  walk(stack, [&](const Construct& c) {
    if (const auto* o = dynamic_cast<const Output*>(&c))
      for_each_expression(o->props().value, [&](const Expression& e) { check(o->path(), e); });
  });

  for (std::size_t i = 0; i < n; ++i) {
    auto& r = rendered.resources[i];
    std::set<std::size_t> explicit_deps;
    for (const Construct* dep : explicit_dependencies(r)) {
      if (&dep->app() != &stack.app()) {
        out.error(r.owner->path(), "depends on " + dep->path() + ", which belongs to another app",
                  "depend on constructs of the same app");
        continue;
      }
      if (dep->find_stack() != &stack) continue;  // an order between stacks (link_stacks)
      bool found = false;
      walk(*dep, [&](const Construct& c) {
        auto it = resolver.by_owner.find(&c);
        if (it == resolver.by_owner.end()) return;
        found = true;
        explicit_deps.insert(it->second.begin(), it->second.end());
      });
      if (!found)
        out.error(r.owner->path(), "depends on " + dep->path() + ", which renders no resource",
                  "depend on a construct that deploys something");
    }
    explicit_deps.erase(i);
    std::set<std::string> names;
    for (auto d : explicit_deps) {
      edges[i].insert(d);
      if (implied[i].count(d) == 0) {
        const auto& dep = rendered.resources[d];
        names.insert(target == Target::Terraform ? dep.type + "." + dep.name : dep.name);
      }
    }
    r.depends_on_names.assign(names.begin(), names.end());
  }
  find_cycles(edges, [&](const std::vector<std::size_t>& cycle) { report_cycle(cycle, rendered, out); });
}

}  // namespace drdb::render
