// Document comparison: resources by id, everything else by path.
#include <algorithm>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>

#include "diff/documents.hpp"
#include "drdb/core/error.hpp"
#include "drdb/diff/diff.hpp"
#include "drdb/l1/replacement.hpp"

namespace drdb::diff {
namespace {

using nlohmann::json;
using detail::Kind;

std::string text_of(const json& v) { return v.dump(); }

std::string join_key(const std::string& path, const std::string& key) { return path.empty() ? key : path + "." + key; }

// A string holding a JSON document (a state machine definition, a policy as Terraform writes it):
// its changes are reported inside it, "DefinitionString.Fn::Sub(json).States.Run.Next".
std::optional<json> embedded_json(const json& v) {
  if (!v.is_string()) return std::nullopt;
  const auto& text = v.get_ref<const std::string&>();
  if (text.empty() || (text.front() != '{' && text.front() != '[')) return std::nullopt;
  auto parsed = json::parse(text, nullptr, false);
  if (parsed.is_discarded()) return std::nullopt;
  return parsed;
}

void compare_values(const json& a, const json& b, const std::string& path, std::vector<ValueChange>& out) {
  if (a == b) return;
  if (a.is_object() && b.is_object()) {
    std::set<std::string> keys;
    for (const auto& [k, v] : a.items()) keys.insert(k);
    for (const auto& [k, v] : b.items()) keys.insert(k);
    for (const auto& k : keys) {
      const auto ia = a.find(k);
      const auto ib = b.find(k);
      const auto p = join_key(path, k);
      if (ia == a.end()) out.push_back({p, Change::Added, "", text_of(*ib)});
      else if (ib == b.end()) out.push_back({p, Change::Removed, text_of(*ia), ""});
      else compare_values(*ia, *ib, p, out);
    }
    return;
  }
  if (a.is_array() && b.is_array()) {
    const auto common = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < common; ++i) compare_values(a[i], b[i], path + "[" + std::to_string(i) + "]", out);
    for (std::size_t i = common; i < a.size(); ++i)
      out.push_back({path + "[" + std::to_string(i) + "]", Change::Removed, text_of(a[i]), ""});
    for (std::size_t i = common; i < b.size(); ++i)
      out.push_back({path + "[" + std::to_string(i) + "]", Change::Added, "", text_of(b[i])});
    return;
  }
  if (const auto ja = embedded_json(a), jb = embedded_json(b); ja && jb) {
    compare_values(*ja, *jb, path + "(json)", out);
    return;
  }
  out.push_back({path, Change::Modified, text_of(a), text_of(b)});
}

// "Properties.Vpc.SubnetIds[1]" → "Vpc.SubnetIds": the create-only form (no list positions).
std::string property_path(std::string_view path) {
  constexpr std::string_view prefix = "Properties.";
  if (!path.starts_with(prefix)) return {};
  std::string out;
  bool in_index = false;
  for (char c : path.substr(prefix.size())) {
    if (c == '[') in_index = true;
    else if (c == ']') in_index = false;
    else if (!in_index) out += c;
  }
  return out;
}

bool within(std::string_view path, std::string_view root) {
  return path == root || (path.starts_with(root) && path[root.size()] == '.');
}

// Which create-only properties a change touches: at, below or above one ("Vpc" set anew replaces
// through "Vpc.SubnetIds").
void classify_cfn(ResourceDiff& r, const std::string& before_type) {
  if (r.change != Change::Modified) return;
  if (before_type != r.type) {
    r.replacement = Replacement::Yes;
    r.replaced_by.push_back("Type");
    return;
  }
  std::set<std::string> hit;
  const auto create_only = l1::cfn::create_only_properties(r.type);
  for (const auto& v : r.values) {
    const auto p = property_path(v.path);
    if (p.empty()) continue;
    for (auto root : create_only)
      if (within(p, root) || within(root, p)) hit.insert(std::string(root));
  }
  r.replaced_by.assign(hit.begin(), hit.end());
  r.replacement = hit.empty() ? Replacement::No : Replacement::Yes;
}

// id → (type, body) of a document's resources.
std::map<std::string, std::pair<std::string, json>> resources_of(const json& doc, Kind kind) {
  std::map<std::string, std::pair<std::string, json>> out;
  if (!doc.is_object()) return out;
  if (kind == Kind::Terraform) {
    const auto it = doc.find("resource");
    if (it == doc.end() || !it->is_object()) return out;
    for (const auto& [type, named] : it->items())
      if (named.is_object())
        for (const auto& [name, body] : named.items()) out[type + "." + name] = {type, body};
    return out;
  }
  const auto it = doc.find("Resources");
  if (it == doc.end() || !it->is_object()) return out;
  for (const auto& [id, body] : it->items()) out[id] = {body.value("Type", std::string()), body};
  return out;
}

const char* resources_key(Kind kind) { return kind == Kind::Terraform ? "resource" : "Resources"; }

FileDiff compare_documents(const std::string& file, const json* before, const json* after, Kind kind) {
  FileDiff f{file, before == nullptr ? Change::Added : after == nullptr ? Change::Removed : Change::Modified, {}, {}};
  const json empty = json::object();
  const json& a = before != nullptr ? *before : empty;
  const json& b = after != nullptr ? *after : empty;
  const auto ra = resources_of(a, kind);
  const auto rb = resources_of(b, kind);
  std::set<std::string> ids;
  for (const auto& [id, r] : ra) ids.insert(id);
  for (const auto& [id, r] : rb) ids.insert(id);
  for (const auto& id : ids) {
    const auto ia = ra.find(id);
    const auto ib = rb.find(id);
    ResourceDiff r;
    r.id = id;
    if (ia == ra.end()) {
      r.change = Change::Added;
      r.type = ib->second.first;
    } else if (ib == rb.end()) {
      r.change = Change::Removed;
      r.type = ia->second.first;
    } else {
      compare_values(ia->second.second, ib->second.second, "", r.values);
      if (r.values.empty()) continue;
      r.type = ib->second.first;
      if (kind == Kind::Terraform) r.replacement = Replacement::Unknown;
      else classify_cfn(r, ia->second.first);
    }
    f.resources.push_back(std::move(r));
  }
  json sa = a.is_object() ? a : json::object();
  json sb = b.is_object() ? b : json::object();
  sa.erase(resources_key(kind));
  sb.erase(resources_key(kind));
  if (before != nullptr && after != nullptr) compare_values(sa, sb, "", f.sections);
  return f;
}

// What tools keep beside the output, which synth never writes: hidden files and directories
// (.terraform/, .terraform.lock.hcl), Terraform state and plans, and Terraform override files
// (override.tf.json, *_override.tf), which exist to differ from what drdb writes.
bool tool_file(const std::string& name) {
  const auto ends = [&](std::string_view suffix) { return name.ends_with(suffix); };
  return name.starts_with('.') || ends(".tfstate") || ends(".tfstate.backup") || ends(".tfplan") || name == "override.tf" ||
         name == "override.tf.json" || ends("_override.tf") || ends("_override.tf.json");
}

std::string json_twin(const std::string& yaml_file) {
  return yaml_file.substr(0, yaml_file.size() - std::string_view(".yaml").size()) + ".json";
}

}  // namespace

Diff compare(const Files& before, const Files& after) {
  std::set<std::string> names;
  for (const auto& [name, content] : before) names.insert(name);
  for (const auto& [name, content] : after) names.insert(name);
  Diff diff;
  for (const auto& name : names) {
    const auto ia = before.find(name);
    const auto ib = after.find(name);
    const bool in_a = ia != before.end();
    const bool in_b = ib != after.end();
    if (in_a && in_b && ia->second == ib->second) continue;
    const Kind kind = detail::kind_of(name);
    if (kind == Kind::CfnYaml && in_a && in_b && before.count(json_twin(name)) && after.count(json_twin(name))) continue;
    if (kind == Kind::Other) {
      diff.files.push_back({name, !in_a ? Change::Added : !in_b ? Change::Removed : Change::Modified, {}, {}});
      continue;
    }
    json a, b;
    if (in_a) a = detail::parse(name, ia->second, kind);
    if (in_b) b = detail::parse(name, ib->second, kind);
    auto f = compare_documents(name, in_a ? &a : nullptr, in_b ? &b : nullptr, kind);
    if (f.change != Change::Modified || !f.resources.empty() || !f.sections.empty()) diff.files.push_back(std::move(f));
  }
  return diff;
}

Files read_directory(const std::filesystem::path& dir) {
  Files files;
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return files;
  for (auto it = std::filesystem::recursive_directory_iterator(dir, ec); !ec && it != std::filesystem::end(it);
       it.increment(ec)) {
    if (tool_file(it->path().filename().string())) {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file()) continue;
    std::ifstream in(it->path(), std::ios::binary);
    if (!in.is_open()) throw Error(ErrorKind::Io, it->path().generic_string() + ": cannot be read");
    std::ostringstream text;
    text << in.rdbuf();
    files[std::filesystem::relative(it->path(), dir).generic_string()] = text.str();
  }
  if (ec) throw Error(ErrorKind::Io, dir.generic_string() + ": cannot be listed: " + ec.message());
  return files;
}

}  // namespace drdb::diff
