// One cluster at a time for a job: a launcher with a JobLock claims the job's item in a DynamoDB
// table (partition key JobName) before each launch. templates/lambda/launcher/job_status.py is the
// handler side; the item's columns are JobName, JobStatus, CorrelationId, TriggeredTime, ClusterId,
// EmrReadyTime, LastProcessedRecordTimestamp (written by the job) and StatusReason.
//
// JobStatus, and what a launch does on each:
//   STARTING, RUNNING  active: re-check every poll_seconds for up to wait_seconds, then give up
//   FAILED             blocking: nothing launches until an operator sets JobStatus to _FAILED
//   _FAILED            acknowledged failure: launches
//   COMPLETED, RELEASED (a launch that failed after its claim), no item: launches
// Whoever sees the cluster end sets COMPLETED or FAILED (templates/lambda/metadata_cleanup does).
#pragma once

#include <array>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "drdb/core/typed.hpp"

namespace drdb {
class Diagnostics;
}
namespace drdb::aws::dynamodb {
class Table;
}

namespace drdb::aws::emr {

inline constexpr std::string_view job_status_blocking = "FAILED";
inline constexpr std::string_view job_status_acknowledged = "_FAILED";

struct JobLock {
  const dynamodb::Table* table = nullptr;  // partition key JobName
  std::string job_name;
  // While the job is active, how long a launch waits for it (within one invocation, so at most the
  // function's timeout less a margin) and how often it re-checks; 0: give up at once.
  int wait_seconds = 0;
  int poll_seconds = 60;
  // When nothing is launched: "DAY HH:MM-HH:MM" in UTC (DAY MON-SUN, end excluded), e.g. the HBase
  // maintenance windows "WED 17:00-19:00".
  std::vector<std::string> maintenance_windows;
};

// The variables a job lock sets in the launcher's environment.
inline constexpr std::array<std::string_view, 5> job_lock_variables{"JOB_STATUS_TABLE", "JOB_NAME", "JOB_WAIT_SECONDS",
                                                                    "JOB_POLL_SECONDS", "MAINTENANCE_WINDOWS"};

// JOB_STATUS_TABLE and JOB_NAME; JOB_WAIT_SECONDS and JOB_POLL_SECONDS with a wait; MAINTENANCE_WINDOWS
// with windows (comma-separated).
void add_job_lock_environment(const JobLock& lock, std::map<std::string, Str>& env);

// Problems of the lock of the launcher at `path`, whose timeout is `function_timeout` seconds.
void validate_job_lock(const JobLock& lock, int function_timeout, const std::string& path, Diagnostics& out);

}  // namespace drdb::aws::emr
