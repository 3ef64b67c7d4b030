#include "io/zip_writer.hpp"

#include <array>
#include <cstdint>
#include <limits>

#include "drdb/core/error.hpp"

namespace drdb::io {
namespace {

constexpr std::uint16_t dos_date_1980_01_01 = (0 << 9) | (1 << 5) | 1;
constexpr std::uint16_t utf8_names = 0x0800;
constexpr std::uint16_t version_needed = 20;
constexpr std::uint16_t made_by_unix = (3 << 8) | 20;

void put16(std::string& out, std::uint16_t v) {
  out += static_cast<char>(v & 0xff);
  out += static_cast<char>(v >> 8);
}
void put32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xff);
}

std::uint32_t checked32(std::size_t n, const std::string& what) {
  if (n > std::numeric_limits<std::uint32_t>::max())
    throw Error(ErrorKind::Io, what + " is larger than 4 GiB — a Lambda package must stay below 250 MB unzipped");
  return static_cast<std::uint32_t>(n);
}

// The fields local and central headers share, from "version needed" to the name length.
void put_common(std::string& out, const ZipEntry& e, std::uint32_t crc, std::uint32_t size) {
  put16(out, version_needed);
  put16(out, utf8_names);
  put16(out, 0);  // stored
  put16(out, 0);  // time 00:00:00
  put16(out, dos_date_1980_01_01);
  put32(out, crc);
  put32(out, size);  // compressed = uncompressed
  put32(out, size);
  put16(out, static_cast<std::uint16_t>(e.name.size()));
}

}  // namespace

std::uint32_t crc32(std::string_view data) {
  static const auto table = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t i = 0; i < 256; ++i) {
      std::uint32_t c = i;
      for (int j = 0; j < 8; ++j) c = (c & 1) != 0 ? 0xedb88320U ^ (c >> 1) : c >> 1;
      t[i] = c;
    }
    return t;
  }();
  std::uint32_t c = 0xffffffffU;
  for (unsigned char b : data) c = table[(c ^ b) & 0xff] ^ (c >> 8);
  return c ^ 0xffffffffU;
}

std::string write_zip(const std::vector<ZipEntry>& entries) {
  std::string out;
  std::string central;
  for (const auto& e : entries) {
    if (e.name.size() > 0xffff) throw Error(ErrorKind::Io, "zip entry name longer than 65535 bytes: " + e.name.substr(0, 80));
    const auto crc = crc32(e.content);
    const auto size = checked32(e.content.size(), e.name);
    const auto offset = checked32(out.size(), "the archive");
    put32(out, 0x04034b50);
    put_common(out, e, crc, size);
    put16(out, 0);  // extra field length
    out += e.name;
    out += e.content;

    put32(central, 0x02014b50);
    put16(central, made_by_unix);
    put_common(central, e, crc, size);
    put16(central, 0);  // extra field length
    put16(central, 0);  // comment length
    put16(central, 0);  // disk number
    put16(central, 0);  // internal attributes
    const std::uint32_t mode = e.executable ? 0100755 : 0100644;  // regular file
    put32(central, mode << 16);
    put32(central, offset);
    central += e.name;
  }
  if (entries.size() > 0xffff) throw Error(ErrorKind::Io, "more than 65535 files in one archive");
  const auto central_offset = checked32(out.size(), "the archive");
  const auto central_size = checked32(central.size(), "the archive's directory");
  out += central;
  put32(out, 0x06054b50);
  put16(out, 0);
  put16(out, 0);
  put16(out, static_cast<std::uint16_t>(entries.size()));
  put16(out, static_cast<std::uint16_t>(entries.size()));
  put32(out, central_size);
  put32(out, central_offset);
  put16(out, 0);  // comment length
  return out;
}

}  // namespace drdb::io
