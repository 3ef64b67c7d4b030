// A plain-text table with aligned columns; long cells wrap at list separators, never inside a word.
#pragma once

#include <string>
#include <vector>

namespace drdb::diff::detail {

using TableRow = std::vector<std::string>;

// `indent` before every line; the first row is the header, underlined.
std::string text_table(const std::vector<TableRow>& rows, const std::string& indent);

}  // namespace drdb::diff::detail
