// Which files of an output directory diff compares: what the manifest lists, or everything, never
// what tools and users keep beside the output.
#include "drdb/diff/files.hpp"

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "unit/io/scratch_dir.hpp"

using drdb::diff::glob_match;
using drdb::diff::ignored;
using io_test::put;
using io_test::TempDir;
using Paths = std::set<std::string>;

TEST_CASE("diff files: * and ? stay within a path component, ** crosses them") {
  CHECK(glob_match("*.tf", "backend.tf"));
  CHECK_FALSE(glob_match("*.tf", "terraform/S/backend.tf"));
  CHECK(glob_match("terraform/*/backend.tf", "terraform/S/backend.tf"));
  CHECK_FALSE(glob_match("terraform/*/backend.tf", "terraform/S/x/backend.tf"));
  CHECK(glob_match("terraform/**", "terraform/S/x/backend.tf"));
  CHECK(glob_match("**/backend.tf", "backend.tf"));
  CHECK(glob_match("**/backend.tf", "terraform/S/backend.tf"));
  CHECK_FALSE(glob_match("**/backend.tf", "terraform/S/my-backend.tf"));
  CHECK(glob_match("a/**/b", "a/b"));
  CHECK(glob_match("a/**/b", "a/x/y/b"));
  CHECK(glob_match("assets/?.zip", "assets/a.zip"));
  CHECK_FALSE(glob_match("?", "/"));
  CHECK_FALSE(glob_match("assets", "assets/a.zip"));
  CHECK(glob_match("", ""));
}

TEST_CASE("diff files: Terraform's and other tools' files are ignored by default") {
  for (const char* path : {"terraform/S/.terraform/providers/p", "terraform/S/.terraform.lock.hcl", ".git/HEAD",
                           "terraform/S/terraform.tfstate", "terraform/S/terraform.tfstate.backup",
                           "terraform/S/terraform.tfstate.d/dev/terraform.tfstate", "terraform/S/dev.tfvars",
                           "terraform/S/x.auto.tfvars.json", "terraform/S/plan.tfplan", "terraform/S/override.tf",
                           "terraform/S/override.tf.json", "terraform/S/mock_override.tf", "terraform/S/mock_override.tf.json"}) {
    CAPTURE(path);
    CHECK(ignored(path));
  }
  for (const char* path : {"terraform/S/main.tf.json", "terraform/S/backend.tf", "manifest.json", "assets/a.zip"}) {
    CAPTURE(path);
    CHECK_FALSE(ignored(path));
  }
  CHECK(ignored("terraform/S/backend.tf", {"terraform/*/backend.tf"}));
}

TEST_CASE("diff files: a directory with a manifest is what it lists, and the manifest") {
  TempDir tmp;
  put(tmp.path / "manifest.json", R"({"files": ["cloudformation/S.template.json", "terraform/S/main.tf.json",
                                               "terraform/S/terraform.tfstate", "../outside", "gone.json"], "version": 2})");
  put(tmp.path / "cloudformation/S.template.json", "{}");
  put(tmp.path / "terraform/S/main.tf.json", "{}");
  put(tmp.path / "terraform/S/backend.tf", "terraform {}");
  put(tmp.path / "terraform/S/terraform.tfstate", "{}");
  put(tmp.path / "notes.txt", "mine");
  CHECK(drdb::diff::output_paths(tmp.path) ==
        Paths{"cloudformation/S.template.json", "gone.json", "manifest.json", "terraform/S/main.tf.json"});
  const auto files = drdb::diff::read_directory(tmp.path, {"cloudformation/**"});
  std::vector<std::string> names;
  for (const auto& [name, content] : files) names.push_back(name);
  CHECK(names == std::vector<std::string>{"manifest.json", "terraform/S/main.tf.json"});  // gone.json is not there
}

TEST_CASE("diff files: a directory without a manifest of version 2 is taken whole, but the defaults") {
  for (const char* manifest : {"", R"({"deploy_order": [], "stacks": {}, "version": 1})"}) {
    CAPTURE(manifest);
    TempDir tmp;
    if (*manifest != '\0') put(tmp.path / "manifest.json", manifest);
    put(tmp.path / "terraform/S/main.tf.json", "{}");
    put(tmp.path / "terraform/S/backend.tf", "terraform {}");
    put(tmp.path / "terraform/S/.terraform/providers/p", "x");
    put(tmp.path / "terraform/S/terraform.tfstate", "{}");
    auto expected = Paths{"terraform/S/backend.tf", "terraform/S/main.tf.json"};
    if (*manifest != '\0') expected.insert("manifest.json");
    CHECK(drdb::diff::output_paths(tmp.path) == expected);
  }
  CHECK(drdb::diff::output_paths("/nonexistent/drdb").empty());
}
