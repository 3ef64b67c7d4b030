#include "diff/summary.hpp"

#include <algorithm>

#include "diff/documents.hpp"

namespace drdb::diff::detail {
namespace {

std::string target_of(const FileDiff& f) {
  switch (kind_of(f.file)) {
    case Kind::CfnJson: return "CloudFormation";
    case Kind::CfnYaml: return "CloudFormation YAML";
    case Kind::Terraform: return "Terraform";
    default: return "files";
  }
}

void count(const FileDiff& f, Counts& c) {
  if (!f.error.empty()) ++c.unreadable;
  if (!is_template(kind_of(f.file))) ++c.other_files;
  for (const auto& r : f.resources) {
    (r.change == Change::Added ? c.added : r.change == Change::Removed ? c.removed : c.modified) += 1;
    if (r.change == Change::Modified && r.replacement == Replacement::Yes) ++c.replaced;
    if (r.change == Change::Modified && (r.replacement == Replacement::Maybe || r.replacement == Replacement::Unknown))
      ++c.may_be_replaced;
    if (r.old_resource == OldResource::Retained) ++c.retained;
    if (r.data_loss) ++c.data_loss;
  }
}

}  // namespace

std::vector<SummaryRow> summarize(const Diff& diff) {
  std::vector<SummaryRow> rows;
  for (const auto& f : diff.files) {
    if (!f.same_as.empty()) continue;
    const auto stack = stack_of(f.file);
    const auto target = target_of(f);
    auto row = std::find_if(rows.begin(), rows.end(), [&](const auto& r) { return r.stack == stack && r.target == target; });
    if (row == rows.end()) row = rows.insert(rows.end(), {stack, target, {}});
    count(f, row->counts);
  }
  return rows;
}

}  // namespace drdb::diff::detail
