// The construct tree: App → Stack → constructs. Every construct has a scope (its parent), an id
// unique among its siblings, and a path ("App/Etl/Network/PrivateSubnet1") that names it in every
// diagnostic. Constructs are created only through `scope.add<T>(id, props)`, which owns them.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace drdb {

class App;
class Stack;
class Construct;
class Diagnostics;

// Pass-key handed to a construct's constructor by `add`: the only way to make a construct, so every
// construct is in exactly one tree at exactly one place.
class Scope {
 public:
  Construct& parent() const { return *parent_; }
  const std::string& id() const { return id_; }

 private:
  friend class Construct;
  friend class App;
  Scope(Construct* parent, std::string id) : parent_(parent), id_(std::move(id)) {}
  Construct* parent_;
  std::string id_;
};

class Construct {
 public:
  struct Props {};

  explicit Construct(const Scope& scope);
  Construct(const Scope& scope, Props) : Construct(scope) {}
  Construct(const Construct&) = delete;
  Construct& operator=(const Construct&) = delete;
  virtual ~Construct();

  const std::string& id() const { return id_; }
  Construct* scope() const { return parent_; }
  // "App/Etl/Network"; computed on each call (cheap, never on a hot path).
  std::string path() const;
  // Path below the enclosing stack ("Network/PrivateSubnet1"); empty for App and stacks.
  std::vector<std::string_view> path_below_stack() const;

  const std::vector<std::unique_ptr<Construct>>& children() const { return children_; }
  Construct* find_child(std::string_view id) const;
  const App& app() const;
  // The enclosing stack (throws Error if this construct is not inside one).
  Stack& stack() const;
  Stack* find_stack() const;

  // Creates a child. `T` must have a constructor `T(const Scope&, typename T::Props)`.
  template <class T>
  T& add(std::string id, typename T::Props props = {}) {
    check_new_child_id(id);
    auto child = std::make_unique<T>(Scope(this, std::move(id)), std::move(props));
    T& ref = *child;
    children_.push_back(std::move(child));
    return ref;
  }

  // ---- deploy order -------------------------------------------------------------------------
  // This construct (all resources below it) deploys after `other` (all resources below it).
  void add_dependency(const Construct& other) { dependencies_.push_back(&other); }
  const std::vector<const Construct*>& dependencies() const { return dependencies_; }

  // ---- tags ---------------------------------------------------------------------------------
  // Applies to every taggable resource in this subtree; a nearer scope's tag wins.
  void tag(std::string key, std::string value);
  // Keeps a tag set by an enclosing scope off this subtree (a nearer scope may set it again).
  void remove_tag(std::string key);
  const std::map<std::string, std::string, std::less<>>& own_tags() const { return tags_; }
  const std::set<std::string, std::less<>>& removed_tags() const { return removed_tags_; }

  // ---- logical ids --------------------------------------------------------------------------
  // Use exactly this logical id for the resource this construct renders.
  void override_logical_id(std::string id) { logical_id_override_ = std::move(id); }
  const std::string& logical_id_override() const { return logical_id_override_; }
  // Keep the logical ids this subtree had when it lived at `old_path_below_stack`
  // (e.g. "Network/Vpc" after moving the construct to "Platform/Network/Vpc").
  void renamed_from(std::string old_path_below_stack) { renamed_from_ = std::move(old_path_below_stack); }
  const std::string& renamed_from() const { return renamed_from_; }

  // ---- validation ---------------------------------------------------------------------------
  // Adds every problem of this construct (not its children) to `out`. Never throws for bad input.
  virtual void validate(Diagnostics& out) const;
  // Where the construct was declared ("app.yaml:12:7", set by the spec loader): diagnostics of it
  // and of everything below it name that place too (locate_diagnostics).
  void set_source(std::string location) { source_ = std::move(location); }
  const std::string& source() const { return source_; }

  // ---- rule suppressions ----------------------------------------------------------------------
  // Silences policy rule `rule_id` ("EMR.3") on this construct and everything below it. The reason
  // is mandatory and listed in the validation report; a suppression that silences nothing is a
  // warning (docs/RULES.md).
  struct Suppression {
    std::string rule;
    std::string reason;
  };
  void suppress(std::string rule_id, std::string reason) {
    suppressions_.push_back({std::move(rule_id), std::move(reason)});
  }
  const std::vector<Suppression>& suppressions() const { return suppressions_; }

 protected:
  Construct& parent() const { return *parent_; }

 private:
  friend class App;
  Construct(std::nullptr_t, std::string id);  // the root (App)
  void check_new_child_id(const std::string& id) const;

  Construct* parent_ = nullptr;
  std::string id_;
  std::vector<std::unique_ptr<Construct>> children_;
  std::vector<const Construct*> dependencies_;
  std::map<std::string, std::string, std::less<>> tags_;
  std::set<std::string, std::less<>> removed_tags_;
  std::string logical_id_override_;
  std::string renamed_from_;
  std::string source_;
  std::vector<Suppression> suppressions_;
};

// The tags of the resources `c` renders: every enclosing scope's tags (app, stack, constructs), root
// first, so the nearest scope's tag or removal wins. Sorted by key. Every target and RunJobFlow
// parameters use this one resolution.
std::map<std::string, std::string, std::less<>> effective_tags(const Construct& c);

// Visits `root` and every construct below it, parents before children, in creation order.
template <class F>
void walk(const Construct& root, F&& f) {
  f(root);
  for (const auto& child : root.children()) walk(*child, f);
}

// Gives each diagnostic about a construct under `root` the source of the nearest construct on its
// path that has one (a spec's file:line:col), so a spec's author sees where to fix it.
void locate_diagnostics(const Construct& root, Diagnostics& out);

}  // namespace drdb
