// Document comparison: every file by what it means, resources by id, replacement carried through
// references across the whole output.
#include <optional>
#include <set>

#include "diff/documents.hpp"
#include "diff/impact.hpp"
#include "diff/resources.hpp"
#include "diff/tables.hpp"
#include "diff/values.hpp"
#include "drdb/core/error.hpp"
#include "drdb/diff/diff.hpp"
#include "io/sha256.hpp"

namespace drdb::diff {
namespace {

using nlohmann::json;
using detail::Kind;
using detail::Resource;

// One file, both sides read. A side that is absent or does not parse has no document.
struct Side {
  bool present = false;
  std::optional<json> doc;
  std::map<std::string, Resource> resources;
};

struct Document {
  std::string file;
  Kind kind = Kind::Other;
  Side before, after;
  std::string error;
};

Side read_side(const Files& files, const std::string& name, Kind kind, std::string& error) {
  Side side;
  const auto it = files.find(name);
  if (it == files.end()) return side;
  side.present = true;
  if (kind == Kind::Other) return side;
  try {
    side.doc = detail::parse(name, it->second, kind);
  } catch (const Error& e) {
    // The message names the file, which the diff names already.
    std::string_view what = e.what();
    if (what.starts_with(name + ": ")) what.remove_prefix(name.size() + 2);
    if (error.empty()) error = what;
    return side;
  }
  if (detail::is_template(kind)) side.resources = detail::resources_of(*side.doc, kind);
  return side;
}

Change file_change(const Document& d) {
  return !d.before.present ? Change::Added : !d.after.present ? Change::Removed : Change::Modified;
}

const Resource* find(const Side& side, const std::string& id) {
  const auto it = side.resources.find(id);
  return it == side.resources.end() ? nullptr : &it->second;
}

// Resources added, removed and changed, and every other section by path.
FileDiff compare_template(const Document& d) {
  FileDiff f{.file = d.file, .change = file_change(d)};
  std::set<std::string> ids;
  for (const auto& [id, r] : d.before.resources) ids.insert(id);
  for (const auto& [id, r] : d.after.resources) ids.insert(id);
  for (const auto& id : ids) {
    const Resource* a = find(d.before, id);
    const Resource* b = find(d.after, id);
    ResourceDiff r;
    r.id = id;
    if (a == nullptr) {
      r.change = Change::Added;
      r.type = b->type;
    } else if (b == nullptr) {
      r.change = Change::Removed;
      r.type = a->type;
    } else {
      detail::compare_values(*a->body, *b->body, "", r.values);
      if (r.values.empty()) continue;
      r.type = b->type;
      detail::classify_changes(r, a->type, d.kind);
    }
    f.resources.push_back(std::move(r));
  }
  f.statements = detail::statement_changes(d.before.resources, d.after.resources, d.kind);
  f.rules = detail::rule_changes(d.before.resources, d.after.resources, d.kind);
  if (d.before.doc && d.after.doc) {
    json sa = d.before.doc->is_object() ? *d.before.doc : json::object();
    json sb = d.after.doc->is_object() ? *d.after.doc : json::object();
    sa.erase(detail::resources_key(d.kind));
    sb.erase(detail::resources_key(d.kind));
    detail::compare_values(sa, sb, "", f.sections);
  }
  return f;
}

FileDiff compare_file(const Document& d, const Files& before, const Files& after) {
  if (!d.error.empty()) return {.file = d.file, .change = file_change(d), .error = d.error};
  if (detail::is_template(d.kind)) return compare_template(d);
  FileDiff f{.file = d.file, .change = file_change(d)};
  if (f.change != Change::Modified) return f;
  if (d.kind == Kind::Json) {
    detail::compare_values(*d.before.doc, *d.after.doc, "", f.sections);
  } else {  // an asset, named by its hash: different bytes under one name mean a damaged copy
    const auto hash = [](const std::string& content) { return json(io::sha256_hex(content)).dump(); };
    f.sections.push_back({"sha256", Change::Modified, hash(before.at(d.file)), hash(after.at(d.file))});
  }
  return f;
}

ResourceDiff& resource_entry(FileDiff& f, const std::string& id, const std::string& type) {
  auto it = std::lower_bound(f.resources.begin(), f.resources.end(), id,
                             [](const ResourceDiff& r, const std::string& key) { return r.id < key; });
  if (it != f.resources.end() && it->id == id) return *it;
  ResourceDiff r;
  r.id = id;
  r.type = type;
  return *f.resources.insert(it, std::move(r));
}

// The export names of a CloudFormation document whose values refer to one of `replaced`.
std::map<std::string, Replacement> exports_of(const json& doc, const std::map<std::string, Replacement>& replaced) {
  std::map<std::string, Replacement> out;
  const auto outputs = doc.find("Outputs");
  if (outputs == doc.end() || !outputs->is_object()) return out;
  for (const auto& [name, output] : outputs->items()) {
    if (!output.is_object() || !output.contains("Export") || !output["Export"].is_object()) continue;
    const auto& export_name = output["Export"].value("Name", json());
    if (!export_name.is_string()) continue;
    const json value_as_properties = {{"Properties", output.value("Value", json())}};
    for (const auto& ref : detail::references_of({"", &value_as_properties}, Kind::CfnJson))
      if (const auto it = replaced.find(ref.target); it != replaced.end()) {
        auto& verdict = out[export_name.get<std::string>()];
        verdict = detail::stronger(verdict, it->second);
      }
  }
  return out;
}

// A resource replaced carries its replacement to every resource whose property that cannot change in
// place refers to it (VpcId of a security group, Bucket of a bucket policy), in its file or, through
// an export, in another stack's; until nothing more changes.
void propagate_replacements(const std::vector<Document>& docs, std::vector<FileDiff>& diffs) {
  const auto replaced_ids = [&](std::size_t i) {
    std::map<std::string, Replacement> ids;
    for (const auto& r : diffs[i].resources)
      if (r.change == Change::Modified && r.replacement != Replacement::No) ids[r.id] = r.replacement;
    return ids;
  };
  for (bool changed = true; changed;) {
    changed = false;
    std::map<std::string, Replacement> exports;
    for (std::size_t i = 0; i < docs.size(); ++i)
      if (docs[i].after.doc && (docs[i].kind == Kind::CfnJson || docs[i].kind == Kind::CfnYaml))
        for (const auto& [name, verdict] : exports_of(*docs[i].after.doc, replaced_ids(i)))
          exports[name] = detail::stronger(exports[name], verdict);
    for (std::size_t i = 0; i < docs.size(); ++i) {
      const auto& d = docs[i];
      if (!detail::is_template(d.kind) || !d.before.doc || !d.after.doc) continue;
      const auto replaced = replaced_ids(i);
      for (const auto& [id, resource] : d.after.resources) {
        const Resource* old = find(d.before, id);
        if (old == nullptr || old->type != resource.type) continue;
        std::vector<Cause> causes;
        Replacement verdict = Replacement::No;
        for (const auto& ref : detail::references_of(resource, d.kind)) {
          const bool imported = ref.target.starts_with("export:");
          const auto& targets = imported ? exports : replaced;
          const auto target = targets.find(imported ? ref.target.substr(7) : ref.target);
          if (target == targets.end() || ref.target == id) continue;
          const auto through = detail::carried(target->second, detail::replacement_through(resource.type, ref.property, d.kind));
          if (through == Replacement::No) continue;
          verdict = detail::stronger(verdict, through);
          Cause cause{imported ? "Fn::ImportValue " + ref.target.substr(7) : ref.target, ref.property};
          if (std::find(causes.begin(), causes.end(), cause) == causes.end()) causes.push_back(std::move(cause));
        }
        if (causes.empty()) continue;
        // Causes only grow as the replaced set grows, so this ends.
        auto& r = resource_entry(diffs[i], id, resource.type);
        const auto next = detail::stronger(r.replacement, verdict);
        if (r.caused_by == causes && next == r.replacement) continue;
        r.caused_by = std::move(causes);
        r.replacement = next;
        changed = true;
      }
    }
  }
}

std::string json_twin(const std::string& yaml_file) {
  return yaml_file.substr(0, yaml_file.size() - std::string_view(".yaml").size()) + ".json";
}

// The same changes, in another file.
bool same_changes(const FileDiff& a, const FileDiff& b) {
  return a.change == b.change && a.resources == b.resources && a.sections == b.sections &&
         a.statements == b.statements && a.rules == b.rules;
}

bool differs(const FileDiff& f) {
  return f.change != Change::Modified || !f.error.empty() || !f.resources.empty() || !f.sections.empty();
}

}  // namespace

Diff compare(const Files& before, const Files& after) {
  std::set<std::string> names;
  for (const auto& [name, content] : before) names.insert(name);
  for (const auto& [name, content] : after) names.insert(name);
  std::vector<Document> docs;
  for (const auto& name : names) {
    Document d{name, detail::kind_of(name), {}, {}, {}};
    const auto a = before.find(name), b = after.find(name);
    // Files equal byte for byte need no reading, but templates may still be replaced through references.
    if (a != before.end() && b != after.end() && a->second == b->second && !detail::is_template(d.kind)) continue;
    d.before = read_side(before, name, d.kind, d.error);
    d.after = read_side(after, name, d.kind, d.error);
    docs.push_back(std::move(d));
  }
  std::vector<FileDiff> diffs;
  for (const auto& d : docs) diffs.push_back(compare_file(d, before, after));
  propagate_replacements(docs, diffs);
  for (std::size_t i = 0; i < docs.size(); ++i)
    for (auto& r : diffs[i].resources)
      detail::assess_old_resource(r, find(docs[i].before, r.id), find(docs[i].after, r.id), docs[i].kind,
                                  docs[i].after.doc ? &*docs[i].after.doc : nullptr);

  // A YAML template that says what its JSON twin says is reported once, as the twin.
  std::map<std::string, const FileDiff*> by_file;
  for (const auto& f : diffs) by_file[f.file] = &f;
  for (auto& f : diffs) {
    if (detail::kind_of(f.file) != Kind::CfnYaml || !f.error.empty() || !differs(f)) continue;
    const auto twin = by_file.find(json_twin(f.file));
    if (twin != by_file.end() && twin->second->error.empty() && same_changes(f, *twin->second)) f.same_as = twin->first;
  }
  Diff diff;
  for (auto& f : diffs) {
    if (!differs(f)) continue;
    if (!f.same_as.empty()) {
      f.resources.clear();
      f.sections.clear();
      f.statements.clear();
      f.rules.clear();
    }
    diff.files.push_back(std::move(f));
  }
  return diff;
}

}  // namespace drdb::diff
