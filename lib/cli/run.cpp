// drdb::run: the command line of drdb-synth and of every user app. CLI11 parses; the subcommands
// live in commands.cpp; report.cpp maps exceptions to exit codes.
#include "drdb/cli/run.hpp"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cli/commands.hpp"
#include "cli/diff_command.hpp"
#include "cli/graph_command.hpp"
#include "cli/init_command.hpp"
#include "cli/formats.hpp"
#include "cli/report.hpp"
#include "drdb/spec/spec.hpp"
#include "drdb/version.hpp"
#include "l1/suggest.hpp"

namespace drdb {
namespace {

std::string program_name(int argc, const char* const* argv) {
  if (argc < 1 || argv == nullptr || argv[0] == nullptr || *argv[0] == '\0') return "drdb-synth";
  return std::filesystem::path(argv[0]).filename().string();
}

const char* const exit_codes_help =
    "Exit codes: 0 ok (diff: no differences --fail-on counts), 1 diff found differences it counts,\n"
    "            2 bad command line,\n"
    "            3 invalid app (every problem is listed),\n"
    "            4 output not written (the output directory is unchanged), 70 bug in drdb.";

// The word given where the command belongs when it names none (`drdb-synth synthesize`), else none.
std::optional<std::string> unknown_command(const CLI::App& cli) {
  if (!cli.get_subcommands().empty()) return std::nullopt;
  const auto rest = cli.remaining();
  if (rest.empty() || rest.front().starts_with("-")) return std::nullopt;
  return rest.front();
}

// "did you mean synth?" for a near or longer spelling of a command, else the list of commands.
std::string command_hint(const CLI::App& cli, const std::string& word) {
  std::vector<std::string> names;
  for (const auto* sub : cli.get_subcommands({})) names.push_back(sub->get_name());
  for (const auto& name : names)
    if (!word.empty() && (word.starts_with(name) || name.starts_with(word))) return "did you mean \"" + name + "\"?";
  const std::vector<std::string_view> views(names.begin(), names.end());
  const auto near = word.empty() ? std::nullopt : l1::closest(word, std::span<const std::string_view>(views), [](std::string_view v) { return v; });
  if (near)
    return "did you mean \"" + std::string(*near) + "\"?";
  std::string list;
  for (const auto& name : names) list += (list.empty() ? "" : ", ") + name;
  return "the commands are " + list;
}

// Help and --version go to `out` with exit 0; a real parse error gets CLI11's message, a pointer to
// the right --help, and exit_usage whatever CLI11's own code is.
int report_parse_error(const CLI::App& cli, const CLI::ParseError& e, std::ostream& out, std::ostream& err) {
  if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) {
    cli.exit(e, out, err);
    return exit_ok;
  }
  std::string command = cli.get_name();
  for (const auto* sub : cli.get_subcommands()) command += " " + sub->get_name();
  const auto rest = cli.get_subcommands().empty() ? cli.remaining() : std::vector<std::string>{};
  if (const auto word = unknown_command(cli))
    err << cli.get_name() << ": \"" << *word << "\" is not a command — " << command_hint(cli, *word) << "\n";
  else if (!rest.empty())
    err << cli.get_name() << ": unknown option " << rest.front() << "\n";
  else if (cli.get_subcommands().empty())
    err << cli.get_name() << ": give a command — " << command_hint(cli, "") << "\n";
  else
    err << cli.get_name() << ": " << e.what() << "\n";
  err << "Run '" << command << " --help' for usage.\n";
  return exit_usage;
}

// The program's own app, built on first use (commands such as init need none).
using AppProvider = std::function<const App&()>;

int run_cli(const AppProvider& own_app, int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  CLI::App cli{"Synthesizes CloudFormation templates and Terraform configurations from a drdb app.",
               program_name(argc, argv)};
  cli.set_version_flag("--version", cli.get_name() + " (drdb) " + DRDB_VERSION);
  cli.require_subcommand(1);
  cli.footer(exit_codes_help);
  std::string spec_file;
  cli.add_option("-a,--app", spec_file, "Use the app this YAML spec declares instead of the program's own (before the command)");

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
  cli::add_rule_options(*synth, synth_args.rules);

  cli::ValidateArgs validate_args;
  auto* validate = cli.add_subcommand(
      "validate", "Run every check synth runs (model, policy rules, limits) and write nothing but --report");
  validate->add_option("-s,--stack", validate_args.stacks, "Only this stack; repeatable (default: every stack)")
      ->allow_extra_args(false);
  cli::add_rule_options(*validate, validate_args.rules);

  auto* list = cli.add_subcommand(
      "list", "List the app's stacks in deploy order, with what each target deploys of them and the stacks each deploys after");

  cli::DiffArgs diff_args;
  auto* diff = cli.add_subcommand(
      "diff", "Compare a fresh synth with a committed output directory (DIR), or two directories (BEFORE AFTER); "
              "exit 1 when they differ");
  diff->add_option("dirs", diff_args.dirs, "DIR, or BEFORE AFTER")->required()->expected(1, 2);
  diff->add_option("-f,--format", diff_args.formats, "Formats of the fresh synth; repeatable or comma separated")
      ->delimiter(',')
      ->allow_extra_args(false)
      ->check(CLI::IsMember(cli::format_choices()))
      ->default_str("all");
  diff->add_option("-s,--stack", diff_args.stacks, "Stacks of the fresh synth; repeatable (default: every stack)")
      ->allow_extra_args(false);
  diff->add_option("--ignore", diff_args.ignore,
                   "Do not compare the files this glob matches (relative to the output directory; * stays within "
                   "a directory, ** does not); repeatable")
      ->allow_extra_args(false);
  diff->add_flag("--json", diff_args.json, "Print the differences as JSON");
  diff->add_option("--fail-on", diff_args.fail_on,
                   "What makes the exit status 1: any difference; replacement (a resource replaced, possibly "
                   "replaced or removed, or a data-loss risk); data-loss (a stateful resource deleted with its data). "
                   "A file that does not parse fails every level")
      ->check(CLI::IsMember({"any", "replacement", "data-loss"}))
      ->default_str("any");

  cli::GraphArgs graph_args;
  auto* graph = cli.add_subcommand(
      "graph", "Draw each stack's resources and references, and each state machine (Mermaid or Graphviz DOT)");
  graph->add_option("--style", graph_args.style, "mermaid or dot")
      ->check(CLI::IsMember({"mermaid", "dot"}))
      ->capture_default_str();
  graph->add_option("-o,--out", graph_args.out_dir, "Write one file per picture here (default: print them)");
  graph->add_option("-s,--stack", graph_args.stacks, "Only this stack; repeatable (default: every stack)")
      ->allow_extra_args(false);

  cli::InitArgs init_args;
  auto* init = cli.add_subcommand("init", "Scaffold a new drdb app: a C++ program with a CMake project that finds drdb (--kind cpp), or an app spec (--kind spec)");
  init->add_option("dir", init_args.dir, "Directory to create")->required();
  init->add_option("--name", init_args.name, "Program and project name (default: the directory's name)");
  init->add_option("--kind", init_args.kind, "What to scaffold")->check(CLI::IsMember({"cpp", "spec"}))->capture_default_str();
  init->add_option("--stack", init_args.stack, "Name of the first stack")->capture_default_str();
  init->add_option("--region", init_args.region, "Default region of the stack")->capture_default_str();

  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return report_parse_error(cli, e, out, err);
  }
  App spec_app;
  const auto app = [&]() -> const App& {
    if (spec_file.empty()) return own_app();
    spec::load_file(spec_file, spec_app);
    return spec_app;
  };
  if (synth->parsed()) return cli::synth(app(), synth_args, out, err);
  if (validate->parsed()) return cli::validate(app(), validate_args, out, err);
  if (list->parsed()) return cli::list(app(), out);
  if (diff->parsed()) return cli::diff(app, diff_args, out, err);
  if (graph->parsed()) return cli::graph(app(), graph_args, out, err);
  if (init->parsed()) return cli::init(init_args, out);
  return exit_internal;  // require_subcommand(1) makes this unreachable
}

}  // namespace

int run(const App& app, int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  try {
    const int code = run_cli([&]() -> const App& { return app; }, argc, argv, out, err);
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
  bool built = false;
  const AppProvider own_app = [&]() -> const App& {
    if (!built) {
      built = true;
      build(app);
    }
    return app;
  };
  try {
    const int code = run_cli(own_app, argc, argv, out, err);
    out.flush();
    return code;
  } catch (...) {
    return cli::report_exception(std::current_exception(), err);
  }
}

int run(int argc, const char* const* argv, const std::function<void(App&)>& build) {
  return run(argc, argv, build, std::cout, std::cerr);
}

}  // namespace drdb
