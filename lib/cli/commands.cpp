#include "cli/commands.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <ostream>

#include "cli/deploy_commands.hpp"
#include "cli/earlier_files.hpp"
#include "cli/formats.hpp"
#include "cli/retained_removals.hpp"
#include "cli/side_files.hpp"
#include "drdb/cli/run.hpp"
#include "drdb/core/error.hpp"
#include "drdb/core/resource.hpp"
#include "drdb/core/stack.hpp"
#include "drdb/io/output.hpp"
#include "drdb/render/synth.hpp"

namespace drdb::cli {
namespace {

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

// What each target deploys per stack: CloudFormation folds some model resources into others (a
// bucket's notifications) and Terraform splits some (a role's policies), so the counts differ.
struct TargetCounts {
  std::size_t cloudformation = 0;
  std::size_t terraform = 0;
};

std::map<std::string, TargetCounts> target_counts(const App& app) {
  SynthOptions options;
  options.formats = {Format::CloudFormationJson, Format::Terraform};
  std::map<std::string, TargetCounts> counts;
  for (const auto& doc : synthesize_app(app, options).documents) {
    const auto parsed = nlohmann::json::parse(doc.content);
    if (doc.format == Format::CloudFormationJson) {
      counts[doc.stack].cloudformation = parsed.value("Resources", nlohmann::json::object()).size();
    } else {
      const auto resources = parsed.value("resource", nlohmann::json::object());
      for (const auto& [type, named] : resources.items()) counts[doc.stack].terraform += named.size();
    }
  }
  return counts;
}

std::string plural(std::size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

// `--stack A --stack A` means A once.
std::vector<std::string> unique(const std::vector<std::string>& names) {
  std::vector<std::string> out;
  for (const auto& name : names)
    if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
  return out;
}

// Synthesizes in memory; the rules report is written (when asked) whether or not the app is valid.
Synthesis synthesize_reporting(const App& app, const SynthOptions& options, Diagnostics& warnings,
                               const RuleArgs& rule_args, rules::Report& report) {
  try {
    auto synthesis = synthesize_app(app, options, &warnings, &report);
    write_report(rule_args, report);
    return synthesis;
  } catch (const ValidationError&) {
    write_report(rule_args, report);
    throw;
  }
}

}  // namespace

int synth(const App& app, const SynthArgs& args, std::ostream& out, std::ostream& err) {
  if (args.out_dir.empty()) throw Error(ErrorKind::Usage, "--out: the output directory must not be empty");
  SynthOptions options;
  options.formats = parse_formats(args.formats);
  options.stacks = unique(args.stacks);  // an unknown stack name is a usage error from synthesize()
  options.rules = rule_options(args.rules);

  Diagnostics warnings;
  rules::Report report;
  Synthesis synthesis = synthesize_reporting(app, options, warnings, args.rules, report);
  const auto& documents = synthesis.documents;
  err << warnings.format();  // sorted by path
  const std::filesystem::path dir(args.out_dir);
  keep_retained(synthesis, dir, err);  // before anything is written over the earlier modules
  const EarlierFiles earlier = earlier_files(dir, options, err);
  const std::vector<AssetFile> files = side_files(app, options, synthesis, earlier.kept);  // assets, manifest.json
  const auto removed = write_documents(dir, documents, files, stale_files(earlier, documents, files));

  std::vector<std::string> stacks;
  for (const auto& doc : documents) {
    out << "wrote " << (dir / doc.path).generic_string() << '\n';
    if (std::find(stacks.begin(), stacks.end(), doc.stack) == stacks.end()) stacks.push_back(doc.stack);
  }
  for (const auto& file : files) out << "wrote " << (dir / file.path).generic_string() << '\n';
  for (const auto& path : removed) out << "removed " << (dir / path).generic_string() << '\n';
  out << "synthesized " << plural(stacks.size(), "stack");
  if (!stacks.empty()) out << " (" << joined(stacks) << ")";
  out << " to " << plural(documents.size() + files.size(), "file") << " in " << dir.generic_string() << '\n';
  print_deploy_commands(app, synthesis, files, dir, out);
  return exit_ok;
}

int validate(const App& app, const ValidateArgs& args, std::ostream& out, std::ostream& err) {
  SynthOptions options;
  options.stacks = unique(args.stacks);
  options.rules = rule_options(args.rules);
  Diagnostics warnings;
  rules::Report report;
  std::vector<Document> documents;
  try {
    documents = synthesize_reporting(app, options, warnings, args.rules, report).documents;
  } catch (const ValidationError& e) {
    print_suppressed(report, out);
    const auto& d = e.diagnostics();
    err << d.format() << "error: the app is invalid (" << plural(d.error_count(), "error") << ")\n";
    return exit_validation;
  }
  err << warnings.format();
  print_suppressed(report, out);
  std::vector<std::string> stacks;
  for (const auto& doc : documents)
    if (std::find(stacks.begin(), stacks.end(), doc.stack) == stacks.end()) stacks.push_back(doc.stack);
  out << "valid: " << plural(stacks.size(), "stack");
  if (!stacks.empty()) out << " (" << joined(stacks) << ")";
  out << ", " << plural(warnings.items().size(), "warning");
  if (options.rules)
    out << ", " << report.count(rules::Level::Info) << " info, " << report.suppressed.size() << " suppressed (rules fail on "
        << rules::level_name(report.fail_on) << ")\n";
  else
    out << " (rules not run)\n";
  return exit_ok;
}

int list(const App& app, std::ostream& out) {
  std::size_t width = 0;
  for (const Stack* s : app.stacks()) width = std::max(width, s->name().size());
  const auto counts = target_counts(app);
  for (const auto& deployment : deploy_order(app)) {
    const auto& name = deployment.stack;
    const auto& count = counts.at(name);
    out << name << std::string(width - name.size() + 2, ' ') << plural(count.cloudformation, "CloudFormation resource") << ", "
        << plural(count.terraform, "Terraform resource");
    if (!deployment.depends_on.empty()) out << "  after " << joined(deployment.depends_on);
    out << '\n';
  }
  return exit_ok;
}

}  // namespace drdb::cli
