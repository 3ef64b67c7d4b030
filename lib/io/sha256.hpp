// SHA-256 (FIPS 180-4), for content hashes of assets: the same bytes give the same name on every
// machine.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace drdb::io {

std::array<std::uint8_t, 32> sha256(std::string_view data);
std::string sha256_hex(std::string_view data);
// Standard base64 (with padding) of the digest: Terraform's filebase64sha256 form.
std::string sha256_base64(std::string_view data);
std::string base64(const std::uint8_t* data, std::size_t size);

}  // namespace drdb::io
