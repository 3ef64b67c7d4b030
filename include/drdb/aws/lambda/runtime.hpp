// Lambda runtimes and architectures. The deprecated runtimes are listed so that models using them
// can be named and flagged (is_deprecated); new functions should use a supported one.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace drdb::aws::lambda {

enum class Runtime {
  // supported
  Nodejs22x,
  Nodejs24x,
  Python311,
  Python312,
  Python313,
  Python314,
  Java17,
  Java21,
  Java25,
  Dotnet10,
  Ruby33,
  Ruby34,
  ProvidedAl2023,
  // deprecated by AWS Lambda (no longer patched; creation and updates are blocked later)
  Nodejs16x,
  Nodejs18x,
  Nodejs20x,
  Python38,
  Python39,
  Python310,
  Java8Al2,
  Java11,
  Dotnet6,
  Dotnet8,
  Ruby32,
  Go1x,
  ProvidedAl2,
};

// Every runtime drdb knows, supported ones first.
std::vector<Runtime> all_runtimes();
// The identifier both targets use: "python3.13", "nodejs22.x", "provided.al2023"...
std::string_view to_string(Runtime runtime);
// The runtime with that identifier, if drdb knows it.
std::optional<Runtime> runtime_from_string(std::string_view id);
// Whether AWS Lambda has deprecated the runtime (its deprecation date is past as of the vendored
// schemas, schemas/VERSIONS.md).
bool is_deprecated(Runtime runtime);
// The supported runtime of the same language to move to ("python3.13" for python3.9...).
Runtime successor(Runtime runtime);
// Whether CloudFormation accepts inline source (ZipFile) for the runtime: Node.js and Python only.
bool supports_inline_code(Runtime runtime);

enum class Architecture { X86_64, Arm64 };
// "x86_64", "arm64"
std::string_view to_string(Architecture architecture);

}  // namespace drdb::aws::lambda
