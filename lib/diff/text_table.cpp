#include "diff/text_table.hpp"

#include <algorithm>

namespace drdb::diff::detail {
namespace {

constexpr std::size_t max_cell_width = 48;

// A cell's lines: split after ", " so no line is longer than max_cell_width unless one item is.
std::vector<std::string> cell_lines(const std::string& cell) {
  std::vector<std::string> lines(1);
  std::size_t start = 0;
  while (start <= cell.size()) {
    auto end = cell.find(", ", start);
    const bool last = end == std::string::npos;
    const auto item = cell.substr(start, last ? std::string::npos : end + 1 - start);  // keeps the comma
    if (!lines.back().empty() && lines.back().size() + 1 + item.size() > max_cell_width) lines.emplace_back();
    if (!lines.back().empty()) lines.back() += ' ';
    lines.back() += item;
    if (last) break;
    start = end + 2;
  }
  return lines;
}

}  // namespace

std::string text_table(const std::vector<TableRow>& rows, const std::string& indent) {
  if (rows.empty()) return {};
  const auto columns = rows.front().size();
  std::vector<std::vector<std::vector<std::string>>> cells;
  std::vector<std::size_t> width(columns, 0);
  for (const auto& row : rows) {
    auto& split = cells.emplace_back();
    for (std::size_t c = 0; c < columns; ++c) {
      split.push_back(cell_lines(c < row.size() ? row[c] : std::string()));
      for (const auto& line : split.back()) width[c] = std::max(width[c], line.size());
    }
  }
  std::string out;
  const auto line_of = [&](const std::vector<std::vector<std::string>>& row, std::size_t k) {
    std::string line = indent;
    for (std::size_t c = 0; c < columns; ++c) {
      const std::string text = k < row[c].size() ? row[c][k] : std::string();
      line += text;
      if (c + 1 < columns) line += std::string(width[c] - text.size() + 2, ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    return line + '\n';
  };
  for (std::size_t r = 0; r < cells.size(); ++r) {
    std::size_t height = 0;
    for (const auto& cell : cells[r]) height = std::max(height, cell.size());
    for (std::size_t k = 0; k < height; ++k) out += line_of(cells[r], k);
    if (r == 0) {
      std::string rule = indent;
      for (std::size_t c = 0; c < columns; ++c) rule += std::string(width[c], '-') + (c + 1 < columns ? "  " : "");
      out += rule + '\n';
    }
  }
  return out;
}

}  // namespace drdb::diff::detail
