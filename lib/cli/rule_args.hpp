// --rules and --report, shared by `synth` and `validate`.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>

#include "drdb/rules/check.hpp"

namespace CLI {
class App;
}

namespace drdb::cli {

struct RuleArgs {
  std::string rules = "error";  // a level to fail on and/or packs, comma separated; "none": no rules
  std::string report_file;      // empty: no report file
};

void add_rule_options(CLI::App& command, RuleArgs& args);

// The rules' options for SynthOptions::rules (none for "none"). Throws Error (Usage).
std::optional<rules::Options> rule_options(const RuleArgs& args);

// Writes the report when --report was given: a table when FILE ends in .txt, JSON otherwise.
// Throws Error (Io) when the file cannot be written.
void write_report(const RuleArgs& args, const rules::Report& report);

// "suppressed S3.4 [App/S/Logs] by App/S/Logs: <reason>", one line per suppressed finding.
void print_suppressed(const rules::Report& report, std::ostream& out);

}  // namespace drdb::cli
