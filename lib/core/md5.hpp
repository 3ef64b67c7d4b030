// MD5 (RFC 1321) as hex, for logical ids (stable across machines and compilers, unlike std::hash).
#pragma once

#include <string>
#include <string_view>

namespace drdb::detail {

std::string md5_hex(std::string_view data);

}  // namespace drdb::detail
