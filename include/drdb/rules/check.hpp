// Running the rules over an app: which packs, which level fails, and the report (findings,
// suppressed findings, every suppression with its reason and how often it was used).
#pragma once

#include <string>
#include <vector>

#include "drdb/core/diagnostics.hpp"
#include "drdb/rules/rule.hpp"

namespace drdb {
class Stack;
}

namespace drdb::rules {

struct Options {
  // Findings at this level or above are errors that stop synthesis; warnings below it are printed
  // as warnings; info findings appear in the report only.
  Level fail_on = Level::Error;
  std::vector<std::string> packs;  // empty: every pack ("s3", "ec2", "iam", "emr", ...)
  bool enabled = true;             // false: no rule runs (model checks still do)
};

// "error", "warning,s3,emr", "info": a level to fail on and/or pack names, comma separated (spaces
// ignored). Throws Error (Usage) naming the valid values for anything else.
Options parse_options(std::string_view spec);

struct SuppressedFinding {
  Finding finding;
  std::string suppressed_at;  // the construct carrying the suppression (the finding's or an ancestor)
  std::string reason;
};

struct SuppressionUse {
  std::string path;  // where it was declared
  std::string rule;
  std::string reason;
  std::size_t uses = 0;  // findings it silenced
};

struct Report {
  Level fail_on = Level::Error;
  std::vector<std::string> packs;          // the packs that ran
  std::vector<Finding> findings;           // not suppressed; sorted by path, then rule
  std::vector<SuppressedFinding> suppressed;
  std::vector<SuppressionUse> suppressions;  // every suppression in the checked stacks, by path

  std::size_t count(Level level) const;
  // A finding at or above fail_on.
  bool fails() const;
  // Findings at or above fail_on as errors, other warnings as warnings; info stays in the report.
  void add_to(Diagnostics& out) const;

  // The report as a JSON document (see docs/RULES.md, "Report").
  std::string json() const;
  // The same as a table for people: one block per finding, then suppressions.
  std::string table() const;
};

// Runs `registry`'s rules over every construct of `stacks` (and applies suppressions declared on
// them, their ancestors and their descendants).
Report check(const std::vector<const Stack*>& stacks, const Options& options, const Registry& registry = builtin());

}  // namespace drdb::rules
