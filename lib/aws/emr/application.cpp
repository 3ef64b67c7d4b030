#include "drdb/aws/emr/application.hpp"

#include <array>
#include <optional>

namespace drdb::aws::emr {

namespace {

// Release boundaries stated in the EMR release guide's application version tables.
struct Availability {
  std::string_view name;
  std::optional<Release> from;   // first release that has it
  std::optional<Release> until;  // first release that no longer has it
  std::string_view note;
};

constexpr std::string_view trino_note = "PrestoSQL was renamed Trino in emr-6.4.0";

const std::array<Availability, 7>& availability() {
  static const std::array<Availability, 7> table{{
      {"Flink", Release{5, 1, 0}, std::nullopt, ""},
      {"Hudi", Release{5, 28, 0}, std::nullopt, ""},
      {"JupyterHub", Release{5, 14, 0}, std::nullopt, ""},
      {"Livy", Release{5, 9, 0}, std::nullopt, ""},
      {"PrestoSQL", Release{6, 1, 0}, Release{6, 4, 0}, trino_note},
      {"Trino", Release{6, 4, 0}, std::nullopt, trino_note},
      {"Ganglia", std::nullopt, Release{7, 0, 0}, "use the CloudWatch agent for metrics"},
  }};
  return table;
}

}  // namespace

std::string unavailable_reason(const Application& app, const Release& release) {
  for (const auto& a : availability()) {
    if (a.name != app.name) continue;
    std::string reason;
    if (a.from && release < *a.from) reason = app.name + " is available from " + a.from->label();
    if (a.until && release >= *a.until) reason = app.name + " is not available from " + a.until->label() + " on";
    if (!reason.empty() && !a.note.empty()) reason += " (" + std::string(a.note) + ")";
    return reason;
  }
  return {};
}

}  // namespace drdb::aws::emr
