// Pieces of C++ source text.
#pragma once

#include <string>
#include <string_view>

namespace drdb::codegen {

// "a\"b" -> "\"a\\\"b\"": a narrow string literal; bytes outside printable ASCII as octal escapes.
std::string string_literal(std::string_view text);
// A double literal that round-trips: 5 -> "5.0", 1e300 -> "1e+300".
std::string double_literal(double d);

}  // namespace drdb::codegen
