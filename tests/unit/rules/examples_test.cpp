// The bundled examples pass the default rule pack: no error, every warning fixed or suppressed.
#include "foundation/foundation.hpp"
#include "network/network.hpp"
#include "unit/rules/rules_fixture.hpp"

using namespace rules_test;

TEST_CASE("the bundled examples pass the default rule pack without warnings") {
  for (auto build : {drdb::examples::foundation::build, drdb::examples::network::build}) {
    App app;
    build(app);
    const auto f = Findings::of(app);
    CHECK(f.passes());
    CHECK(f.report().count(rules::Level::Warning) == 0);
    for (const auto& s : f.report().suppressions) CHECK_FALSE(s.reason.empty());
  }
}
