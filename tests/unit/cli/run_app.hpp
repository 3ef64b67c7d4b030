// Running an app's command line in-process, as drdb-synth would run it, for tests of the CLI.
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include "drdb/cli/run.hpp"
#include "drdb/core/app.hpp"

namespace cli_test {

struct Result {
  int code;
  std::string out;
  std::string err;
};

inline Result run(const drdb::App& app, std::vector<std::string> args) {
  args.insert(args.begin(), "drdb-synth");
  std::vector<const char*> argv;
  for (const auto& a : args) argv.push_back(a.c_str());
  std::ostringstream out, err;
  const int code = drdb::run(app, static_cast<int>(argv.size()), argv.data(), out, err);
  return {code, out.str(), err.str()};
}

}  // namespace cli_test
