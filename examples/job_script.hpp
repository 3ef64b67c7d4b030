// The job scripts the examples' EMR steps run (examples/<example>/jobs/<file>), deployed as file
// assets. The manifest names each by its path relative to the example's directory, as the
// example's app spec writes it, so it reads the same on every machine and from either form.
#pragma once

#include <drdb/drdb.hpp>

#include <filesystem>
#include <string>

namespace drdb::examples {

inline aws::s3::FileAsset& job_script(Stack& stack, const std::string& id, const std::string& example, const std::string& file) {
  return stack.add<aws::s3::FileAsset>(
      id, {.path = std::filesystem::path(DRDB_EXAMPLES_DIR) / example / "jobs" / file, .source_label = "jobs/" + file});
}

}  // namespace drdb::examples
