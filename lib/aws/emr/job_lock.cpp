// JobLock: the launcher's environment for the job-status claim, and the checks of its settings.
#include "drdb/aws/emr/job_lock.hpp"

#include <array>
#include <cctype>

#include "drdb/aws/dynamodb/table.hpp"
#include "drdb/core/diagnostics.hpp"

namespace drdb::aws::emr {

namespace {

// The margin job_status.py keeps between the end of a wait and the end of the invocation.
constexpr int launch_margin_seconds = 10;
constexpr std::array<std::string_view, 7> days{"MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"};

// Minutes since midnight of "HH:MM", or -1.
int minutes_of(std::string_view text) {
  if (text.size() != 5 || text[2] != ':') return -1;
  for (const std::size_t i : {0U, 1U, 3U, 4U})
    if (std::isdigit(static_cast<unsigned char>(text[i])) == 0) return -1;
  const int hours = (text[0] - '0') * 10 + (text[1] - '0');
  const int minutes = (text[3] - '0') * 10 + (text[4] - '0');
  if (hours > 24 || minutes > 59 || (hours == 24 && minutes != 0)) return -1;
  return hours * 60 + minutes;
}

// Whether `window` reads "DAY HH:MM-HH:MM" with the start before the end.
bool valid_window(std::string_view window) {
  if (window.size() != 15 || window[3] != ' ' || window[9] != '-') return false;
  bool day_known = false;
  for (const auto day : days) day_known = day_known || window.substr(0, 3) == day;
  const int start = minutes_of(window.substr(4, 5));
  const int end = minutes_of(window.substr(10, 5));
  return day_known && start >= 0 && end > start;
}

}  // namespace

void add_job_lock_environment(const JobLock& lock, std::map<std::string, Str>& env) {
  if (lock.table == nullptr) return;
  env.insert_or_assign("JOB_STATUS_TABLE", lock.table->table_name());
  env.insert_or_assign("JOB_NAME", Str(lock.job_name));
  if (lock.wait_seconds > 0) {
    env.insert_or_assign("JOB_WAIT_SECONDS", Str(std::to_string(lock.wait_seconds)));
    env.insert_or_assign("JOB_POLL_SECONDS", Str(std::to_string(lock.poll_seconds)));
  }
  std::string windows;
  for (const auto& window : lock.maintenance_windows) windows += (windows.empty() ? "" : ",") + window;
  if (!windows.empty()) env.insert_or_assign("MAINTENANCE_WINDOWS", Str(windows));
}

void validate_job_lock(const JobLock& lock, int function_timeout, const std::string& path, Diagnostics& out) {
  if (lock.wait_seconds < 0)
    out.error(path, "job_lock.wait_seconds is negative", "give 0 (do not wait) or the seconds to wait, e.g. 840");
  if (lock.poll_seconds < 1)
    out.error(path, "job_lock.poll_seconds must be at least 1", "re-check, e.g., every 60 seconds");
  if (lock.wait_seconds > 0 && lock.wait_seconds + launch_margin_seconds > function_timeout)
    out.error(path,
              "job_lock.wait_seconds (" + std::to_string(lock.wait_seconds) +
                  ") does not fit in the function's timeout (" + std::to_string(function_timeout) + " s) with " +
                  std::to_string(launch_margin_seconds) + " s left to launch",
              "raise timeout to at least " + std::to_string(lock.wait_seconds + launch_margin_seconds) +
                  " (at most 900), or shorten the wait");
  for (const auto& window : lock.maintenance_windows)
    if (!valid_window(window))
      out.error(path, "maintenance window \"" + window + "\" is not \"DAY HH:MM-HH:MM\" (UTC, start before end)",
                "write it as, e.g., \"WED 17:00-19:00\" (days MON-SUN)");
}

}  // namespace drdb::aws::emr
