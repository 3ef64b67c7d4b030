// The app spec compiled into drdb-synth, with the files it names (cmake/DrdbBundledApp.cmake).
#pragma once

#include "drdb/spec/spec.hpp"

namespace drdb::synth_tool {

extern const char* const bundled_app_file;  // where it comes from, for messages
extern const char* const bundled_app_spec;  // its text
const spec::EmbeddedFiles& bundled_app_files();  // its job scripts, by the path the spec writes

}  // namespace drdb::synth_tool
