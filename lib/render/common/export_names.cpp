#include "render/common/export_names.hpp"

#include "drdb/core/logical_id.hpp"

namespace drdb::render {

namespace {
constexpr std::size_t max_export_name_length = 255;
}

std::string export_output_name(std::string_view rendered_reference) {
  const std::string output = "Output" + std::string(rendered_reference);
  return make_logical_id({"Exports", output});
}

std::string export_name(std::string_view stack, std::string_view output) {
  const std::string prefix = std::string(stack) + ":";
  const std::size_t room = max_export_name_length > prefix.size() ? max_export_name_length - prefix.size() : 0;
  return prefix + std::string(output.size() > room ? output.substr(output.size() - room) : output);
}

}  // namespace drdb::render
