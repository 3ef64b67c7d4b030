// Lambda rules: secrets in the environment, log retention, deprecated runtimes.
#include <algorithm>
#include <cctype>
#include <regex>

#include "drdb/aws/lambda/function.hpp"
#include "drdb/aws/lambda/runtime.hpp"
#include "drdb/aws/logs/log_group.hpp"
#include "rules/packs.hpp"

namespace drdb::rules {
namespace {

using aws::lambda::Function;

std::string upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return s;
}

// A literal value under a secret-sounding name, or a literal shaped like a credential (an AWS
// access key id, a private key). References (a secret's ARN, a parameter) are what should be there.
bool looks_secret(const std::string& name, const Str& value) {
  if (!value.is_literal()) return false;
  const auto& text = value.value().as_string();
  if (text.empty() || text.starts_with("arn:")) return false;
  static const std::regex credential("(AKIA|ASIA)[0-9A-Z]{16}|-----BEGIN [A-Z ]*PRIVATE KEY-----");
  if (std::regex_search(text, credential)) return true;
  const auto key = upper(name);
  for (std::string_view word : {"PASSWORD", "PASSWD", "SECRET", "TOKEN", "API_KEY", "APIKEY", "PRIVATE_KEY", "CREDENTIAL"})
    if (key.find(word) != std::string::npos) return true;
  return false;
}

}  // namespace

void register_lambda_rules(Registry& r) {
  r.add<Function>({.id = "LAMBDA.1", .level = Level::Error,
                   .rationale = "environment values are plaintext to anyone who can read the function's configuration",
                   .fix = "store the value in Secrets Manager, pass the secret's ARN and read it at run time"},
                  [](const Function& f, Context& c) {
                    for (const auto& [name, value] : f.props().environment)
                      if (looks_secret(name, value))
                        c.fire(f, "environment variable \"" + name + "\" looks like a secret in plaintext");
                  });

  r.add<Function>({.id = "LAMBDA.2", .level = Level::Warning,
                   .rationale = "a function's log group without retention keeps (and bills) every log line forever",
                   .fix = "set log_retention (one year is the default)"},
                  [](const Function& f, Context& c) {
                    if (f.props().log_retention == aws::logs::Retention::Infinite)
                      c.fire(f, "the function's log group never expires");
                  });

  r.add<Function>({.id = "LAMBDA.3", .level = Level::Warning,
                   .rationale = "deprecated runtimes get no security patches, and Lambda then blocks updating the function",
                   .fix = "move to the runtime's successor"},
                  [](const Function& f, Context& c) {
                    const auto& runtime = f.props().runtime;
                    if (runtime && aws::lambda::is_deprecated(*runtime))
                      c.fire(f, "runtime " + std::string(aws::lambda::to_string(*runtime)) + " is deprecated",
                             "use " + std::string(aws::lambda::to_string(aws::lambda::successor(*runtime))));
                  });
}

}  // namespace drdb::rules
