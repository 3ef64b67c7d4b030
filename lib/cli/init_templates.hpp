// The files `init` scaffolds from, compiled in (cmake/DrdbInitTemplates.cmake).
#pragma once

#include <span>
#include <string_view>

namespace drdb::cli::detail {

struct TemplateFile {
  std::string_view path;     // "<kind>/<file>", relative to templates/init
  std::string_view content;  // with {{placeholders}}
};

// Sorted by path.
std::span<const TemplateFile> init_templates();

}  // namespace drdb::cli::detail
