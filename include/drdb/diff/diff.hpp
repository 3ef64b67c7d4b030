// Comparing synthesized output: two output directories, or a fresh synth against a committed one.
//
// Templates are compared as documents, not as text: per stack file, resources added, removed and
// changed (every changed property with its path, "Properties.Tags[1].Value"), and the other
// sections (parameters, outputs, providers...) by path. For CloudFormation, a change under a
// create-only property of the type's schema, or of the type itself, replaces the resource.
// Terraform's provider schema does not say which arguments force a new resource, so Terraform
// changes say "unknown" there (terraform plan tells). Other files (assets, manifests) are compared
// byte for byte.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace drdb::diff {

enum class Change { Added, Removed, Modified };

// One changed value; before/after are compact JSON text, empty for the side that has none.
struct ValueChange {
  std::string path;
  Change change = Change::Modified;
  std::string before;
  std::string after;
};

enum class Replacement { No, Yes, Unknown };

struct ResourceDiff {
  std::string id;    // logical id (CloudFormation), "type.name" (Terraform)
  std::string type;  // the type after the change (before it, when removed)
  Change change = Change::Modified;
  std::vector<ValueChange> values;  // paths relative to the resource ("Properties.CidrBlock")
  Replacement replacement = Replacement::No;
  std::vector<std::string> replaced_by;  // the create-only properties that changed, or "Type"
};

struct FileDiff {
  std::string file;  // relative to the output directory, '/'-separated
  Change change = Change::Modified;
  std::vector<ResourceDiff> resources;  // sorted by id
  std::vector<ValueChange> sections;    // changes outside resources ("Outputs.VpcId.Value")
};

struct Diff {
  std::vector<FileDiff> files;  // sorted by file
  bool empty() const { return files.empty(); }
};

// Relative path → content. A stack's YAML template is compared only when its JSON template is
// missing on either side (they say the same thing).
using Files = std::map<std::string, std::string>;

Diff compare(const Files& before, const Files& after);
// Every regular file under `dir` but what tools keep beside synth's output (hidden files and
// directories such as .terraform/, Terraform state, plans and override files); a missing directory
// has no files. Throws Error(Io) when unreadable.
Files read_directory(const std::filesystem::path& dir);

// Human-readable, one line per change, with a summary line; "no differences" when empty.
std::string to_text(const Diff& diff);
// {"equal": bool, "files": [...]} with every field of the structures above.
std::string to_json(const Diff& diff);

}  // namespace drdb::diff
