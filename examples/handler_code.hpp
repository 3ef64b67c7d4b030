// The Python handlers the examples deploy (templates/lambda/<name>/), packaged as assets. The
// manifest names each by its path relative to the example's directory, as the example's app spec
// writes it, so it reads the same on every machine and from either form of the example.
#pragma once

#include <drdb/drdb.hpp>

#include <filesystem>
#include <string>

namespace drdb::examples {

inline aws::lambda::Code handler_code(const std::string& name) {
  return aws::lambda::Code::from_asset(std::filesystem::path(DRDB_TEMPLATES_DIR) / "lambda" / name, "../../templates/lambda/" + name);
}

}  // namespace drdb::examples
