#include "cli/formats.hpp"

#include <doctest/doctest.h>

#include "drdb/core/error.hpp"

using drdb::Format;
using drdb::cli::parse_formats;

TEST_CASE("parse_formats: none or 'all' means every format, in canonical order") {
  const std::vector<Format> all{Format::CloudFormationJson, Format::CloudFormationYaml, Format::Terraform};
  CHECK(parse_formats({}) == all);
  CHECK(parse_formats({"all"}) == all);
  CHECK(parse_formats({"terraform", "all"}) == all);
}

TEST_CASE("parse_formats: the order of the flags does not change the result, repeats are dropped") {
  CHECK(parse_formats({"terraform", "cloudformation", "terraform"}) ==
        std::vector<Format>{Format::CloudFormationJson, Format::Terraform});
  CHECK(parse_formats({"cloudformation-yaml"}) == std::vector<Format>{Format::CloudFormationYaml});
}

TEST_CASE("parse_formats: an unknown name is a usage error listing the choices") {
  try {
    parse_formats({"json"});
    FAIL("no exception");
  } catch (const drdb::Error& e) {
    CHECK(e.kind() == drdb::ErrorKind::Usage);
    CHECK(std::string(e.what()) ==
          "unknown format 'json' — use one of cloudformation, cloudformation-yaml, terraform, all");
  }
}

TEST_CASE("format_choices lists every format name and 'all'") {
  CHECK(drdb::cli::format_choices() ==
        std::vector<std::string>{"cloudformation", "cloudformation-yaml", "terraform", "all"});
}
