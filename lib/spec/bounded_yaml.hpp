// A spec's text parsed as one YAML document within bounds, so a hostile or mistaken file gets an
// error with its place instead of a hang or an out-of-memory:
//   size      at most max_spec_bytes of text;
//   documents exactly one (a second `---` document is an error, not silently ignored);
//   depth     at most max_spec_depth levels of nesting;
//   values    at most max_spec_values scalars, sequences and mappings once aliases are expanded
//             (yaml-cpp shares an aliased node, but everything that reads the spec walks it as a
//             tree: nine levels of ten aliases each are a billion values).
// docs/USER_GUIDE.md ("Limits of a spec") states the same numbers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <yaml-cpp/yaml.h>

namespace drdb::spec {

inline constexpr std::size_t max_spec_bytes = 16u << 20;
inline constexpr int max_spec_depth = 128;
inline constexpr std::size_t max_spec_values = 1'000'000;

// Throws ValidationError when a spec file of `bytes` bytes is over max_spec_bytes (checked before
// reading it).
void check_spec_size(std::uintmax_t bytes, const std::string& file);

// The document; throws ValidationError (file:line:col, what, how to fix) when a bound is crossed or
// the text is not YAML.
YAML::Node parse_bounded(std::string_view text, const std::string& file);

}  // namespace drdb::spec
