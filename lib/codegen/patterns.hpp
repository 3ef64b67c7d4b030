// Which schema patterns the runtime can check with std::regex (ECMAScript) and mean the same thing.
#pragma once

#include <optional>
#include <string>

namespace drdb::codegen {

struct PatternVerdict {
  std::optional<std::string> pattern;  // kept as is
  std::string note;                    // why it was dropped (empty when kept)
};

// Drops patterns that match everything, use escapes ECMAScript does not have (Python's \Z, \A,
// \p{L}... which std::regex would silently read as plain letters) or that std::regex cannot compile
// (look-behind, named groups, inline flags, byte ranges beyond ASCII).
PatternVerdict portable_pattern(const std::string& pattern);

}  // namespace drdb::codegen
