// write_documents as a small transaction: create missing directories, write every document to a
// temporary file beside its destination, then rename each into place. Until the last rename
// succeeds everything can be undone: new directories removed, temporaries deleted, and replaced
// files restored from hard-link backups taken just before each rename.
#include "drdb/io/output.hpp"

#include <unistd.h>

#include <atomic>
#include <set>
#include <string>
#include <string_view>
#include <system_error>

#include "drdb/core/error.hpp"
#include "io/new_file.hpp"

namespace drdb {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view fix_dir = "check the output directory's permissions and free space, or choose another one";

[[noreturn]] void io_error(const fs::path& path, const std::string& reason, std::string_view fix) {
  throw Error(ErrorKind::Io, path.generic_string() + ": " + reason + " — " + std::string(fix));
}

// A document path that is empty, absolute, or climbs out of the output directory, or two documents
// with one path: a renderer bug, never the user's doing.
void check_document_paths(const std::vector<Document>& documents) {
  std::set<std::string> seen;
  for (const auto& doc : documents) {
    const fs::path p(doc.path);
    bool ok = !doc.path.empty() && p.is_relative() && !p.has_root_name() && p.has_filename();
    for (const auto& part : p) ok = ok && part != ".." && part != ".";
    if (!ok) {
      throw Error(ErrorKind::Internal, "document path '" + doc.path +
                                           "' is not a plain relative path inside the output directory");
    }
    if (!seen.insert(p.lexically_normal().generic_string()).second) {
      throw Error(ErrorKind::Internal, "two documents have the same path '" + doc.path + "'");
    }
  }
}

// Unique among concurrent writers: the pid separates processes, the counter calls in one process.
fs::path sibling_name(const fs::path& dest, std::string_view tag) {
  static std::atomic<unsigned long> counter{0};
  std::string name = ".";
  name += dest.filename().string();
  name += '.';
  name += tag;
  name += '-';
  name += std::to_string(::getpid());
  name += '-';
  name += std::to_string(counter.fetch_add(1));
  return dest.parent_path() / name;
}

class Transaction {
 public:
  Transaction() = default;
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction() {
    if (!committed_) rollback();
  }

  // Creates `dir` and its missing ancestors, remembering which ones to remove on failure.
  void make_directories(const fs::path& dir) {
    std::vector<fs::path> missing;
    for (fs::path p = dir; !p.empty(); p = p.parent_path()) {
      std::error_code ec;
      const auto st = fs::status(p, ec);
      if (fs::is_directory(st)) break;
      if (fs::exists(st)) io_error(p, "exists and is not a directory", "remove it or choose another output directory");
      missing.push_back(p);
      if (p == p.parent_path()) break;
    }
    for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
      std::error_code ec;
      if (!fs::create_directory(*it, ec) && ec) io_error(*it, "cannot create directory: " + ec.message(), fix_dir);
      created_dirs_.push_back(*it);
    }
  }

  void write(const fs::path& dest, std::string_view content) {
    Pending& p = pending_.emplace_back();
    p.dest = dest;
    p.temp = sibling_name(dest, "tmp");
    const auto result = io::write_new_file(p.temp, content);
    p.temp_created = result.created;
    if (result.error) io_error(dest, "cannot write: " + result.error.message(), fix_dir);
  }

  // Renames every temporary into place; the first failure undoes the renames already done.
  void commit() {
    for (auto& p : pending_) {
      std::error_code ec;
      const auto st = fs::symlink_status(p.dest, ec);
      if (fs::is_directory(st)) io_error(p.dest, "is a directory", "remove it or choose another output directory");
      if (fs::exists(st)) {
        p.backup = sibling_name(p.dest, "bak");
        fs::create_hard_link(p.dest, p.backup, ec);
        if (ec) {
          p.backup.clear();
          io_error(p.dest, "cannot keep a backup of the existing file: " + ec.message(), fix_dir);
        }
      }
      fs::rename(p.temp, p.dest, ec);
      if (ec) io_error(p.dest, "cannot replace: " + ec.message(), fix_dir);
      p.temp_created = false;
      p.installed = true;
    }
    committed_ = true;
    for (const auto& p : pending_) {
      std::error_code ignored;  // the new files are in place; a stray backup is not worth failing for
      if (!p.backup.empty()) fs::remove(p.backup, ignored);
    }
  }

 private:
  struct Pending {
    fs::path dest;
    fs::path temp;
    fs::path backup;  // hard link to the file `dest` held before, if any
    bool temp_created = false;
    bool installed = false;
  };

  void rollback() noexcept {
    std::error_code ignored;  // best effort: report the original failure, not the cleanup's
    for (auto it = pending_.rbegin(); it != pending_.rend(); ++it) {
      if (it->installed) {
        if (it->backup.empty()) {
          fs::remove(it->dest, ignored);
        } else {
          fs::rename(it->backup, it->dest, ignored);
        }
      } else if (!it->backup.empty()) {
        fs::remove(it->backup, ignored);
      }
      if (it->temp_created) fs::remove(it->temp, ignored);
    }
    // Deepest first; remove() only deletes empty directories, so nothing foreign is lost.
    for (auto it = created_dirs_.rbegin(); it != created_dirs_.rend(); ++it) fs::remove(*it, ignored);
  }

  std::vector<fs::path> created_dirs_;  // parents before children
  std::vector<Pending> pending_;
  bool committed_ = false;
};

}  // namespace

void write_documents(const fs::path& dir, const std::vector<Document>& documents) {
  check_document_paths(documents);
  Transaction tx;
  tx.make_directories(dir);
  for (const auto& doc : documents) {
    const fs::path dest = dir / fs::path(doc.path);
    tx.make_directories(dest.parent_path());
    tx.write(dest, doc.content);
  }
  tx.commit();
}

void write_documents(const fs::path& dir, const std::vector<Document>& documents, const std::vector<AssetFile>& assets) {
  std::vector<Document> all = documents;
  for (const auto& a : assets) all.push_back({a.path, a.content, {}, Format::CloudFormationJson});  // format unused here
  write_documents(dir, all);
}

}  // namespace drdb
