#include "cli/commands.hpp"

#include <algorithm>
#include <filesystem>
#include <ostream>

#include "cli/formats.hpp"
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

std::size_t resource_count(const Stack& stack) {
  std::size_t n = 0;
  walk(stack, [&](const Construct& c) { n += dynamic_cast<const Resource*>(&c) != nullptr ? 1 : 0; });
  return n;
}

std::string plural(std::size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

}  // namespace

int synth(const App& app, const SynthArgs& args, std::ostream& out, std::ostream& err) {
  if (args.out_dir.empty()) throw Error(ErrorKind::Usage, "--out: the output directory must not be empty");
  SynthOptions options;
  options.formats = parse_formats(args.formats);
  for (const auto& name : args.stacks) {  // `--stack A --stack A` means A once
    if (std::find(options.stacks.begin(), options.stacks.end(), name) == options.stacks.end()) {
      options.stacks.push_back(name);
    }
  }
  // An unknown stack name is a usage error from validate().

  Diagnostics warnings;
  const std::vector<Document> documents = synthesize(app, options, &warnings);
  err << warnings.format();  // sorted by path
  const std::filesystem::path dir(args.out_dir);
  write_documents(dir, documents);

  std::vector<std::string> stacks;
  for (const auto& doc : documents) {
    out << "wrote " << (dir / doc.path).generic_string() << '\n';
    if (std::find(stacks.begin(), stacks.end(), doc.stack) == stacks.end()) stacks.push_back(doc.stack);
  }
  out << "synthesized " << plural(stacks.size(), "stack");
  if (!stacks.empty()) out << " (" << joined(stacks) << ")";
  out << " to " << plural(documents.size(), "file") << " in " << dir.generic_string() << '\n';
  return exit_ok;
}

int list(const App& app, std::ostream& out) {
  std::size_t width = 0;
  for (const Stack* s : app.stacks()) width = std::max(width, s->name().size());
  for (const Stack* s : app.stacks()) {
    out << s->name() << std::string(width - s->name().size() + 2, ' ') << plural(resource_count(*s), "resource")
        << '\n';
  }
  return exit_ok;
}

}  // namespace drdb::cli
