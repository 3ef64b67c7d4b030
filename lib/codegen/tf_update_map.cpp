#include "tf_update_map.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>
#include <stdexcept>

#include "update_rules.hpp"

namespace drdb::codegen {
namespace {

using nlohmann::json;

// "sse_algorithm", "SSEAlgorithm" -> "ssealgorithm".
std::string normalized(std::string_view name) {
  std::string out;
  for (char c : name)
    if (c != '_') out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The struct of an object, or of the items of a list of objects; maps are not entered (their keys
// are the user's, no path names them).
const StructDef* struct_below(const Node* n) {
  if (!n) return nullptr;
  if (n->object) return n->object;
  return n->kind == Kind::Array && n->items ? n->items->object : nullptr;
}

UpdateBehavior parse_update(const json& v, const std::string& where) {
  static const std::map<std::string, UpdateBehavior, std::less<>> names{
      {"replace", UpdateBehavior::Replace}, {"may-replace", UpdateBehavior::MayReplace},
      {"in-place", UpdateBehavior::InPlace}, {"unknown", UpdateBehavior::Unknown}};
  auto it = v.is_string() ? names.find(v.get<std::string>()) : names.end();
  if (it == names.end()) throw std::runtime_error(where + ": \"update\" must be replace, may-replace, in-place or unknown");
  return it->second;
}

class TfMapper {
 public:
  TfMapper(const Resource& tf, const Resource& cfn, const UpdateEntries& cfn_table, const json& aliases)
      : tf_(tf), cfn_(cfn), cfn_table_(cfn_table), aliases_(aliases) {}

  TfUpdateMap run() {
    Context root{cfn_.root, "", std::nullopt, std::nullopt};
    if (const json* alias = alias_of("")) {  // the whole type is one property (aws_s3_bucket_logging)
      const Counterpart to = resolve(alias->at("cloudformation").get<std::string>(), "");
      root = inside(to);
    }
    walk(*tf_.root, "", root);
    for (const auto& [path, _] : aliases_.items())
      if (!used_.count(path))
        throw std::runtime_error(where(path) + ": no settable attribute of the provider schema");
    out_.entries = pruned(out_.entries);
    std::erase_if(out_.notes, [&](const auto& note) { return !out_.entries.count(note.first); });
    return std::move(out_);
  }

 private:
  // What a Terraform path maps to: a CloudFormation path (empty: none) and the struct below it.
  struct Counterpart {
    std::string path;
    const StructDef* below = nullptr;
  };

  // Where the members of a Terraform block are looked up.
  struct Context {
    const StructDef* cfn = nullptr;  // the counterpart's struct, to match names in
    std::string cfn_prefix;          // "Instances.CoreInstanceGroup."
    // The verdict of an enclosing attribute that an alias overrode.
    std::optional<UpdateBehavior> overridden;
    // The counterpart behaves the same throughout (no entry below it): so does whatever inside the
    // block has no name of its own there.
    std::optional<UpdateBehavior> uniform;
  };

  std::string where(const std::string& path) const { return "schemas/tf-aliases.json: " + tf_.type_name + "." + path; }

  const json* alias_of(const std::string& path) {
    auto alias = aliases_.find(path);
    if (alias == aliases_.end()) return nullptr;
    used_.insert(path);
    if (!alias->contains("why")) throw std::runtime_error(where(path) + ": every alias says why");
    return &*alias;
  }

  Context inside(const Counterpart& to) const {
    if (to.path.empty()) return {};
    const bool uniform = std::none_of(cfn_table_.begin(), cfn_table_.end(),
                                      [&](const auto& e) { return l1::detail::below(e.first, to.path); });
    return {to.below, to.path + ".", std::nullopt,
            uniform ? std::optional(lookup(cfn_table_, to.path, false)) : std::nullopt};
  }

  void walk(const StructDef& tf, const std::string& prefix, const Context& context) {
    for (const auto& m : tf.members) {
      if (!m.is_field()) continue;
      const std::string path = prefix + m.schema_name;
      const StructDef* tf_below = struct_below(m.node);
      Counterpart to;
      UpdateBehavior verdict = UpdateBehavior::Unknown;
      std::optional<UpdateBehavior> overridden = context.overridden;
      if (const json* alias = alias_of(path)) {
        if (alias->contains("cloudformation")) to = resolve(alias->at("cloudformation").get<std::string>(), path);
        if (alias->contains("update")) {
          verdict = parse_update(alias->at("update"), where(path));
          overridden = verdict;
          ++out_.overridden;
          out_.notes[path] = "override: " + alias->at("why").get<std::string>();
        } else {
          verdict = cfn_verdict(to.path, tf_below);
          ++out_.by_alias;
          out_.notes[path] = "alias " + to.path;
        }
      } else if (context.overridden) {
        verdict = *context.overridden;
        ++out_.overridden;
      } else if (prefix.empty() && (m.schema_name == "tags" || m.schema_name == "tags_all" || m.schema_name == "timeouts")) {
        // Tags update in place on every AWS resource type; timeouts are Terraform's own, never sent.
        verdict = UpdateBehavior::InPlace;
        ++out_.by_rule;
        out_.notes[path] = m.schema_name;
      } else if (const Member* match = matching(context.cfn, m.schema_name)) {
        to = {context.cfn_prefix + match->schema_name, struct_below(match->node)};
        verdict = cfn_verdict(to.path, tf_below);
        ++out_.by_name;
        out_.notes[path] = to.path;
      } else if (context.uniform) {
        verdict = *context.uniform;
        ++out_.inside;
        out_.notes[path] = "inside " + context.cfn_prefix.substr(0, context.cfn_prefix.size() - 1);
      } else {
        ++out_.unknown;
        out_.notes[path] = "no counterpart";
      }
      out_.entries[path] = verdict;
      if (!tf_below) continue;
      Context below;
      if (overridden) below.overridden = overridden;
      else if (!to.path.empty()) below = inside(to);
      else below.uniform = context.uniform;  // no counterpart of its own, inside a uniform block
      walk(*tf_below, path + ".", below);
    }
  }

  // A leaf changes as a whole, whatever it maps to; a block's own entry stands for the changes
  // inside it that no attribute below names.
  UpdateBehavior cfn_verdict(const std::string& cfn_path, const StructDef* tf_below) const {
    return lookup(cfn_table_, cfn_path, tf_below == nullptr);
  }

  // Read-only properties are never set, so they are no counterpart.
  template <class Same>
  static const Member* find_member(const StructDef& st, Same same) {
    auto it = std::find_if(st.members.begin(), st.members.end(), [&](const Member& c) { return !c.read_only && same(c); });
    return it == st.members.end() ? nullptr : &*it;
  }
  static const Member* member_named(const StructDef& st, const std::string& name) {
    return find_member(st, [&](const Member& c) { return c.schema_name == name; });
  }
  static const Member* matching(const StructDef* cfn, const std::string& tf_name) {
    const std::string name = normalized(tf_name);
    return cfn ? find_member(*cfn, [&](const Member& c) { return normalized(c.schema_name) == name; }) : nullptr;
  }

  Counterpart resolve(const std::string& cfn_path, const std::string& tf_path) const {
    const StructDef* st = cfn_.root;
    std::size_t start = 0;
    for (;;) {
      auto dot = cfn_path.find('.', start);
      auto segment = cfn_path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
      const Member* m = st ? member_named(*st, segment) : nullptr;
      if (!m) throw std::runtime_error(where(tf_path) + ": " + cfn_.type_name + " has no property " + cfn_path);
      if (dot == std::string::npos) return {cfn_path, struct_below(m->node)};
      st = struct_below(m->node);
      start = dot + 1;
    }
  }

  const Resource& tf_;
  const Resource& cfn_;
  const UpdateEntries& cfn_table_;
  const json& aliases_;
  std::set<std::string> used_;
  TfUpdateMap out_;
};

}  // namespace

TfUpdateMap map_tf_updates(const Resource& tf, const Resource& cfn, const UpdateEntries& cfn_table,
                           const nlohmann::json& aliases) {
  return TfMapper(tf, cfn, cfn_table, aliases).run();
}

}  // namespace drdb::codegen
