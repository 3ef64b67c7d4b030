// Assets: SHA-256, the deterministic zip writer (checked by Python's zipfile), packaging of files
// and directories, and the asset output of synth (zips and assets.json).
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "io/sha256.hpp"
#include "io/zip_writer.hpp"
#include "unit/aws/iam/rendered.hpp"

using namespace drdb;
namespace fs = std::filesystem;
using drdb::test::contains;

namespace {

// A scratch directory removed at the end of the test.
struct ScratchDir {
  fs::path path;
  explicit ScratchDir(const std::string& name) : path(fs::temp_directory_path() / ("drdb-asset-test-" + name)) {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~ScratchDir() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
  void write(const std::string& relative, const std::string& content) const {
    const auto p = path / relative;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
  }
};

void write_bytes(const fs::path& p, const std::string& bytes) { std::ofstream(p, std::ios::binary) << bytes; }

}  // namespace

TEST_CASE("SHA-256 and base64 match the standard test vectors") {
  CHECK(io::sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(io::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(io::sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(io::sha256_hex(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  CHECK(io::sha256_base64("") == "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
  CHECK(io::crc32("123456789") == 0xcbf43926U);
}

TEST_CASE("the zip writer is deterministic and its archives pass Python's zipfile check") {
  const std::vector<io::ZipEntry> entries = {{"handler.py", "def handler(event, context):\n    return 1\n", false},
                                             {"lib/util.py", "X = 1\n", false},
                                             {"bootstrap", "#!/bin/sh\n", true}};
  const auto zip = io::write_zip(entries);
  CHECK(zip == io::write_zip(entries));
  ScratchDir dir("zip");
  write_bytes(dir.path / "a.zip", zip);
  const std::string check = "python3 -c \"import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); "
                            "assert z.testzip() is None; "
                            "assert z.namelist() == ['handler.py', 'lib/util.py', 'bootstrap'], z.namelist(); "
                            "assert z.read('lib/util.py') == b'X = 1\\n'; "
                            "assert [i.date_time for i in z.infolist()] == [(1980, 1, 1, 0, 0, 0)] * 3; "
                            "assert [oct(i.external_attr >> 16) for i in z.infolist()] == ['0o100644', '0o100644', '0o100755']\" ";
  CHECK(std::system((check + (dir.path / "a.zip").string()).c_str()) == 0);
  CHECK(std::system(("python3 -m zipfile -t " + (dir.path / "a.zip").string() + " >/dev/null").c_str()) == 0);
  write_bytes(dir.path / "empty.zip", io::write_zip({}));
  CHECK(std::system(("python3 -m zipfile -t " + (dir.path / "empty.zip").string() + " >/dev/null").c_str()) == 0);
}

TEST_CASE("a directory packages to the same bytes whatever the files' times and creation order") {
  ScratchDir one("one");
  one.write("b.py", "B");
  one.write("a/z.py", "Z");
  one.write("a.py", "A");
  ScratchDir two("two");
  two.write("a.py", "A");
  two.write("a/z.py", "Z");
  two.write("b.py", "B");
  fs::last_write_time(two.path / "a.py", fs::file_time_type::clock::now() - std::chrono::hours(48));
  const auto a = Asset::from_path(one.path);
  const auto b = Asset::from_path(two.path);
  REQUIRE(a->error().empty());
  CHECK(a->zip() == b->zip());
  CHECK(a->sha256() == b->sha256());
  CHECK(a->sha256().size() == 64);
  CHECK(a->relative_path() == "assets/" + a->sha256() + ".zip");
  CHECK(a->unzipped_size() == 3);
  // Entries sorted by their path in the archive.
  write_bytes(one.path / "out.zip.bin", a->zip());
  CHECK(std::system(("python3 -c \"import sys, zipfile; n = zipfile.ZipFile(sys.argv[1]).namelist(); "
                     "assert n == ['a.py', 'a/z.py', 'b.py'], n\" " + (one.path / "out.zip.bin").string()).c_str()) == 0);
  // A content change changes the hash.
  two.write("b.py", "B2");
  CHECK(Asset::from_path(two.path)->sha256() != a->sha256());
}

TEST_CASE("packaging problems are kept for validation, not thrown") {
  ScratchDir dir("problems");
  CHECK(contains(Asset::from_path(dir.path / "missing")->error(), "missing does not exist"));
  CHECK(contains(Asset::from_path(dir.path)->error(), "contains no files"));
  CHECK(Asset::from_path("")->error() == "the asset path is empty");
  dir.write("single.py", "print(1)\n");
  const auto single = Asset::from_path(dir.path / "single.py");
  CHECK(single->error().empty());
  CHECK(single->source() == (dir.path / "single.py").generic_string());
}

TEST_CASE("synth's asset output: each zip once, and a sorted manifest naming where to upload it") {
  ScratchDir dir("manifest");
  dir.write("src/app.py", "def handler(e, c):\n    return e\n");
  App app;
  auto& s = app.add<Stack>("S");
  using aws::lambda::Code;
  using aws::lambda::Function;
  using aws::lambda::Runtime;
  s.add<Function>("One", {.runtime = Runtime::Python313, .handler = "app.handler", .code = Code::from_asset(dir.path / "src")});
  s.add<Function>("Two", {.runtime = Runtime::Python313, .handler = "app.handler", .code = Code::from_asset(dir.path / "src")});
  s.add<Function>("Inline", {.runtime = Runtime::Python313, .handler = "index.handler", .code = Code::from_inline("x = 1\n")});

  const auto files = asset_files(app, {});
  REQUIRE(files.size() == 3);  // the shared asset, the inline source packaged for Terraform, the manifest
  CHECK(files.back().path == "assets.json");
  const auto manifest = nlohmann::json::parse(files.back().content);
  REQUIRE(manifest["assets"].size() == 2);
  const auto shared = Asset::from_path(dir.path / "src");
  nlohmann::json entry;
  for (const auto& a : manifest["assets"])
    if (a["sha256"] == shared->sha256()) entry = a;
  CHECK(entry["file"] == shared->relative_path());
  CHECK(entry["used_by"] == nlohmann::json({"App/S/One", "App/S/Two"}));
  CHECK(entry["cloudformation"] == nlohmann::json({{"bucket_parameter", "AssetsBucket"}, {"key", shared->relative_path()}}));
  CHECK(entry["terraform"]["filename"] == "../../" + shared->relative_path());
  CHECK(entry["terraform"]["source_code_hash"] == shared->sha256_base64());
  CHECK(asset_files(app, {}).back().content == files.back().content);  // deterministic

  // CloudFormation only: the inline source needs no upload.
  const auto cfn_only = asset_files(app, {.formats = {Format::CloudFormationJson}});
  CHECK(cfn_only.size() == 2);
  // No asset: no output.
  App plain;
  plain.add<Stack>("P").add<aws::kms::Key>("Key");
  CHECK(asset_files(plain, {}).empty());
}

TEST_CASE("write_documents writes the asset files in the same transaction") {
  ScratchDir dir("write");
  write_documents(dir.path / "out", {{"cloudformation/S.template.json", "{}\n", "S", Format::CloudFormationJson}},
                  {{"assets/abc.zip", std::string("PK\0\1", 4)}, {"assets.json", "{}\n"}});
  CHECK(fs::file_size(dir.path / "out/assets/abc.zip") == 4);
  CHECK(fs::exists(dir.path / "out/assets.json"));
  CHECK(fs::exists(dir.path / "out/cloudformation/S.template.json"));
}
