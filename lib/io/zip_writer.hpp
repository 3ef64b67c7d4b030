// A deterministic zip writer: stored (uncompressed) entries in the order given, every timestamp
// 1980-01-01 00:00 (the format's epoch), Unix modes 0644 or 0755, UTF-8 names, no extra fields.
// The same entries always give the same bytes. Archives stay below 4 GiB (no Zip64), far above
// Lambda's 250 MB unzipped limit.
#pragma once

#include <string>
#include <vector>

namespace drdb::io {

struct ZipEntry {
  std::string name;  // "/"-separated path inside the archive
  std::string content;
  bool executable = false;  // mode 0755 instead of 0644
};

std::uint32_t crc32(std::string_view data);
// Throws drdb::Error (Io) when the archive would exceed the format's 32-bit limits.
std::string write_zip(const std::vector<ZipEntry>& entries);

}  // namespace drdb::io
