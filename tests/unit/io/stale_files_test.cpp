// write_documents removing the files an earlier synth wrote and this one does not: in the same
// all-or-nothing write, never a foreign file, never outside the output directory.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "drdb/core/error.hpp"
#include "drdb/io/output.hpp"
#include "unit/io/scratch_dir.hpp"

namespace fs = std::filesystem;
using drdb::Document;
using drdb::Format;
using io_test::put;
using io_test::snapshot;
using io_test::TempDir;
using Tree = std::map<std::string, std::string>;

namespace {

std::vector<Document> docs(std::initializer_list<std::pair<const char*, const char*>> files) {
  std::vector<Document> out;
  for (const auto& [path, content] : files) out.push_back({path, content, "S", Format::CloudFormationJson});
  return out;
}

}  // namespace

TEST_CASE("stale files are removed after the new ones are written, and emptied directories with them") {
  TempDir tmp;
  put(tmp.path / "cloudformation/Old.template.json", "old");
  put(tmp.path / "terraform/Old/main.tf.json", "old");
  put(tmp.path / "assets/abc.zip", "zip");
  put(tmp.path / "assets.json", "{}");
  const auto removed =
      drdb::write_documents(tmp.path, docs({{"cloudformation/New.template.json", "new"}}), {},
                            {"cloudformation/Old.template.json", "terraform/Old/main.tf.json", "assets/abc.zip", "assets.json"});
  CHECK(removed == std::vector<std::string>{"cloudformation/Old.template.json", "terraform/Old/main.tf.json",
                                            "assets/abc.zip", "assets.json"});
  CHECK(snapshot(tmp.path) == Tree{{"cloudformation", "<dir>"}, {"cloudformation/New.template.json", "new"}});
}

TEST_CASE("foreign files stay, and so do the directories holding them") {
  TempDir tmp;
  put(tmp.path / "terraform/Old/main.tf.json", "old");
  put(tmp.path / "terraform/Old/backend.tf", "mine");
  put(tmp.path / "terraform/Old/.terraform/providers/p", "provider");
  put(tmp.path / "notes.txt", "mine");
  const auto removed = drdb::write_documents(tmp.path, {}, {}, {"terraform/Old/main.tf.json"});
  CHECK(removed == std::vector<std::string>{"terraform/Old/main.tf.json"});
  CHECK(snapshot(tmp.path) == Tree{{"notes.txt", "mine"},
                                   {"terraform", "<dir>"},
                                   {"terraform/Old", "<dir>"},
                                   {"terraform/Old/.terraform", "<dir>"},
                                   {"terraform/Old/.terraform/providers", "<dir>"},
                                   {"terraform/Old/.terraform/providers/p", "provider"},
                                   {"terraform/Old/backend.tf", "mine"}});
}

TEST_CASE("a stale path that is missing, a directory, written again or behind a link is left alone") {
  TempDir tmp;
  fs::create_directories(tmp.path / "out/dir");
  put(tmp.path / "outside/secret.json", "secret");
  fs::create_directory_symlink(tmp.path / "outside", tmp.path / "out/link");
  const auto removed = drdb::write_documents(tmp.path / "out", docs({{"a.json", "new"}}), {},
                                             {"missing.json", "dir", "a.json", "link/secret.json"});
  CHECK(removed.empty());
  CHECK(snapshot(tmp.path) == Tree{{"out", "<dir>"},
                                   {"out/a.json", "new"},
                                   {"out/dir", "<dir>"},
                                   {"out/link", "<link>"},
                                   {"outside", "<dir>"},
                                   {"outside/secret.json", "secret"}});
}

TEST_CASE("a failed write removes nothing") {
  TempDir tmp;
  put(tmp.path / "a.json", "old a");
  put(tmp.path / "stale/old.json", "stale");
  fs::create_directories(tmp.path / "c.json");
  const auto before = snapshot(tmp.path);
  // a.json is renamed into place before c.json fails, so the transaction is undone from there.
  CHECK_THROWS_AS(drdb::write_documents(tmp.path, docs({{"a.json", "new a"}, {"c.json", "c"}}), {}, {"stale/old.json"}),
                  drdb::Error);
  CHECK(snapshot(tmp.path) == before);
}

TEST_CASE("a stale path that leaves the output directory is an internal error, and nothing is written") {
  TempDir tmp;
  put(tmp.path / "secret.json", "secret");
  for (const char* path : {"../secret.json", "/etc/passwd", "a/../../secret.json", ""}) {
    CAPTURE(path);
    try {
      drdb::write_documents(tmp.path / "out", docs({{"a.json", "a"}}), {}, {path});
      FAIL("expected an error");
    } catch (const drdb::Error& e) {
      CHECK(e.kind() == drdb::ErrorKind::Internal);
    }
    CHECK(snapshot(tmp.path) == Tree{{"secret.json", "secret"}});
  }
}
