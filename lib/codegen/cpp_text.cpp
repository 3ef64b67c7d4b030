#include "cpp_text.hpp"

#include <charconv>

namespace drdb::codegen {

std::string string_literal(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (byte < 0x20 || byte >= 0x7F) {
      char octal[5] = {'\\', static_cast<char>('0' + (byte >> 6)), static_cast<char>('0' + ((byte >> 3) & 7)),
                       static_cast<char>('0' + (byte & 7)), 0};
      out += octal;
    } else {
      out += c;
    }
  }
  return out + '"';
}

std::string double_literal(double d) {
  char buffer[64];
  auto end = std::to_chars(buffer, buffer + sizeof buffer, d).ptr;
  std::string out(buffer, end);
  if (out.find_first_of(".e") == std::string::npos) out += ".0";
  return out;
}

}  // namespace drdb::codegen
