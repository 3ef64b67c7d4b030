// Synthesis: validate the whole app (every diagnostic at once), then render each stack to each
// requested format in memory. Nothing touches the disk here; see drdb/io/output.hpp.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "drdb/core/app.hpp"
#include "drdb/core/diagnostics.hpp"

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
};

// Collects every problem of the model (construct checks, logical ids, references, cycles, schema
// constraints of what would be rendered) without throwing.
Diagnostics validate(const App& app, const SynthOptions& options = {});

// Validates, then renders. Throws ValidationError carrying all diagnostics, or Error (Usage) for
// an unknown stack name. Output is deterministic: same model, same bytes. Warnings (which do not
// stop synthesis) are added to `warnings` when given.
std::vector<Document> synthesize(const App& app, const SynthOptions& options = {}, Diagnostics* warnings = nullptr);

}  // namespace drdb
