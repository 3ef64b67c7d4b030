# The templates of `drdb-synth init` (templates/init/<kind>/...), compiled into the library so an
# installed drdb-synth needs no source tree. Sets DRDB_INIT_TEMPLATES_SOURCE.
file(GLOB_RECURSE _init_files CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/templates/init/*)
list(SORT _init_files)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${_init_files})
set(_entries "")
foreach(_file IN LISTS _init_files)
  file(RELATIVE_PATH _rel ${PROJECT_SOURCE_DIR}/templates/init ${_file})
  file(READ ${_file} _content)
  string(APPEND _entries "    {\"${_rel}\", R\"drdb_template(${_content})drdb_template\"},\n")
endforeach()
set(_out ${PROJECT_BINARY_DIR}/generated/lib/init_templates.cpp)
file(WRITE ${_out}.tmp
"// generated from templates/init by cmake/DrdbInitTemplates.cmake — do not edit
#include \"cli/init_templates.hpp\"

namespace drdb::cli::detail {

std::span<const TemplateFile> init_templates() {
  static constexpr TemplateFile files[] = {
${_entries}  };
  return files;
}

}  // namespace drdb::cli::detail
")
file(COPY_FILE ${_out}.tmp ${_out} ONLY_IF_DIFFERENT)
file(REMOVE ${_out}.tmp)
set(DRDB_INIT_TEMPLATES_SOURCE ${_out})
