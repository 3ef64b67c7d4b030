// The diff as JSON for programs: every field of the structures in drdb/diff/diff.hpp.
#include <nlohmann/json.hpp>

#include "diff/summary.hpp"
#include "diff/words.hpp"
#include "drdb/diff/diff.hpp"

namespace drdb::diff {
namespace {

using nlohmann::json;
using detail::word;

json values_json(const std::vector<ValueChange>& values) {
  auto out = json::array();
  for (const auto& v : values) {
    json j{{"path", v.path}, {"change", word(v.change)}};
    if (!v.before.empty()) j["before"] = json::parse(v.before);
    if (!v.after.empty()) j["after"] = json::parse(v.after);
    out.push_back(std::move(j));
  }
  return out;
}

json resource_json(const ResourceDiff& r) {
  auto causes = json::array();
  for (const auto& c : r.caused_by) causes.push_back({{"resource", c.resource}, {"property", c.property}});
  json j{{"id", r.id},           {"type", r.type},           {"change", word(r.change)},
         {"replacement", word(r.replacement)}, {"replaced_by", r.replaced_by}, {"caused_by", causes},
         {"data_loss", r.data_loss}, {"values", values_json(r.values)}};
  if (r.old_resource != OldResource::None) j["old_resource"] = word(r.old_resource);
  return j;
}

json statements_json(const std::vector<StatementChange>& statements) {
  auto out = json::array();
  for (const auto& s : statements)
    out.push_back({{"change", word(s.change)}, {"resource", s.resource}, {"effect", s.effect}, {"actions", s.actions},
                   {"resources", s.resources}, {"principal", s.principal}, {"condition", s.condition}});
  return out;
}

json rules_json(const std::vector<RuleChange>& rules) {
  auto out = json::array();
  for (const auto& r : rules)
    out.push_back({{"change", word(r.change)}, {"group", r.group}, {"direction", r.direction}, {"protocol", r.protocol},
                   {"ports", r.ports}, {"peer", r.peer}, {"description", r.description}});
  return out;
}

json summary_json(const Diff& diff) {
  auto out = json::array();
  for (const auto& row : detail::summarize(diff)) {
    const auto& c = row.counts;
    out.push_back({{"stack", row.stack}, {"target", row.target}, {"added", c.added}, {"removed", c.removed},
                   {"modified", c.modified}, {"replaced", c.replaced}, {"may_be_replaced", c.may_be_replaced},
                   {"retained", c.retained}, {"data_loss", c.data_loss}, {"unreadable", c.unreadable},
                   {"other_files", c.other_files}});
  }
  return out;
}

}  // namespace

std::string to_json(const Diff& diff) {
  auto files = json::array();
  for (const auto& f : diff.files) {
    auto resources = json::array();
    for (const auto& r : f.resources) resources.push_back(resource_json(r));
    json j{{"file", f.file},
           {"change", word(f.change)},
           {"resources", resources},
           {"sections", values_json(f.sections)},
           {"iam_statements", statements_json(f.statements)},
           {"security_group_rules", rules_json(f.rules)}};
    if (!f.error.empty()) j["error"] = f.error;
    if (!f.same_as.empty()) j["same_as"] = f.same_as;
    files.push_back(std::move(j));
  }
  return json{{"equal", diff.empty()}, {"summary", summary_json(diff)}, {"files", files}}.dump(2) + "\n";
}

}  // namespace drdb::diff
