#include "cli/formats.hpp"

#include <algorithm>
#include <iterator>

#include "drdb/core/error.hpp"

namespace drdb::cli {

std::vector<std::string> format_choices() {
  std::vector<std::string> out;
  for (const auto f : all_formats) out.emplace_back(format_name(f));
  out.emplace_back("all");
  return out;
}

std::vector<Format> parse_formats(const std::vector<std::string>& names) {
  std::vector<bool> wanted(std::size(all_formats), names.empty());
  for (const auto& name : names) {
    if (name == "all") {
      std::fill(wanted.begin(), wanted.end(), true);
      continue;
    }
    const auto* it = std::find_if(std::begin(all_formats), std::end(all_formats),
                                  [&](Format f) { return format_name(f) == name; });
    if (it == std::end(all_formats)) {
      std::string choices;
      for (const auto& c : format_choices()) choices += (choices.empty() ? "" : ", ") + c;
      throw Error(ErrorKind::Usage, "unknown format '" + name + "' — use one of " + choices);
    }
    wanted[static_cast<std::size_t>(it - std::begin(all_formats))] = true;
  }
  std::vector<Format> out;
  for (std::size_t i = 0; i < wanted.size(); ++i) {
    if (wanted[i]) out.push_back(all_formats[i]);
  }
  return out;
}

}  // namespace drdb::cli
