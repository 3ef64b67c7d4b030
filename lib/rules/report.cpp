// The rule report: diagnostics for synthesis, JSON for tools, a table for people.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "drdb/rules/check.hpp"

namespace drdb::rules {
namespace {

std::string plural(std::size_t n, const char* word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); }

// Continuation lines of a block, under its message.
const std::string indent(20, ' ');

}  // namespace

std::size_t Report::count(Level level) const {
  return static_cast<std::size_t>(
      std::count_if(findings.begin(), findings.end(), [&](const Finding& f) { return f.level == level; }));
}

bool Report::fails() const {
  return std::any_of(findings.begin(), findings.end(), [&](const Finding& f) { return f.level >= fail_on; });
}

void Report::add_to(Diagnostics& out) const {
  for (const auto& f : findings) {
    const std::string message = f.rule + ": " + f.message;
    if (f.level >= fail_on)
      out.error(f.path, message, f.fix);
    else if (f.level == Level::Warning)
      out.warning(f.path, message, f.fix);
  }
}

std::string Report::json() const {
  nlohmann::ordered_json doc;
  doc["passed"] = !fails();
  doc["fail_on"] = level_name(fail_on);
  doc["packs"] = packs;
  doc["summary"] = {{"error", count(Level::Error)},
                    {"warning", count(Level::Warning)},
                    {"info", count(Level::Info)},
                    {"suppressed", suppressed.size()}};
  auto& list = doc["findings"] = nlohmann::ordered_json::array();
  for (const auto& f : findings)
    list.push_back({{"rule", f.rule}, {"level", level_name(f.level)}, {"path", f.path}, {"message", f.message}, {"fix", f.fix}});
  auto& quiet = doc["suppressed"] = nlohmann::ordered_json::array();
  for (const auto& s : suppressed)
    quiet.push_back({{"rule", s.finding.rule},
                     {"level", level_name(s.finding.level)},
                     {"path", s.finding.path},
                     {"message", s.finding.message},
                     {"suppressed_at", s.suppressed_at},
                     {"reason", s.reason}});
  auto& declared = doc["suppressions"] = nlohmann::ordered_json::array();
  for (const auto& s : suppressions)
    declared.push_back({{"path", s.path}, {"rule", s.rule}, {"reason", s.reason}, {"uses", s.uses}});
  return doc.dump(2) + "\n";
}

std::string Report::table() const {
  std::string out;
  auto row = [&](std::string_view level, const std::string& rule, const std::string& path) {
    std::string line = std::string(level);
    line.resize(11, ' ');
    line += rule + " ";
    if (line.size() < indent.size()) line.resize(indent.size(), ' ');
    return line + path + "\n";
  };
  for (const auto& f : findings) {
    out += row(level_name(f.level), f.rule, f.path);
    out += indent + f.message + "\n";
    if (!f.fix.empty()) out += indent + "fix: " + f.fix + "\n";
  }
  for (const auto& s : suppressed) {
    out += row("suppressed", s.finding.rule, s.finding.path);
    out += indent + s.finding.message + "\n";
    out += indent + "reason (" + s.suppressed_at + "): " + s.reason + "\n";
  }
  std::string packs_ran;
  for (const auto& p : packs) packs_ran += (packs_ran.empty() ? "" : ",") + p;
  out += (fails() ? "FAILED: " : "passed: ") + plural(count(Level::Error), "error") + ", " +
         plural(count(Level::Warning), "warning") + ", " + std::to_string(count(Level::Info)) + " info, " +
         std::to_string(suppressed.size()) + " suppressed (failing on " + std::string(level_name(fail_on)) +
         "; packs " + packs_ran + ")\n";
  return out;
}

}  // namespace drdb::rules
