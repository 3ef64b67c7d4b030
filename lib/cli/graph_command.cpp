#include "cli/graph_command.hpp"

#include <ostream>

#include "drdb/cli/run.hpp"
#include "drdb/core/error.hpp"
#include "drdb/graph/graph.hpp"
#include "drdb/io/output.hpp"
#include "drdb/render/synth.hpp"

namespace drdb::cli {

int graph(const App& app, const GraphArgs& args, std::ostream& out, std::ostream& err) {
  const auto style = args.style == "dot" ? graph::Style::Dot : graph::Style::Mermaid;
  SynthOptions options;
  options.formats = {Format::CloudFormationJson};
  options.stacks = args.stacks;
  Diagnostics warnings;
  const auto synthesis = synthesize_app(app, options, &warnings);
  err << warnings.format();

  const char* extension = style == graph::Style::Dot ? ".dot" : ".mmd";
  graph::Exports exports;
  for (const auto& doc : synthesis.documents) graph::add_exports(doc.stack, doc.content, exports);
  std::vector<AssetFile> files;
  if (synthesis.stacks.size() > 1) {  // how the stacks depend on each other
    std::vector<std::pair<std::string, std::vector<std::string>>> order;
    for (const auto& s : synthesis.stacks) order.emplace_back(s.stack, s.depends_on);
    auto picture = graph::draw_stacks(order, style);
    files.push_back({picture.name + extension, std::move(picture.text)});
  }
  for (const auto& doc : synthesis.documents)
    for (auto& picture : graph::draw(doc.stack, doc.content, style, exports))
      files.push_back({picture.name + extension, std::move(picture.text)});
  if (args.out_dir.empty()) {
    for (const auto& f : files) out << (style == graph::Style::Dot ? "// " : "%% ") << f.path << '\n' << f.content;
    return exit_ok;
  }
  write_documents(args.out_dir, {}, files);
  for (const auto& f : files) out << "wrote " << (std::filesystem::path(args.out_dir) / f.path).generic_string() << '\n';
  return exit_ok;
}

}  // namespace drdb::cli
