#include "unit/rules/rules_fixture.hpp"

using namespace rules_test;

TEST_CASE("KMS.1 fires on a key without rotation") {
  Env env;
  auto& key = env.stack.add<aws::kms::Key>("Static", {.enable_key_rotation = false});
  fires_and_is_suppressible(env, key, "KMS.1");
  env.stack.add<aws::kms::Key>("Rotated");
  CHECK_FALSE(env.findings().fires("KMS.1", "Rotated"));
}
