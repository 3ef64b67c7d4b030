#include "render/common/cross_stack.hpp"

#include "drdb/core/app.hpp"
#include "drdb/core/logical_id.hpp"
#include "render/common/export_names.hpp"
#include "render/common/finalize.hpp"
#include "render/common/walk_value.hpp"

namespace drdb::render {

namespace {

template <class F>
void for_each_output(const Stack& stack, F&& f) {
  walk(stack, [&](const Construct& c) {
    if (const auto* o = dynamic_cast<const Output*>(&c)) f(*o);
  });
}

class Linker {
 public:
  Linker(const std::vector<LinkedStack>& stacks, const DeclaredExports& exports, Target target,
         ReferenceText reference_text, StackEdges& edges)
      : exports_(exports), target_(target), reference_text_(reference_text), edges_(edges) {
    for (const auto& s : stacks) by_stack_[s.stack] = &s;
  }

  void link(const LinkedStack& s) {
    for (const auto& r : s.rendered->resources) {
      for_each_expression(r.properties, [&](const Expression& e) { link_expression(s, r.owner->path(), e); });
      for (const Construct* dep : explicit_dependencies(r)) {
        const Stack* other = dep->find_stack();
        if (other != nullptr && other != s.stack && &dep->app() == &s.stack->app())
          edges_[{s.stack, other}].insert(r.owner->path() + " depends on " + dep->path());
      }
    }
    for_each_output(*s.stack, [&](const Output& o) {
      for_each_expression(o.props().value, [&](const Expression& e) { link_expression(s, o.path(), e); });
    });
  }

  // The generated outputs must not take a name the stack's own constructs use, nor their exports
  // an export name an Output of the app declares.
  void check_names(const LinkedStack& s) const {
    std::map<std::string, std::string> taken;  // logical id → path
    walk(*s.stack, [&](const Construct& c) {
      if (dynamic_cast<const Resource*>(&c) != nullptr || dynamic_cast<const Parameter*>(&c) != nullptr ||
          dynamic_cast<const Output*>(&c) != nullptr)
        taken.emplace(logical_id(c), c.path());
    });
    for (const auto& [output, exported] : s.rendered->exports) {
      if (auto it = taken.find(output); it != taken.end())
        s.out->error(it->second, "logical id \"" + output + "\" is the name of the output drdb adds for another stack's reference",
                     "rename the construct, or give it override_logical_id()");
      if (auto it = exports_.find(exported.export_name); it != exports_.end() && target_ == Target::CloudFormation)
        s.out->error(it->second->path(), "export name \"" + exported.export_name +
                                             "\" is the name drdb gives the export of another stack's reference",
                     "choose another export_name");
    }
  }

 private:
  void link_expression(const LinkedStack& s, const std::string& where, const Expression& e) {
    if (const auto* ref = std::get_if<AttrRef>(&e)) link_reference(s, where, *ref);
    if (const auto* import = std::get_if<ImportValue>(&e)) link_import(s, where, *import);
  }

  void link_reference(const LinkedStack& s, const std::string& where, const AttrRef& ref) {
    const Construct* target = ref.target;
    // A null target or one of another app: resolve_dependencies reports it.
    if (target == nullptr || &target->app() != &s.stack->app()) return;
    const Stack* producer_stack = target->find_stack();
    if (producer_stack == s.stack) return;
    const auto producer = by_stack_.find(producer_stack);
    if (producer == by_stack_.end()) {
      s.out->error(where, "references " + target->path() + ", which is in no stack", "reference a construct of a stack");
      return;
    }
    RenderedStack& rendered = *producer->second->rendered;
    if (!resolve_binding(rendered, ref, target_, where, *s.out)) return;
    const auto output = export_output_name(reference_text_(rendered, ref));
    const auto name = export_name(producer_stack->name(), output);
    rendered.exports.try_emplace(output, ExportedValue{Value(ref), name});
    s.rendered->imports[target][ref.attribute] = {producer_stack->name(), output, name};
    edges_[{s.stack, producer_stack}].insert(where + " reads " + target->path() + " (" + ref.attribute + ")");
  }

  // An export from outside the app is left to CloudFormation; in Terraform it is an error
  // (tf::check_expressible).
  void link_import(const LinkedStack& s, const std::string& where, const ImportValue& import) {
    const auto declared = exports_.find(import.export_name);
    if (declared == exports_.end()) return;
    const Output& output = *declared->second;
    const Stack* producer_stack = output.find_stack();
    if (producer_stack == nullptr) return;  // Output::validate reports it
    if (producer_stack == s.stack) {
      s.out->error(where, "import_value(\"" + import.export_name + "\") names the export of " + output.path() +
                              ", in this same stack",
                   "use the output's value itself: a stack cannot import its own export");
      return;
    }
    s.rendered->imported_exports[import.export_name] = {producer_stack->name(), logical_id(output), import.export_name};
    edges_[{s.stack, producer_stack}].insert(where + " imports \"" + import.export_name + "\" of " + output.path());
  }

  const DeclaredExports& exports_;
  Target target_;
  ReferenceText reference_text_;
  StackEdges& edges_;
  std::map<const Stack*, const LinkedStack*> by_stack_;
};

}  // namespace

DeclaredExports declared_exports(const std::vector<LinkedStack>& stacks) {
  DeclaredExports out;
  for (const auto& s : stacks)
    for_each_output(*s.stack, [&](const Output& o) {
      const auto& name = o.props().export_name;
      if (name.empty()) return;
      const auto [it, added] = out.emplace(name, &o);
      if (!added)
        s.out->error(o.path(), "export name \"" + name + "\" is also the export name of " + it->second->path(),
                     "export names are unique per region and account: rename one");
    });
  return out;
}

void link_stacks(const std::vector<LinkedStack>& stacks, const DeclaredExports& exports, Target target,
                 ReferenceText reference_text, StackEdges& edges) {
  Linker linker(stacks, exports, target, reference_text, edges);
  for (const auto& s : stacks) linker.link(s);
  for (const auto& s : stacks) linker.check_names(s);
}

void link_stack_dependencies(const std::vector<LinkedStack>& stacks, StackEdges& edges) {
  for (const auto& s : stacks)
    for (const Construct* dep : s.stack->dependencies()) {
      const Stack* other = dep->find_stack();
      if (other == s.stack || other == nullptr || &dep->app() != &s.stack->app())
        s.out->error(s.stack->path(), "the stack depends on " + dep->path() + ", which is not in another stack of this app",
                     "a stack depends on another stack of the same app, or on one of its constructs");
      else
        edges[{s.stack, other}].insert(s.stack->path() + " depends on " + dep->path());
    }
}

}  // namespace drdb::render
