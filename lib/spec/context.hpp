// What reading a spec carries along: the file name for locations, the diagnostics, and the
// resources of the current stack by id (references resolve against it).
#pragma once

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <map>
#include <span>
#include <string>
#include <string_view>

#include "drdb/core/construct.hpp"
#include "drdb/core/diagnostics.hpp"
#include "drdb/core/stack.hpp"

namespace drdb::spec {

class Context {
 public:
  Context(std::string file, Diagnostics& out) : file_(std::move(file)), out_(out) {}

  // The spec file's directory: paths written in the spec (assets) are relative to it.
  std::filesystem::path directory() const { return std::filesystem::path(file_).parent_path(); }

  // "app.yaml:12:5" (1-based), or the file alone when the node has no position.
  std::string where(const YAML::Node& at) const;
  void error(const YAML::Node& at, const std::string& message, const std::string& fix);
  // "unknown key": the nearest of `valid` when one is close, else the list of them.
  void unknown(const YAML::Node& key, std::string_view what, std::span<const std::string_view> valid);

  // Resources of the stack being read, by id; `declared` says whether one exists yet.
  std::map<std::string, Construct*, std::less<>>& resources() { return resources_; }
  // Resource kinds by id for the whole stack (known before any is created), for messages.
  std::map<std::string, std::string, std::less<>>& declared() { return declared_; }
  // Parameters of the stack being read, by name ({param: <name>} refers to them).
  std::map<std::string, const Parameter*, std::less<>>& parameters() { return parameters_; }

 private:
  std::string file_;
  Diagnostics& out_;
  std::map<std::string, Construct*, std::less<>> resources_;
  std::map<std::string, std::string, std::less<>> declared_;
  std::map<std::string, const Parameter*, std::less<>> parameters_;
};

}  // namespace drdb::spec
