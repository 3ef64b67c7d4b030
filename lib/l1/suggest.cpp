#include "l1/suggest.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

namespace drdb::l1 {
namespace {

std::string fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s)
    if (c != '_' && c != '-') out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::size_t levenshtein(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::size_t name_distance(std::string_view a, std::string_view b) {
  std::string fa = fold(a), fb = fold(b);
  if (fa == fb) return 0;
  auto shorter = std::min(fa.size(), fb.size());
  if (shorter >= 4 && fa.compare(0, shorter, fb, 0, shorter) == 0) return 1;
  return levenshtein(fa, fb);
}

}  // namespace drdb::l1
