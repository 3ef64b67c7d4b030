// drdb::run: the command line of drdb-synth and of every user app. CLI11 parses; the subcommands
// live in commands.cpp; report.cpp maps exceptions to exit codes.
#include "drdb/cli/run.hpp"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>
#include <string>

#include "cli/commands.hpp"
#include "cli/formats.hpp"
#include "cli/report.hpp"
#include "drdb/version.hpp"

namespace drdb {
namespace {

std::string program_name(int argc, const char* const* argv) {
  if (argc < 1 || argv == nullptr || argv[0] == nullptr || *argv[0] == '\0') return "drdb-synth";
  return std::filesystem::path(argv[0]).filename().string();
}

const char* const exit_codes_help =
    "Exit codes: 0 ok, 2 bad command line, 3 invalid app (every problem is listed),\n"
    "            4 output not written (the output directory is unchanged), 70 bug in drdb.";

// Help and --version go to `out` with exit 0; a real parse error gets CLI11's message, a pointer to
// the right --help, and exit_usage whatever CLI11's own code is.
int report_parse_error(const CLI::App& cli, const CLI::ParseError& e, std::ostream& out, std::ostream& err) {
  if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) {
    cli.exit(e, out, err);
    return exit_ok;
  }
  std::string command = cli.get_name();
  for (const auto* sub : cli.get_subcommands()) command += " " + sub->get_name();
  err << cli.get_name() << ": " << e.what() << "\nRun '" << command << " --help' for usage.\n";
  return exit_usage;
}

int run_cli(const App& app, int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  CLI::App cli{"Synthesizes CloudFormation templates and Terraform configurations from a drdb app.",
               program_name(argc, argv)};
  cli.set_version_flag("--version", cli.get_name() + " (drdb) " + DRDB_VERSION);
  cli.require_subcommand(1);
  cli.footer(exit_codes_help);

  cli::SynthArgs synth_args;
  auto* synth = cli.add_subcommand("synth", "Validate the app, then write its templates (all files or none)");
  synth->add_option("-f,--format", synth_args.formats, "Output format; repeatable or comma separated")
      ->delimiter(',')
      ->allow_extra_args(false)
      ->check(CLI::IsMember(cli::format_choices()))
      ->default_str("all");
  synth->add_option("-o,--out", synth_args.out_dir, "Output directory")->capture_default_str();
  synth->add_option("-s,--stack", synth_args.stacks, "Only this stack; repeatable (default: every stack)")
      ->allow_extra_args(false);

  auto* list = cli.add_subcommand("list", "List the app's stacks with their resource counts");

  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return report_parse_error(cli, e, out, err);
  }
  if (synth->parsed()) return cli::synth(app, synth_args, out, err);
  if (list->parsed()) return cli::list(app, out);
  return exit_internal;  // require_subcommand(1) makes this unreachable
}

}  // namespace

int run(const App& app, int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  try {
    const int code = run_cli(app, argc, argv, out, err);
    out.flush();
    return code;
  } catch (...) {
    return cli::report_exception(std::current_exception(), err);
  }
}

int run(const App& app, int argc, const char* const* argv) { return run(app, argc, argv, std::cout, std::cerr); }

int run(int argc, const char* const* argv, const std::function<void(App&)>& build, std::ostream& out,
        std::ostream& err) {
  App app;
  try {
    build(app);
  } catch (...) {
    return cli::report_exception(std::current_exception(), err);
  }
  return run(app, argc, argv, out, err);
}

int run(int argc, const char* const* argv, const std::function<void(App&)>& build) {
  return run(argc, argv, build, std::cout, std::cerr);
}

}  // namespace drdb
