// docs/RULES.md lists every rule of the registry: its table is generated from it. After changing a
// rule, regenerate it with  DRDB_UPDATE_DOCS=1 drdb-unit-tests -tc='docs/RULES.md*'
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "unit/rules/rules_fixture.hpp"

using namespace rules_test;

namespace {

const std::string begin_marker = "<!-- rules table: generated from the registry (tests/unit/rules/docs_test.cpp) -->\n";
const std::string end_marker = "<!-- end of rules table -->\n";

std::string escaped(const std::string& text) {
  std::string out;
  for (char c : text) out += c == '|' ? std::string("\\|") : std::string(1, c);
  return out;
}

std::string table() {
  std::string out = "| Id | Level | Rationale | Fix |\n|---|---|---|---|\n";
  for (const auto& rule : rules::builtin().rules())
    out += "| " + rule.id + " | " + std::string(rules::level_name(rule.level)) + " | " + escaped(rule.rationale) + " | " +
           escaped(rule.fix) + " |\n";
  return out;
}

}  // namespace

TEST_CASE("docs/RULES.md lists every rule of the registry") {
  const std::string path = std::string(DRDB_SOURCE_DIR) + "/docs/RULES.md";
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string doc = buffer.str();
  const auto begin = doc.find(begin_marker);
  const auto end = doc.find(end_marker);
  REQUIRE(begin != std::string::npos);
  REQUIRE(end != std::string::npos);
  const auto from = begin + begin_marker.size();
  const std::string expected = table();
  if (std::getenv("DRDB_UPDATE_DOCS") != nullptr) {
    doc.replace(from, end - from, expected);
    std::ofstream(path, std::ios::binary | std::ios::trunc) << doc;
    return;
  }
  CHECK_MESSAGE(doc.substr(from, end - from) == expected,
                "docs/RULES.md is out of date: run DRDB_UPDATE_DOCS=1 drdb-unit-tests -tc='docs/RULES.md*'");
}

TEST_CASE("every built-in rule has a rationale, a fix and a check") {
  for (const auto& rule : rules::builtin().rules()) {
    CAPTURE(rule.id);
    CHECK_FALSE(rule.rationale.empty());
    CHECK_FALSE(rule.fix.empty());
    CHECK((rule.check != nullptr || rule.pack() == "rules"));
  }
  CHECK_THROWS_AS(rules::Registry().add(rules::Rule{.id = "s3-1"}), Error);
}
