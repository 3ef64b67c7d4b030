// What reading a spec carries along: the file name for locations, the diagnostics, and each stack's
// resources, kinds and parameters by name (references resolve against them).
#pragma once

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "drdb/core/construct.hpp"
#include "drdb/core/diagnostics.hpp"
#include "drdb/core/stack.hpp"
#include "drdb/spec/spec.hpp"

namespace drdb::spec {

class Context {
 public:
  // What one stack of the spec declares: its resources by id (once created), their kinds (known
  // before any is created, for messages) and its parameters ({param: <name>} refers to them).
  struct Scope {
    std::map<std::string, Construct*, std::less<>> resources;
    std::map<std::string, std::string, std::less<>> declared;
    std::map<std::string, const Parameter*, std::less<>> parameters;
  };

  // `embedded`, when given, outlives the context.
  Context(std::string file, Diagnostics& out, const EmbeddedFiles* embedded = nullptr)
      : file_(std::move(file)), out_(out), embedded_(embedded) {}

  // The spec file's directory: paths written in the spec (assets) are relative to it.
  std::filesystem::path directory() const { return std::filesystem::path(file_).parent_path(); }
  // The content of a file the spec names, when it came with the spec (spec.hpp); null otherwise.
  const std::string* embedded_file(std::string_view path_as_written) const {
    if (embedded_ == nullptr) return nullptr;
    const auto it = embedded_->find(path_as_written);
    return it == embedded_->end() ? nullptr : &it->second;
  }

  // "app.yaml:12:5" (1-based), or the file alone when the node has no position.
  std::string where(const YAML::Node& at) const;
  void error(const YAML::Node& at, const std::string& message, const std::string& fix);
  // "unknown key": the nearest of `valid` when one is close, else the list of them.
  void unknown(const YAML::Node& key, std::string_view what, std::span<const std::string_view> valid);
  // The same for `name`, a part of what `at` holds (the stack of "Stack/Id").
  void unknown(const YAML::Node& at, const std::string& name, std::string_view what, std::span<const std::string_view> valid);

  // A value of the wrong type: `"instances.core" expects a list, found a mapping` at the value, with
  // the fix. Names the keys being read (KeyScope), never the value, which may be a secret.
  void expected(const YAML::Node& at, std::string_view what, const std::string& fix);

  // The key whose value is being read, for messages, while it lives: nested keys join with ".".
  class KeyScope {
   public:
    KeyScope(Context& c, std::string key) : c_(c) { c_.keys_.push_back(std::move(key)); }
    ~KeyScope() { c_.keys_.pop_back(); }
    KeyScope(const KeyScope&) = delete;
    KeyScope& operator=(const KeyScope&) = delete;

   private:
    Context& c_;
  };

  // The stack whose resources are being read; plain ids resolve in it.
  void enter(const std::string& stack) {
    current_ = stack;
    scopes_[stack];
  }
  const std::string& current_stack() const { return current_; }
  Scope& scope() { return scopes_[current_]; }
  std::map<std::string, Construct*, std::less<>>& resources() { return scope().resources; }
  std::map<std::string, std::string, std::less<>>& declared() { return scope().declared; }
  std::map<std::string, const Parameter*, std::less<>>& parameters() { return scope().parameters; }

  // A reference to a resource: "Id" in the current stack, "Stack/Id" in another. Sets `id` and
  // returns the stack's scope; null when no stack has that name.
  Scope* scope_of(std::string_view ref, std::string& id);
  // The kind of the resource a reference names; empty when none is declared.
  std::string kind_of(std::string_view ref);
  std::vector<std::string_view> stack_names() const;

 private:
  std::string file_;
  Diagnostics& out_;
  const EmbeddedFiles* embedded_;
  std::map<std::string, Scope, std::less<>> scopes_;
  std::string current_;
  std::vector<std::string> keys_;
};

}  // namespace drdb::spec
