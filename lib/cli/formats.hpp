// The --format values of `synth`.
#pragma once

#include <string>
#include <vector>

#include "drdb/render/synth.hpp"

namespace drdb::cli {

// Every accepted value: each format's name, then "all".
std::vector<std::string> format_choices();

// Names to formats, in the canonical order of all_formats and without repeats, so the output does
// not depend on how the flags were spelled. No names (or "all") means every format. Throws
// Error(Usage) for an unknown name.
std::vector<Format> parse_formats(const std::vector<std::string>& names);

}  // namespace drdb::cli
