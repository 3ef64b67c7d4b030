#include "drdb/testing/findings.hpp"

namespace drdb::testing {
namespace {

bool names(std::string_view finding_path, std::string_view path) {
  return finding_path == path ||
         (finding_path.size() > path.size() && finding_path.ends_with(path) &&
          finding_path[finding_path.size() - path.size() - 1] == '/');
}

std::string listed(const rules::Report& report) {
  if (report.findings.empty()) return "no finding";
  std::string out = "findings:";
  for (const auto& f : report.findings) out += "\n  " + f.format();
  return out;
}

}  // namespace

Findings Findings::of(const App& app, SynthOptions options) {
  if (!options.rules) options.rules = rules::Options{};
  rules::Report report;
  auto diagnostics = validate(app, options, &report);
  return Findings(std::move(report), std::move(diagnostics));
}

Match Findings::fires(std::string_view rule, std::string_view path) const {
  for (const auto& f : report_.findings)
    if (f.rule == rule && names(f.path, path)) return Match::yes();
  return Match::no(std::string(rule) + " does not fire on " + std::string(path) + "; " + listed(report_));
}

Match Findings::silent(std::string_view rule) const {
  for (const auto& f : report_.findings)
    if (f.rule == rule) return Match::no(std::string(rule) + " fires: " + f.format());
  return Match::yes();
}

Match Findings::suppressed(std::string_view rule, std::string_view path) const {
  for (const auto& s : report_.suppressed)
    if (s.finding.rule == rule && names(s.finding.path, path)) return Match::yes();
  return Match::no(std::string(rule) + " is not suppressed on " + std::string(path) + "; " + listed(report_));
}

Match Findings::has(Severity severity, std::string_view text) const {
  for (const auto& d : diagnostics_.items())
    if (d.severity == severity && (d.message.find(text) != std::string::npos || d.fix.find(text) != std::string::npos))
      return Match::yes();
  return Match::no("no " + std::string(severity == Severity::Error ? "error" : "warning") + " says \"" +
                   std::string(text) + "\"; diagnostics:\n" + diagnostics_.format());
}

Match Findings::has_error(std::string_view text) const { return has(Severity::Error, text); }
Match Findings::has_warning(std::string_view text) const { return has(Severity::Warning, text); }

Match Findings::passes() const {
  if (!diagnostics_.has_errors()) return Match::yes();
  return Match::no(std::to_string(diagnostics_.error_count()) + " error(s):\n" + diagnostics_.format());
}

}  // namespace drdb::testing
