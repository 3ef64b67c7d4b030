#include "drdb/io/output.hpp"

#include <doctest/doctest.h>
#include <sys/resource.h>

#include <csignal>
#include <filesystem>
#include <map>
#include <string>

#include "drdb/core/error.hpp"
#include "unit/io/scratch_dir.hpp"

namespace fs = std::filesystem;
using drdb::Document;
using drdb::Format;
using io_test::put;
using io_test::snapshot;
using io_test::TempDir;

namespace {

Document doc(std::string path, std::string content) {
  return Document{std::move(path), std::move(content), "Stack", Format::CloudFormationJson};
}

std::string io_error_message(const fs::path& dir, const std::vector<Document>& docs) {
  try {
    drdb::write_documents(dir, docs);
  } catch (const drdb::Error& e) {
    CHECK(e.kind() == drdb::ErrorKind::Io);
    return e.what();
  }
  FAIL("write_documents did not throw");
  return {};
}

drdb::ErrorKind error_kind(const std::vector<Document>& docs) {
  TempDir tmp;
  try {
    drdb::write_documents(tmp.path / "out", docs);
  } catch (const drdb::Error& e) {
    CHECK(snapshot(tmp.path).empty());
    return e.kind();
  }
  FAIL("write_documents did not throw");
  return drdb::ErrorKind::Usage;
}

}  // namespace

TEST_CASE("write_documents writes every document, creating directories") {
  TempDir tmp;
  const auto out = tmp.path / "a" / "out";
  drdb::write_documents(out, {doc("cloudformation/Net.template.json", "{}\n"),
                              doc("terraform/Net/main.tf.json", "{\"x\": 1}\n"), doc("top.txt", "")});
  CHECK(snapshot(out) == std::map<std::string, std::string>{
                             {"cloudformation", "<dir>"},
                             {"cloudformation/Net.template.json", "{}\n"},
                             {"terraform", "<dir>"},
                             {"terraform/Net", "<dir>"},
                             {"terraform/Net/main.tf.json", "{\"x\": 1}\n"},
                             {"top.txt", ""},
                         });
}

TEST_CASE("write_documents replaces existing files and leaves other files alone") {
  TempDir tmp;
  put(tmp.path / "cloudformation/Net.template.json", "old");
  put(tmp.path / "cloudformation/Other.template.json", "other");
  drdb::write_documents(tmp.path, {doc("cloudformation/Net.template.json", "new")});
  CHECK(snapshot(tmp.path) == std::map<std::string, std::string>{
                                  {"cloudformation", "<dir>"},
                                  {"cloudformation/Net.template.json", "new"},
                                  {"cloudformation/Other.template.json", "other"},
                              });
}

TEST_CASE("write_documents with nothing to write creates the directory only") {
  TempDir tmp;
  drdb::write_documents(tmp.path / "out", {});
  CHECK(fs::is_directory(tmp.path / "out"));
}

TEST_CASE("a destination that is a directory fails midway and leaves the directory unchanged") {
  TempDir tmp;
  put(tmp.path / "a.json", "old a");
  fs::create_directories(tmp.path / "c.json");
  put(tmp.path / "c.json/keep", "keep");
  const auto before = snapshot(tmp.path);

  // a.json and b/b.json are renamed into place before c.json fails: both must be undone.
  const auto message = io_error_message(tmp.path, {doc("a.json", "new a"), doc("b/b.json", "b"), doc("c.json", "c")});
  CHECK(message.find((tmp.path / "c.json").generic_string() + ": is a directory — ") == 0);
  CHECK(snapshot(tmp.path) == before);
}

TEST_CASE("a missing output directory is not left behind after a failure") {
  TempDir tmp;
  // out/, out/cloudformation/ and out/x/ get created and both temporaries written; the rename onto
  // out/x then fails because out/x is by now a directory.
  const auto message =
      io_error_message(tmp.path / "out", {doc("cloudformation/A.json", "a"), doc("x", "x"), doc("x/B.json", "b")});
  CHECK(message.find("/out/x: is a directory") != std::string::npos);
  CHECK(snapshot(tmp.path).empty());
}

TEST_CASE("an output path through a regular file fails with a clear message") {
  TempDir tmp;
  put(tmp.path / "out", "not a directory");
  const auto before = snapshot(tmp.path);
  const auto message = io_error_message(tmp.path / "out", {doc("cloudformation/A.json", "a")});
  CHECK(message == (tmp.path / "out").generic_string() +
                       ": exists and is not a directory — remove it or choose another output directory");
  CHECK(snapshot(tmp.path) == before);
}

TEST_CASE("a failed write leaves no temporary file and the directory unchanged") {
  TempDir tmp;
  put(tmp.path / "cloudformation/A.json", "old");
  const auto before = snapshot(tmp.path);

  // Root ignores permissions, so the failure comes from a file-size limit (EFBIG) instead.
  struct rlimit saved {};
  REQUIRE(::getrlimit(RLIMIT_FSIZE, &saved) == 0);
  auto* const previous_handler = std::signal(SIGXFSZ, SIG_IGN);
  struct rlimit limited = saved;
  limited.rlim_cur = 4096;
  REQUIRE(::setrlimit(RLIMIT_FSIZE, &limited) == 0);
  std::string message;
  try {
    drdb::write_documents(tmp.path, {doc("cloudformation/A.json", "small"), doc("cloudformation/B.json", std::string(10000, 'x'))});
  } catch (const drdb::Error& e) {
    message = e.what();
  }
  ::setrlimit(RLIMIT_FSIZE, &saved);
  std::signal(SIGXFSZ, previous_handler);

  CHECK(message.find((tmp.path / "cloudformation/B.json").generic_string() + ": cannot write: ") == 0);
  CHECK(snapshot(tmp.path) == before);
}

TEST_CASE("document paths that escape the output directory or repeat are internal errors") {
  using drdb::ErrorKind;
  CHECK(error_kind({doc("", "x")}) == ErrorKind::Internal);
  CHECK(error_kind({doc("/etc/passwd", "x")}) == ErrorKind::Internal);
  CHECK(error_kind({doc("../x.json", "x")}) == ErrorKind::Internal);
  CHECK(error_kind({doc("a/../../x.json", "x")}) == ErrorKind::Internal);
  CHECK(error_kind({doc("a/", "x")}) == ErrorKind::Internal);
  CHECK(error_kind({doc("a/b.json", "x"), doc("a/b.json", "y")}) == ErrorKind::Internal);
}
