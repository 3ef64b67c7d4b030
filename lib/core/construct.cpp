#include "drdb/core/construct.hpp"

#include "drdb/core/app.hpp"
#include "drdb/core/diagnostics.hpp"
#include "drdb/core/error.hpp"
#include "drdb/core/stack.hpp"

namespace drdb {

Construct::Construct(const Scope& scope) : parent_(&scope.parent()), id_(scope.id()) {}

Construct::Construct(std::nullptr_t, std::string id) : id_(std::move(id)) {}

Construct::~Construct() = default;

std::string Construct::path() const {
  if (parent_ == nullptr) return id_;
  return parent_->path() + "/" + id_;
}

std::vector<std::string_view> Construct::path_below_stack() const {
  std::vector<std::string_view> components;
  for (const Construct* c = this; c != nullptr; c = c->parent_) {
    if (dynamic_cast<const Stack*>(c) != nullptr || c->parent_ == nullptr) break;
    components.push_back(c->id_);
  }
  return {components.rbegin(), components.rend()};
}

Construct* Construct::find_child(std::string_view id) const {
  for (const auto& child : children_)
    if (child->id_ == id) return child.get();
  return nullptr;
}

const App& Construct::app() const {
  const Construct* c = this;
  while (c->parent_ != nullptr) c = c->parent_;
  return static_cast<const App&>(*c);
}

Stack* Construct::find_stack() const {
  for (const Construct* c = this; c != nullptr; c = c->parent_)
    if (const auto* stack = dynamic_cast<const Stack*>(c)) return const_cast<Stack*>(stack);
  return nullptr;
}

Stack& Construct::stack() const {
  if (Stack* s = find_stack()) return *s;
  Diagnostics d;
  d.error(path(), "this construct is not inside a stack", "create it with stack.add<...>(...) or below a stack");
  throw ValidationError(std::move(d));
}

void Construct::tag(std::string key, std::string value) {
  removed_tags_.erase(key);  // the later call wins
  tags_[std::move(key)] = std::move(value);
}

void Construct::remove_tag(std::string key) {
  tags_.erase(key);
  removed_tags_.insert(std::move(key));
}

std::map<std::string, std::string, std::less<>> effective_tags(const Construct& c) {
  std::vector<const Construct*> chain;
  for (const Construct* node = &c; node != nullptr; node = node->scope()) chain.push_back(node);
  std::map<std::string, std::string, std::less<>> tags;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {  // root first, so nearer scopes overwrite
    for (const auto& key : (*it)->removed_tags()) tags.erase(key);
    for (const auto& [k, v] : (*it)->own_tags()) tags[k] = v;
  }
  return tags;
}

void Construct::check_new_child_id(const std::string& id) const {
  Diagnostics d;
  if (id.empty()) {
    d.error(path(), "a construct id cannot be empty", "give the construct a name such as \"DataBucket\"");
  } else if (id.find('/') != std::string::npos) {
    d.error(path() + "/" + id, "a construct id cannot contain '/' (it separates path components)",
            "use a name without '/', e.g. \"" + std::string(id.substr(id.rfind('/') + 1)) + "\"");
  } else if (find_child(id) != nullptr) {
    d.error(path() + "/" + id, "there is already a construct with id \"" + id + "\" in " + path(),
            "choose an id unique among its siblings");
  }
  if (!d.empty()) throw ValidationError(std::move(d));
}

void Construct::validate(Diagnostics&) const {}

void locate_diagnostics(const Construct& root, Diagnostics& out) {
  std::map<std::string, std::string, std::less<>> sources;
  walk(root, [&](const Construct& c) {
    if (!c.source().empty()) sources[c.path()] = c.source();
  });
  if (sources.empty()) return;
  for (auto& d : out.items()) {
    if (!d.source.empty()) continue;
    for (std::string_view path = d.path; !path.empty();) {
      if (const auto it = sources.find(path); it != sources.end()) {
        d.source = it->second;
        break;
      }
      const auto slash = path.rfind('/');
      path = slash == std::string_view::npos ? std::string_view() : path.substr(0, slash);
    }
  }
}

App::App(Props props) : Construct(nullptr, std::move(props.name)) {}

std::vector<const Stack*> App::stacks() const {
  std::vector<const Stack*> out;
  for (const auto& child : children())
    if (const auto* stack = dynamic_cast<const Stack*>(child.get())) out.push_back(stack);
  return out;
}

std::vector<Stack*> App::stacks() {
  std::vector<Stack*> out;
  for (const auto& child : children())
    if (auto* stack = dynamic_cast<Stack*>(child.get())) out.push_back(stack);
  return out;
}

}  // namespace drdb
