// A stack to put constructs in, and the checks every rule test makes: fires on the bad model,
// silent on the good one, silenced by a suppression with a reason.
#pragma once

#include <doctest/doctest.h>

#include <drdb/drdb.hpp>
#include <drdb/testing/findings.hpp>

namespace rules_test {

using namespace drdb;
using testing::Findings;

struct Env {
  App app;
  Stack& stack = app.add<Stack>("S", {.region = "us-east-1"});
  Findings findings() const { return Findings::of(app); }
};

// `rule` fires on `at`; after at.suppress(rule, reason) it is silent and listed as suppressed.
inline void fires_and_is_suppressible(Env& env, Construct& at, std::string_view rule) {
  CHECK(env.findings().fires(rule, at.path()));
  at.suppress(std::string(rule), "accepted in this test");
  const auto after = env.findings();
  CHECK(after.silent(rule));
  CHECK(after.suppressed(rule, at.path()));
  CHECK(after.silent("RULES.1"));
}

}  // namespace rules_test
