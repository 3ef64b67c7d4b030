// write_documents as a small transaction: create missing directories, write every document to a
// temporary file beside its destination, rename each into place, then move each stale file aside.
// Until the last stale file is moved aside everything can be undone: new directories removed,
// temporaries deleted, replaced files restored from hard-link backups taken just before each rename,
// stale files moved back. Only then are the stale files deleted.
#include "drdb/io/output.hpp"

#include <unistd.h>

#include <atomic>
#include <set>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>

#include "drdb/core/error.hpp"
#include "io/new_file.hpp"
#include "io/relative_path.hpp"

namespace drdb {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view fix_dir = "check the output directory's permissions and free space, or choose another one";

[[noreturn]] void io_error(const fs::path& path, const std::string& reason, std::string_view fix) {
  throw Error(ErrorKind::Io, path.generic_string() + ": " + reason + " — " + std::string(fix));
}

// A document or stale path that is empty, absolute, or climbs out of the output directory: a bug,
// never the user's doing (paths read from a manifest are checked when read).
void check_path(const std::string& path, std::string_view what) {
  if (!io::plain_relative_path(path)) {
    throw Error(ErrorKind::Internal, std::string(what) + " path '" + path +
                                         "' is not a plain relative path inside the output directory");
  }
}

// Every document path checked, and two documents with one path refused; returns the paths written.
std::set<std::string> check_document_paths(const std::vector<Document>& documents) {
  std::set<std::string> seen;
  for (const auto& doc : documents) {
    check_path(doc.path, "document");
    if (!seen.insert(fs::path(doc.path).lexically_normal().generic_string()).second) {
      throw Error(ErrorKind::Internal, "two documents have the same path '" + doc.path + "'");
    }
  }
  return seen;
}

// Whether every directory from `dir` down to `rel`'s parent is a real directory, not a symbolic
// link that could lead out of `dir`.
bool reached_directly(const fs::path& dir, const fs::path& rel) {
  fs::path p = dir;
  for (const auto& part : rel.parent_path()) {
    p /= part;
    std::error_code ec;
    if (!fs::is_directory(fs::symlink_status(p, ec))) return false;
  }
  return true;
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
  explicit Transaction(fs::path dir) : dir_(std::move(dir)) {}
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
    for (auto& r : removals_) {
      std::error_code ec;
      const auto st = fs::symlink_status(r.path, ec);
      if (!fs::exists(st) || fs::is_directory(st)) continue;  // gone already, or not a file synth wrote
      r.aside = sibling_name(r.path, "del");
      fs::rename(r.path, r.aside, ec);
      if (ec) {
        r.aside.clear();
        io_error(r.path, "cannot remove: " + ec.message(), fix_dir);
      }
    }
    committed_ = true;
    for (const auto& p : pending_) {
      std::error_code ignored;  // the new files are in place; a stray backup is not worth failing for
      if (!p.backup.empty()) fs::remove(p.backup, ignored);
    }
    for (const auto& r : removals_) {
      if (r.aside.empty()) continue;
      std::error_code ignored;  // as above: the stale file is out of the way
      fs::remove(r.aside, ignored);
      removed_.push_back(r.rel.generic_string());
      // remove() deletes only empty directories: one holding a file of anyone else's stays.
      for (fs::path d = r.rel.parent_path(); !d.empty(); d = d.parent_path())
        if (!fs::remove(dir_ / d, ignored)) break;
    }
  }

  // Queues the file `rel` below the output directory for removal at commit.
  void remove_stale(const fs::path& rel) {
    if (reached_directly(dir_, rel)) removals_.push_back({rel, dir_ / rel, {}});
  }

  const std::vector<std::string>& removed() const { return removed_; }

 private:
  struct Pending {
    fs::path dest;
    fs::path temp;
    fs::path backup;  // hard link to the file `dest` held before, if any
    bool temp_created = false;
    bool installed = false;
  };

  struct Removal {
    fs::path rel;    // relative to the output directory
    fs::path path;   // the stale file
    fs::path aside;  // where it was moved, once it was
  };

  void rollback() noexcept {
    std::error_code ignored;  // best effort: report the original failure, not the cleanup's
    for (const auto& r : removals_)
      if (!r.aside.empty()) fs::rename(r.aside, r.path, ignored);
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

  fs::path dir_;
  std::vector<fs::path> created_dirs_;  // parents before children
  std::vector<Pending> pending_;
  std::vector<Removal> removals_;
  std::vector<std::string> removed_;
  bool committed_ = false;
};

}  // namespace

std::vector<std::string> write_documents(const fs::path& dir, const std::vector<Document>& documents,
                                         const std::vector<AssetFile>& assets, const std::vector<std::string>& stale) {
  std::vector<Document> all = documents;
  for (const auto& a : assets) all.push_back({a.path, a.content, {}, Format::CloudFormationJson});  // format unused here
  const auto written = check_document_paths(all);
  for (const auto& path : stale) check_path(path, "stale file");
  Transaction tx(dir);
  tx.make_directories(dir);
  for (const auto& doc : all) {
    const fs::path dest = dir / fs::path(doc.path);
    tx.make_directories(dest.parent_path());
    tx.write(dest, doc.content);
  }
  for (const auto& path : stale) {
    const auto rel = fs::path(path).lexically_normal();
    if (!written.contains(rel.generic_string())) tx.remove_stale(rel);
  }
  tx.commit();
  return tx.removed();
}

void write_documents(const fs::path& dir, const std::vector<Document>& documents) {
  write_documents(dir, documents, {});
}

}  // namespace drdb
