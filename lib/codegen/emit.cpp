#include "emit.hpp"

#include <set>

#include "cpp_text.hpp"
#include "declarations.hpp"
#include "definitions.hpp"
#include "shape_table.hpp"

namespace drdb::codegen {
namespace {

std::string joined(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : std::string(separator)) + item;
  return out;
}

std::string include_line(const std::string& header) { return "#include \"" + header + "\""; }

void emit_header(const Target& target, const Service& service, const Templates& t, OutputTree& out) {
  std::vector<std::string> structs, type_names;
  for (const auto& r : service.resources) {
    structs.push_back(declare_resource(r, t.structure));
    type_names.push_back(r.type_name);
  }
  out.write("include/" + target.header_path(service),
            t.header.render({{"sources", joined(service.schema_files, ", ")},
                             {"title", joined(type_names, ", ")},
                             {"namespace", target.service_namespace(service)},
                             {"structs", joined(structs, "\n")}}));
}

// One source per service, for both targets: one compiler run, one Shape table.
void emit_source(const std::string& service_name, const std::vector<const Target*>& targets, const Templates& t,
                 OutputTree& out) {
  ShapeTable table;
  std::vector<std::string> includes, namespaces, sources, entries;
  for (const Target* target : targets) {
    auto it = target->services.find(service_name);
    if (it == target->services.end()) continue;
    const Service& service = it->second;
    std::string definitions;
    std::map<std::string, std::size_t> shapes;  // type name -> index in S, sorted
    for (const auto& r : service.resources) {
      definitions += define_resource(r, table, t.functions);
      shapes[r.type_name] = table.add(*r.root);
    }
    std::string entry_lines;
    for (const auto& [type, index] : shapes)
      entry_lines.append("{").append(string_literal(type)).append(", &S[").append(std::to_string(index)).append("]},\n");
    entries.push_back(t.entries.render(
        {{"target", target->dir}, {"function", target->entries_function(service_name)}, {"entries", entry_lines}}));
    includes.push_back(include_line(target->header_path(service)));
    namespaces.push_back(t.namespace_block.render({{"namespace", target->service_namespace(service)},
                                                   {"definitions", definitions}}));
    sources.insert(sources.end(), service.schema_files.begin(), service.schema_files.end());
  }
  out.write("lib/l1/" + service_name + ".cpp",
            t.source.render({{"sources", joined(sources, ", ")},
                             {"service", service_name},
                             {"includes", joined(includes, "\n")},
                             {"shapes", table.render()},
                             {"entries", joined(entries, "\n")},
                             {"namespaces", joined(namespaces, "\n")}}));
}

void emit_umbrella(const Target& target, const Templates& t, OutputTree& out) {
  std::vector<std::string> includes;
  for (const auto& [name, service] : target.services) includes.push_back(include_line(target.header_path(service)));
  out.write("include/" + target.umbrella_path(),
            t.umbrella.render({{"title", target.title}, {"includes", joined(includes, "\n")}}));
}

// The registry gathers the shape lists of the generated sources: it includes none of the headers.
void emit_registry(const std::vector<const Target*>& targets, const Templates& t, OutputTree& out) {
  std::string declarations;
  std::vector<std::string> blocks;
  for (const Target* target : targets) {
    std::string parts;
    for (const auto& [name, service] : target->services) {
      auto function = target->entries_function(name);
      declarations += "std::span<const ShapeEntry> " + function + "();\n";
      parts += "detail::" + function + "(),\n";
    }
    blocks.push_back(t.registry_target.render(
        {{"registry", target->registry_function()}, {"parts", parts}, {"namespace", target->base_namespace()}}));
  }
  out.write("lib/l1/registry.cpp", t.registry.render({{"declarations", declarations}, {"targets", joined(blocks, "\n")}}));
}

}  // namespace

void emit(const std::vector<const Target*>& targets, const Templates& t, OutputTree& out) {
  std::set<std::string> services;
  for (const Target* target : targets) {
    for (const auto& [name, service] : target->services) {
      emit_header(*target, service, t, out);
      services.insert(name);
    }
    emit_umbrella(*target, t, out);
  }
  for (const auto& name : services) emit_source(name, targets, t, out);
  emit_registry(targets, t, out);
}

}  // namespace drdb::codegen
