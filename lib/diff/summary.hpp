// Counts per stack and target, for the summary that heads the text and JSON output and for the gate.
#pragma once

#include <string>
#include <vector>

#include "drdb/diff/diff.hpp"

namespace drdb::diff::detail {

struct Counts {
  std::size_t added = 0, removed = 0, modified = 0;
  std::size_t replaced = 0;        // replacement yes
  std::size_t may_be_replaced = 0; // replacement maybe or unknown
  std::size_t retained = 0;        // old resources kept out of the stack (removed or replaced)
  std::size_t data_loss = 0;
  std::size_t unreadable = 0;      // files that do not parse
  std::size_t other_files = 0;     // files that are not templates (manifest, assets)
};

struct SummaryRow {
  std::string stack;   // empty for the app's own files
  std::string target;  // "CloudFormation", "CloudFormation YAML", "Terraform", or "files"
  Counts counts;
};

// One row per stack and target, in file order. A YAML template counts only for what its JSON twin
// does not already say.
std::vector<SummaryRow> summarize(const Diff& diff);

}  // namespace drdb::diff::detail
