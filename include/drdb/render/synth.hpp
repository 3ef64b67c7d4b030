// Synthesis: validate the whole app (every diagnostic at once), then render each stack to each
// requested format in memory. Nothing touches the disk here; see drdb/io/output.hpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "drdb/core/app.hpp"
#include "drdb/core/diagnostics.hpp"
#include "drdb/rules/check.hpp"

namespace drdb {

enum class Format { CloudFormationJson, CloudFormationYaml, Terraform };

// "cloudformation", "cloudformation-yaml", "terraform".
std::string_view format_name(Format f);
inline constexpr Format all_formats[] = {Format::CloudFormationJson, Format::CloudFormationYaml,
                                         Format::Terraform};

// One rendered file, its path relative to the output directory:
//   cloudformation/<Stack>.template.json, cloudformation/<Stack>.template.yaml,
//   terraform/<Stack>/main.tf.json
struct Document {
  std::string path;
  std::string content;
  std::string stack;
  Format format;
};

struct SynthOptions {
  std::vector<Format> formats{std::begin(all_formats), std::end(all_formats)};
  std::vector<std::string> stacks;  // empty: every stack
  // Policy rules run on the model before rendering (docs/RULES.md). None: they do not run here;
  // drdb::run (drdb-synth, every app's main) and testing::Findings run them with the defaults.
  std::optional<rules::Options> rules;
};

// A stack and the stacks it deploys after (sorted by name): those whose attributes it reads
// (cross-stack references), whose exports it imports (import_value of an Output of the app), and
// those it or its constructs depend on (add_dependency).
struct StackDeployment {
  std::string stack;
  std::vector<std::string> depends_on;
  // What deploying its CloudFormation template must acknowledge (--capabilities): CAPABILITY_IAM or
  // CAPABILITY_NAMED_IAM, or nothing. Filled by synthesis when it renders CloudFormation.
  std::vector<std::string> capabilities;
};

// What synthesis renders: the documents, and the synthesized stacks in deploy order (each after
// every stack it depends on, ties broken by name).
struct Synthesis {
  std::vector<Document> documents;
  std::vector<StackDeployment> stacks;
};

// Collects every problem of the model (construct checks, logical ids, references, cycles, schema
// constraints of what would be rendered) without throwing.
// The policy rules' findings are part of the diagnostics; their full report goes to `report` when given.
Diagnostics validate(const App& app, const SynthOptions& options = {}, rules::Report* report = nullptr);

// Validates, then renders. Throws ValidationError carrying all diagnostics, or Error (Usage) for
// an unknown stack name. Output is deterministic: same model, same bytes. Warnings (which do not
// stop synthesis) are added to `warnings` when given; the rules' report is written to `report` when
// given, also when synthesis then throws.
std::vector<Document> synthesize(const App& app, const SynthOptions& options = {}, Diagnostics* warnings = nullptr,
                                 rules::Report* report = nullptr);
// The same, with the deploy order (drdb-synth synth writes it to manifest.json).
Synthesis synthesize_app(const App& app, const SynthOptions& options = {}, Diagnostics* warnings = nullptr,
                         rules::Report* report = nullptr);

// The deploy order of the selected stacks without rendering anything (drdb-synth list). Throws
// ValidationError only when stacks depend on each other in a cycle; other problems are left to
// validate and synthesize.
std::vector<StackDeployment> deploy_order(const App& app, const SynthOptions& options = {});

}  // namespace drdb
