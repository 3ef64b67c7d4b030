// The app spec compiled into drdb-synth (cmake/DrdbBundledApp.cmake).
#pragma once

namespace drdb::synth_tool {

extern const char* const bundled_app_file;  // where it comes from, for messages
extern const char* const bundled_app_spec;  // its text

}  // namespace drdb::synth_tool
