#include "cli/rule_args.hpp"

#include <CLI/CLI.hpp>

#include <fstream>
#include <ostream>

#include "drdb/core/error.hpp"

namespace drdb::cli {

void add_rule_options(CLI::App& command, RuleArgs& args) {
  command
      .add_option("--rules", args.rules,
                  "Level of rule findings that fails (error, warning, info) and/or rule packs to run "
                  "(s3, ec2, iam, emr, kms...), comma separated; none: run no rule")
      ->capture_default_str();
  command.add_option("--report", args.report_file,
                     "Write the rules report to this file: a table when it ends in .txt, JSON otherwise");
}

std::optional<rules::Options> rule_options(const RuleArgs& args) {
  auto options = rules::parse_options(args.rules);
  if (!options.enabled) return std::nullopt;
  return options;
}

void write_report(const RuleArgs& args, const rules::Report& report) {
  if (args.report_file.empty()) return;
  const bool table = args.report_file.ends_with(".txt");
  std::ofstream file(args.report_file, std::ios::binary | std::ios::trunc);
  file << (table ? report.table() : report.json());
  file.close();
  if (!file) throw Error(ErrorKind::Io, "--report: cannot write " + args.report_file);
}

void print_suppressed(const rules::Report& report, std::ostream& out) {
  for (const auto& s : report.suppressed)
    out << "suppressed " << s.finding.rule << " [" << s.finding.path << "] by " << s.suppressed_at << ": " << s.reason
        << '\n';
}

}  // namespace drdb::cli
