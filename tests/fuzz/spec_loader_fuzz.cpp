// Fuzz target of the YAML spec loader (libFuzzer entry point; replay_main.cpp runs it without
// libFuzzer). An input is loaded as a spec; when it loads, the app is validated with the policy
// rules and rendered to every format in memory, and each rendered document must parse back.
//
// Normal outcomes: the app loads and renders, or a ValidationError carrying at least one error
// (what drdb-synth reports as an invalid app, exit 3). Anything else is a bug and aborts: another
// exception (validate throwing at all), an error without a diagnostic, a document that is not
// valid JSON or YAML, or a sanitizer report.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>
#include <typeinfo>

#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include "drdb/core/app.hpp"
#include "drdb/core/error.hpp"
#include "drdb/render/synth.hpp"
#include "drdb/spec/spec.hpp"

namespace {

// Relative asset paths resolve below this directory, which does not exist: an input never reads
// the machine's files (Linux does not resolve ".." through a missing directory).
constexpr std::string_view spec_file = "/nonexistent-drdb-fuzz/spec.yaml";

// Inputs skipped (not bugs): absolute asset paths, which would zip whatever they name (`asset: /`),
// and documents whose aliases expand beyond this many nodes (an alias is a reference to a node, so a
// few lines can denote billions of nodes; the loader walks the expanded tree, as any YAML reader does).
constexpr std::size_t max_expanded_nodes = 20000;

bool acceptable(const YAML::Node& node, std::size_t& budget) {
  if (budget == 0) return false;
  --budget;
  if (node.IsSequence()) {
    for (const auto& item : node)
      if (!acceptable(item, budget)) return false;
  } else if (node.IsMap()) {
    for (const auto& entry : node) {
      if (entry.first.IsScalar() && entry.first.Scalar() == "asset" && entry.second.IsScalar() &&
          entry.second.Scalar().starts_with('/'))
        return false;
      if (!acceptable(entry.first, budget) || !acceptable(entry.second, budget)) return false;
    }
  }
  return true;
}

bool acceptable(std::string_view text) {
  YAML::Node doc;
  try {
    doc = YAML::Load(std::string(text));
  } catch (const YAML::Exception&) {
    return true;  // the loader reports it
  }
  std::size_t budget = max_expanded_nodes;
  return acceptable(doc, budget);
}

[[noreturn]] void bug(std::string_view what, std::string_view detail) {
  std::fprintf(stderr, "drdb fuzz: %.*s\n%.*s\n", static_cast<int>(what.size()), what.data(),
               static_cast<int>(detail.size()), detail.data());
  std::abort();
}

void check_invalid(const drdb::ValidationError& e, std::string_view stage) {
  if (!e.diagnostics().has_errors()) bug(std::string(stage) + " threw a ValidationError without an error", e.what());
}

// Any exception but a ValidationError with errors in it is a bug.
void check_exception(std::exception_ptr error, std::string_view stage) {
  try {
    std::rethrow_exception(error);
  } catch (const drdb::ValidationError& e) {
    check_invalid(e, stage);
  } catch (const drdb::Error& e) {
    bug(std::string(stage) + " threw drdb::Error of kind " + std::to_string(static_cast<int>(e.kind())) +
            " instead of a ValidationError",
        e.what());
  } catch (const std::exception& e) {
    bug(std::string(stage) + " threw " + typeid(e).name(), e.what());
  } catch (...) {
    bug(std::string(stage) + " threw an unknown exception", "");
  }
}

void check_document(const drdb::Document& doc) {
  if (doc.format != drdb::Format::CloudFormationYaml) {
    if (!nlohmann::json::accept(doc.content)) bug(doc.path + " is not valid JSON", doc.content);
    return;
  }
  try {
    const YAML::Node parsed = YAML::Load(doc.content);
  } catch (const YAML::Exception& e) {
    bug(doc.path + " is not valid YAML: " + e.what(), doc.content);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (!acceptable(text)) return -1;  // not kept in the corpus

  drdb::App app;
  try {
    drdb::spec::load(text, spec_file, app);
  } catch (...) {
    check_exception(std::current_exception(), "spec::load");
    return 0;
  }

  // The policy rules through validate (which reports, never throws), then rendering without them:
  // a rule's error-level finding would otherwise stop most inputs before rendering.
  drdb::SynthOptions with_rules;
  with_rules.rules = drdb::rules::Options{};
  try {
    drdb::validate(app, with_rules);
  } catch (const std::exception& e) {
    bug(std::string("validate threw ") + typeid(e).name(), e.what());
  }
  drdb::Synthesis synthesis;
  try {
    synthesis = drdb::synthesize_app(app);  // every stack, every format
  } catch (...) {
    check_exception(std::current_exception(), "synthesize_app");
    return 0;
  }
  for (const auto& doc : synthesis.documents) check_document(doc);
  return 0;
}
