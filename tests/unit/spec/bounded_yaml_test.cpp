// The bounds a spec is parsed within (lib/spec/bounded_yaml): each crossed with a located error,
// shared (aliased) values measured as the tree they expand to, and nothing legitimate refused.
#include <doctest/doctest.h>

#include <string>

#include "drdb/core/error.hpp"
#include "spec/bounded_yaml.hpp"

using drdb::ValidationError;
using drdb::spec::max_spec_bytes;
using drdb::spec::parse_bounded;

namespace {

std::string error_of(const std::string& text) {
  try {
    parse_bounded(text, "app.yaml");
  } catch (const ValidationError& e) {
    return e.what();
  }
  return "";
}

// `levels` of anchors over a list of ten scalars, each level aliasing the one below `fan` times.
std::string anchors(int levels, int fan) {
  std::string text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i <= levels; ++i) {
    text += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int k = 0; k < fan; ++k) text += (k > 0 ? ", *a" : "*a") + std::to_string(i - 1);
    text += "]\n";
  }
  return text;
}

}  // namespace

TEST_CASE("spec bounds: a text over the size limit is refused before it is parsed") {
  const std::string text(max_spec_bytes + 1, '#');
  CHECK(error_of(text).find("bytes; a spec may have at most 16,777,216") != std::string::npos);
  CHECK(error_of(std::string(1000, '#') + "\nstacks: {}\n").empty());
}

TEST_CASE("spec bounds: aliases are counted as the values they expand to, at the anchor that crosses the limit") {
  CHECK(error_of(anchors(4, 10)).empty());  // 111,111 values at the top anchor: fine
  const auto error = error_of(anchors(12, 10));
  CHECK(error.find("app.yaml:6:5") != std::string::npos);  // a5: the first anchor above 1,000,000
  CHECK(error.find("more than 1,000,000 values") != std::string::npos);
  // Many small aliases of one anchor are cheap to measure and within bounds.
  CHECK(error_of(anchors(1, 50000)).empty());
}

TEST_CASE("spec bounds: nesting deeper than the limit is pointed at, block or flow") {
  std::string block = "stacks:\n";
  for (int i = 0; i < 130; ++i) block += std::string(2 * (i + 1), ' ') + "k" + std::to_string(i) + ":\n";
  block += std::string(262, ' ') + "v\n";
  CHECK(error_of(block).find("nests deeper than 128 levels") != std::string::npos);
  CHECK(error_of("x: " + std::string(100, '[') + std::string(100, ']') + "\n").empty());
  CHECK(error_of("x: " + std::string(3000, '[') + std::string(3000, ']') + "\n").find("nests deeper") != std::string::npos);
}

TEST_CASE("spec bounds: one document, not empty") {
  CHECK(error_of("stacks: {}\n---\nother: 1\n").find("app.yaml:3:1] a spec is one YAML document") != std::string::npos);
  CHECK(error_of("---\nstacks: {}\n---\n").empty());  // document markers around one document
  CHECK(error_of("# only a comment\n").find("the spec is empty") != std::string::npos);
  CHECK(error_of("").find("the spec is empty") != std::string::npos);
}
