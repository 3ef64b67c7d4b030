// Spec tests' helpers: the diagnostics of loading a spec, and a spec compared byte for byte with
// the C++ program it stands for.
#pragma once

#include <doctest/doctest.h>

#include <functional>
#include <string>

#include "drdb/drdb.hpp"
#include "drdb/spec/spec.hpp"

namespace spec_test {

using namespace drdb;

// Every diagnostic of loading `text` as app.yaml, formatted; empty when it loads.
inline std::string errors_of(const std::string& text) {
  App app;
  try {
    spec::load(text, "app.yaml", app);
  } catch (const ValidationError& e) {
    return e.diagnostics().format();
  }
  return "";
}

inline bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Every document the spec synthesizes is the program's, byte for byte.
inline void check_same_documents(const std::string& spec_text, const std::function<void(App&)>& program) {
  App from_spec, from_cpp;
  spec::load(spec_text, "app.yaml", from_spec);
  program(from_cpp);
  const auto a = synthesize(from_spec);
  const auto b = synthesize(from_cpp);
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    CAPTURE(a[i].path);
    CHECK(a[i].path == b[i].path);
    CHECK(a[i].content == b[i].content);
  }
}

}  // namespace spec_test
