# The app drdb-synth runs when given no --app: examples/drdb/drdb.yaml, compiled in so an installed
# drdb-synth needs no source tree. Sets DRDB_BUNDLED_APP_SOURCE.
set(_spec ${PROJECT_SOURCE_DIR}/examples/drdb/drdb.yaml)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${_spec})
file(READ ${_spec} _content)
set(_out ${PROJECT_BINARY_DIR}/generated/tools/bundled_app.cpp)
file(WRITE ${_out}.tmp
"// generated from examples/drdb/drdb.yaml by cmake/DrdbBundledApp.cmake — do not edit
#include \"bundled_app.hpp\"

namespace drdb::synth_tool {

const char* const bundled_app_file = \"examples/drdb/drdb.yaml\";
const char* const bundled_app_spec = R\"drdb_spec(${_content})drdb_spec\";

}  // namespace drdb::synth_tool
")
file(COPY_FILE ${_out}.tmp ${_out} ONLY_IF_DIFFERENT)
file(REMOVE ${_out}.tmp)
set(DRDB_BUNDLED_APP_SOURCE ${_out})
