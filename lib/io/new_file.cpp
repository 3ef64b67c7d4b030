#include "io/new_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

namespace drdb::io {
namespace {

std::error_code last_error() { return {errno, std::generic_category()}; }

}  // namespace

NewFileResult write_new_file(const std::filesystem::path& path, std::string_view content) {
  NewFileResult result;
  // O_EXCL: a name clash with someone else's file is an error, never an overwrite. 0666 lets the
  // umask decide, like any other tool writing build outputs.
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) {
    result.error = last_error();
    return result;
  }
  result.created = true;

  const char* data = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    const ssize_t n = ::write(fd, data, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      result.error = last_error();
      break;
    }
    data += n;
    left -= static_cast<std::size_t>(n);
  }
  if (!result.error && ::fsync(fd) != 0) result.error = last_error();
  // close() can report a deferred write error (NFS, quotas): it counts like any other.
  if (::close(fd) != 0 && !result.error) result.error = last_error();
  return result;
}

}  // namespace drdb::io
