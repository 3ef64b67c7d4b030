#include "cli/selection.hpp"

#include <doctest/doctest.h>

using namespace drdb;

TEST_CASE("selection: every stack in every format covers the whole output directory") {
  const SynthOptions all;
  CHECK(cli::whole_output(all));
  for (const char* path : {"manifest.json", "assets.json", "assets/a.zip", "cloudformation/S.template.json", "x"})
    CHECK(cli::covers(all, path));
}

TEST_CASE("selection: a partial selection covers its stacks' documents in its formats only") {
  const SynthOptions tf_a{.formats = {Format::Terraform}, .stacks = {"A"}};
  CHECK_FALSE(cli::whole_output(tf_a));
  CHECK(cli::covers(tf_a, "terraform/A/main.tf.json"));
  CHECK(cli::covers(tf_a, "terraform/A/old.tf.json"));
  CHECK_FALSE(cli::covers(tf_a, "terraform/B/main.tf.json"));
  CHECK_FALSE(cli::covers(tf_a, "cloudformation/A.template.json"));
  CHECK_FALSE(cli::covers(tf_a, "assets.json"));
  CHECK_FALSE(cli::covers(tf_a, "assets/a.zip"));
  CHECK_FALSE(cli::covers(tf_a, "manifest.json"));
  const SynthOptions yaml{.formats = {Format::CloudFormationYaml}};
  CHECK(cli::covers(yaml, "cloudformation/B.template.yaml"));
  CHECK_FALSE(cli::covers(yaml, "cloudformation/B.template.json"));
}
