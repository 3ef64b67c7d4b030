#include "drdb/aws/lambda/runtime.hpp"

#include <array>

namespace drdb::aws::lambda {

namespace {

struct RuntimeInfo {
  Runtime runtime;
  std::string_view id;
  bool deprecated;
  Runtime successor;  // itself when supported
};

// Deprecation as published by AWS Lambda (lambda-runtimes page) at the date of the vendored
// schemas; a runtime moves to deprecated here when its date has passed.
constexpr std::array<RuntimeInfo, 26> runtimes = {{
    {Runtime::Nodejs22x, "nodejs22.x", false, Runtime::Nodejs22x},
    {Runtime::Nodejs24x, "nodejs24.x", false, Runtime::Nodejs24x},
    {Runtime::Python311, "python3.11", false, Runtime::Python311},
    {Runtime::Python312, "python3.12", false, Runtime::Python312},
    {Runtime::Python313, "python3.13", false, Runtime::Python313},
    {Runtime::Python314, "python3.14", false, Runtime::Python314},
    {Runtime::Java17, "java17", false, Runtime::Java17},
    {Runtime::Java21, "java21", false, Runtime::Java21},
    {Runtime::Java25, "java25", false, Runtime::Java25},
    {Runtime::Dotnet10, "dotnet10", false, Runtime::Dotnet10},
    {Runtime::Ruby33, "ruby3.3", false, Runtime::Ruby33},
    {Runtime::Ruby34, "ruby3.4", false, Runtime::Ruby34},
    {Runtime::ProvidedAl2023, "provided.al2023", false, Runtime::ProvidedAl2023},
    {Runtime::Nodejs16x, "nodejs16.x", true, Runtime::Nodejs24x},
    {Runtime::Nodejs18x, "nodejs18.x", true, Runtime::Nodejs24x},  // 2025-09-01
    {Runtime::Nodejs20x, "nodejs20.x", true, Runtime::Nodejs24x},  // 2026-04-30
    {Runtime::Python38, "python3.8", true, Runtime::Python313},
    {Runtime::Python39, "python3.9", true, Runtime::Python313},    // 2025-12-15
    {Runtime::Python310, "python3.10", true, Runtime::Python313},  // 2026-06-30
    {Runtime::Java8Al2, "java8.al2", true, Runtime::Java21},       // 2026-06-30 (Amazon Linux 2)
    {Runtime::Java11, "java11", true, Runtime::Java21},            // 2026-06-30 (Amazon Linux 2)
    {Runtime::Dotnet6, "dotnet6", true, Runtime::Dotnet10},
    {Runtime::Dotnet8, "dotnet8", true, Runtime::Dotnet10},        // 2026-11-10
    {Runtime::Ruby32, "ruby3.2", true, Runtime::Ruby34},           // 2026-03-31
    {Runtime::Go1x, "go1.x", true, Runtime::ProvidedAl2023},
    {Runtime::ProvidedAl2, "provided.al2", true, Runtime::ProvidedAl2023},  // 2026-06-30 (Amazon Linux 2)
}};

const RuntimeInfo& info(Runtime r) {
  for (const auto& i : runtimes)
    if (i.runtime == r) return i;
  return runtimes.front();  // unreachable: every enumerator is in the table (tested)
}

}  // namespace

std::vector<Runtime> all_runtimes() {
  std::vector<Runtime> out;
  for (const auto& i : runtimes) out.push_back(i.runtime);
  return out;
}

std::string_view to_string(Runtime runtime) { return info(runtime).id; }

std::optional<Runtime> runtime_from_string(std::string_view id) {
  for (const auto& i : runtimes)
    if (i.id == id) return i.runtime;
  return std::nullopt;
}

bool is_deprecated(Runtime runtime) { return info(runtime).deprecated; }
Runtime successor(Runtime runtime) { return info(runtime).successor; }

bool supports_inline_code(Runtime runtime) {
  const auto id = to_string(runtime);
  return id.starts_with("nodejs") || id.starts_with("python");
}

std::string_view to_string(Architecture architecture) {
  return architecture == Architecture::Arm64 ? "arm64" : "x86_64";
}

}  // namespace drdb::aws::lambda
