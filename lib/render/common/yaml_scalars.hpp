// Which plain strings must be quoted in YAML so that every reader (YAML 1.1 included) reads them
// back as strings: "yes", "off", "null", "~", "0123", "1e3", "2010-09-09", ".inf", "12:30"...
#pragma once

#include <string_view>

namespace drdb::render {

bool needs_quotes_in_yaml(std::string_view s);

}  // namespace drdb::render
