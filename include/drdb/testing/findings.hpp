// Assertions on what the model checks and policy rules report for an app, for users' tests and
// drdb's own: `CHECK(Findings::of(app).fires("S3.2", "Data"))`. Like Template, framework neutral:
// every assertion returns a Match that converts to bool and prints why it failed.
#pragma once

#include <string_view>

#include "drdb/core/app.hpp"
#include "drdb/core/diagnostics.hpp"
#include "drdb/render/synth.hpp"
#include "drdb/rules/check.hpp"
#include "drdb/testing/template.hpp"

namespace drdb::testing {

class Findings {
 public:
  // Validates `app` (every stack, or `options.stacks`) with the rules on (options.rules, or the
  // defaults when unset), in memory. Never throws for an invalid model: the point is to look at it.
  static Findings of(const App& app, SynthOptions options = {});

  // `path` names a construct by its full path ("App/Stack/Data") or by its end ("Data",
  // "Network/Ssh"): a finding matches when its path is `path` or ends with "/" + path.
  Match fires(std::string_view rule, std::string_view path) const;
  // The rule fires nowhere (suppressed findings do not count).
  Match silent(std::string_view rule) const;
  // The rule fired on `path` and a suppression silenced it.
  Match suppressed(std::string_view rule, std::string_view path) const;
  // Some error or warning of the model checks or rules says `text` (in its message or fix).
  Match has_error(std::string_view text) const;
  Match has_warning(std::string_view text) const;
  // No error at all: synth would succeed.
  Match passes() const;

  const rules::Report& report() const { return report_; }
  const Diagnostics& diagnostics() const { return diagnostics_; }

 private:
  Findings(rules::Report report, Diagnostics diagnostics)
      : report_(std::move(report)), diagnostics_(std::move(diagnostics)) {}
  Match has(Severity severity, std::string_view text) const;

  rules::Report report_;
  Diagnostics diagnostics_;
};

}  // namespace drdb::testing
