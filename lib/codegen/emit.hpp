// Writing the generated files: headers, sources, umbrella headers and the registry.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "files.hpp"
#include "model.hpp"
#include "templates.hpp"

namespace drdb::codegen {

// The templates of templates/codegen/.
struct Templates {
  explicit Templates(const std::filesystem::path& dir)
      : header(Template::load(dir / "header.hpp.in")),
        structure(Template::load(dir / "struct.hpp.in")),
        source(Template::load(dir / "source.cpp.in")),
        namespace_block(Template::load(dir / "namespace.cpp.in")),
        functions(Template::load(dir / "functions.cpp.in")),
        entries(Template::load(dir / "entries.cpp.in")),
        umbrella(Template::load(dir / "umbrella.hpp.in")),
        registry(Template::load(dir / "registry.cpp.in")),
        registry_target(Template::load(dir / "registry_target.cpp.in")),
        replacement(Template::load(dir / "replacement.cpp.in")) {}
  Template header, structure, source, namespace_block, functions, entries, umbrella, registry, registry_target,
      replacement;
};

// One generation target: CloudFormation or Terraform, with the services read for it.
struct Target {
  std::string dir;                     // "cfn": include/drdb/l1/cfn/
  std::string title;                   // what the umbrella header holds
  bool namespace_per_service = false;  // drdb::l1::cfn::ec2 vs drdb::l1::tf
  std::map<std::string, Service> services;

  std::string base_namespace() const { return "drdb::l1::" + dir; }
  std::string service_namespace(const Service& s) const {
    return namespace_per_service ? base_namespace() + "::" + s.name : base_namespace();
  }
  std::string header_path(const Service& s) const { return "drdb/l1/" + dir + "/" + s.name + ".hpp"; }
  std::string umbrella_path() const { return "drdb/l1/" + dir + ".hpp"; }
  // drdb::l1::detail function of a generated source listing the shapes of its resources.
  std::string entries_function(const std::string& service) const { return dir + "_" + service + "_shapes"; }
  std::string registry_function() const { return dir + "_registry"; }
};

// Writes, under `out`: per target and service a header; per service one source holding both
// targets (one compiler run, one Shape table); per target an umbrella header; one registry. The
// update tables (lib/l1/replacement.cpp) are emit_replacement's (replacement.hpp).
void emit(const std::vector<const Target*>& targets, const Templates& templates, OutputTree& out);

}  // namespace drdb::codegen
