# The app drdb-synth runs when given no --app: examples/drdb/drdb.yaml, compiled in so an installed
# drdb-synth needs no source tree, with the job scripts it deploys (examples/drdb/jobs/, named as
# the spec writes their paths). Sets DRDB_BUNDLED_APP_SOURCE.
set(_spec ${PROJECT_SOURCE_DIR}/examples/drdb/drdb.yaml)
file(GLOB _jobs RELATIVE ${PROJECT_SOURCE_DIR}/examples/drdb CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/examples/drdb/jobs/*)
list(SORT _jobs)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${_spec})
file(READ ${_spec} _content)
set(_files "")
foreach(_job IN LISTS _jobs)
  if(IS_DIRECTORY ${PROJECT_SOURCE_DIR}/examples/drdb/${_job})  # __pycache__ of a local run
    continue()
  endif()
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/examples/drdb/${_job})
  file(READ ${PROJECT_SOURCE_DIR}/examples/drdb/${_job} _job_content)
  string(FIND "${_job_content}" ")drdb_file\"" _clash)
  if(NOT _clash EQUAL -1)
    message(FATAL_ERROR "examples/drdb/${_job} contains the raw string delimiter )drdb_file\"")
  endif()
  string(APPEND _files "      {\"${_job}\", R\"drdb_file(${_job_content})drdb_file\"},\n")
endforeach()
set(_out ${PROJECT_BINARY_DIR}/generated/tools/bundled_app.cpp)
file(WRITE ${_out}.tmp
"// generated from examples/drdb/ by cmake/DrdbBundledApp.cmake — do not edit
#include \"bundled_app.hpp\"

namespace drdb::synth_tool {

const char* const bundled_app_file = \"examples/drdb/drdb.yaml\";
const char* const bundled_app_spec = R\"drdb_spec(${_content})drdb_spec\";

const spec::EmbeddedFiles& bundled_app_files() {
  static const spec::EmbeddedFiles files{
${_files}  };
  return files;
}

}  // namespace drdb::synth_tool
")
file(COPY_FILE ${_out}.tmp ${_out} ONLY_IF_DIFFERENT)
file(REMOVE ${_out}.tmp)
set(DRDB_BUNDLED_APP_SOURCE ${_out})
