// Steps every target runs after mapping a stack, before serializing it: tags, property overrides,
// schema constraints, reference and dependency checks. All report into Diagnostics.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "drdb/core/diagnostics.hpp"
#include "drdb/core/stack.hpp"
#include "render/common/rendered.hpp"

namespace drdb::render {

struct TargetTraits {
  Target target;
  std::string_view tags_property;  // "Tags" / "tags"; its schema says list of {Key, Value} or map
};

// Tags every taggable resource with its owner's effective_tags (drdb/core/construct.hpp); tags the
// resource sets itself win.
void apply_tags(RenderedStack& stack, const TargetTraits& traits);
void apply_overrides(RenderedStack& stack, Target target, Diagnostics& out);
void check_shapes(const RenderedStack& stack, Target target, Diagnostics& out);

// Rendered names of the resources a resource references, by walking its properties.
std::vector<const Construct*> referenced_constructs(const Value& v);

// How `ref` reads in `rendered`, the rendering of its target's stack; a diagnostic at `where` when
// the target renders nothing or has no such attribute.
std::optional<AttributeBinding> resolve_binding(const RenderedStack& rendered, const AttrRef& ref, Target target,
                                                const std::string& where, Diagnostics& out);

// What a rendered resource was told to wait for: its own `waits_for` and the dependencies of its
// owner and every ancestor below the stack.
std::vector<const Construct*> explicit_dependencies(const RenderedResource& r);

// Checks every reference within the stack (target exists in this stack's rendering, attribute
// known; references to other stacks are link_stacks'), fills depends_on_names from explicit
// dependencies in this stack (minus those references already imply) and reports dependency cycles
// naming every construct on the cycle.
void resolve_dependencies(const Stack& stack, RenderedStack& rendered, Target target, Diagnostics& out);

}  // namespace drdb::render
