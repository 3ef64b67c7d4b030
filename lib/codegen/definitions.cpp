#include "definitions.hpp"

#include "cpp_text.hpp"

namespace drdb::codegen {
namespace {

std::string puts_text(const StructDef& st) {
  std::string out;
  for (const auto& m : st.members)
    if (m.is_field()) out += "out.put(" + string_literal(m.schema_name) + ", " + m.cpp_name + ");\n";
  return out;
}

void define(const StructDef& st, ShapeTable& table, const Template& tpl, std::string& out) {
  out += tpl.render({
      {"qualified", st.qualified()},
      {"puts", puts_text(st)},
      {"writer_arguments", st.emit_all_keys ? "(ObjectWriter::Unset::Null)" : ""},
      {"shape", std::to_string(table.add(st))},
  });
  for (const StructDef* nested : st.nested) define(*nested, table, tpl, out);
}

}  // namespace

std::string define_resource(const Resource& r, ShapeTable& table, const Template& functions_template) {
  std::string out;
  define(*r.root, table, functions_template, out);
  return out;
}

}  // namespace drdb::codegen
