"""One cluster at a time for a job: the job-status item in JOB_STATUS_TABLE, keyed by JobName.

The item's columns:
  JobName                        the job (JOB_NAME), the partition key
  JobStatus                      STARTING, RUNNING, COMPLETED, FAILED, _FAILED or RELEASED (below)
  CorrelationId                  the run this claim launched (the run log's Correlation_Id)
  TriggeredTime                  when the claiming invocation was triggered (the event's time, UTC)
  ClusterId                      the cluster launched for the run
  EmrReadyTime                   when that cluster reached RUNNING or WAITING (the state-change handler)
  LastProcessedRecordTimestamp   written by the job itself; the claim keeps it for the next run
  StatusReason                   why the job last became FAILED or RELEASED
  ClaimExpires                   (epoch seconds) when the claiming invocation has certainly ended

Statuses and what a launch does on each:
  STARTING, RUNNING   active: the launcher re-checks every JOB_POLL_SECONDS for up to
                      JOB_WAIT_SECONDS (never past the invocation's remaining time), then gives up
  STARTING, expired   stale: the claiming invocation ended without launching or releasing (it
                      timed out, or was killed): taken over, so one lost invocation cannot block
                      the job for good
  FAILED              blocking: no launch until an operator acknowledges the failure by setting
                      JobStatus to _FAILED
  _FAILED             acknowledged: launches again
  COMPLETED, RELEASED (a launch that failed after claiming), or no item: launches

With MAINTENANCE_WINDOWS ("WED 17:00-19:00,SAT 00:00-06:00": UTC day and times, end excluded),
nothing is claimed while the triggering event's time falls in a window.
"""
import datetime
import os
import time

ACTIVE = ("STARTING", "RUNNING")
LAMBDA_MAX_SECONDS = 900  # no invocation runs longer
BLOCKING = "FAILED"
ACKNOWLEDGED = "_FAILED"
RELEASED = "RELEASED"
DAYS = ("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN")


def wall_clock():
    """Seconds since the epoch (a function, so tests can move it)."""
    return datetime.datetime.now(datetime.timezone.utc).timestamp()


def event_time(event):
    """The event's time (EventBridge "time"), else now; in UTC."""
    text = event.get("time") if isinstance(event, dict) else None
    if text:
        return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(datetime.timezone.utc)
    return datetime.datetime.now(datetime.timezone.utc)


def parse_windows(text):
    """[(day index, start minute, end minute)] of "DAY HH:MM-HH:MM" items separated by commas."""
    windows = []
    for item in filter(None, (part.strip() for part in (text or "").split(","))):
        day, _, hours = item.partition(" ")
        start, _, end = hours.strip().partition("-")
        if day.upper() not in DAYS or not start or not end:
            raise ValueError(f'maintenance window "{item}" is not "DAY HH:MM-HH:MM" (e.g. "WED 17:00-19:00")')
        minutes = [int(h) * 60 + int(m) for h, m in (t.split(":") for t in (start, end))]
        windows.append((DAYS.index(day.upper()), minutes[0], minutes[1]))
    return windows


def maintenance_window(when, text):
    """The window (as written) `when` falls in, or None."""
    minute = when.hour * 60 + when.minute
    for item, (day, start, end) in zip(filter(None, (p.strip() for p in (text or "").split(","))), parse_windows(text)):
        if when.weekday() == day and start <= minute < end:
            return item
    return None


class NoJobLock:
    """Without JOB_STATUS_TABLE: every launch goes ahead."""

    def claim(self, event, context):
        return True

    def launching(self, launch, *args):
        return launch(*args)


class JobLock:
    def __init__(self, table, job_name, wait_seconds=0, poll_seconds=60, windows=""):
        self.table, self.job_name = table, job_name
        self.wait_seconds, self.poll_seconds, self.windows = wait_seconds, poll_seconds, windows
        self.triggered = None
        self.lifetime = LAMBDA_MAX_SECONDS

    def _try_claim(self):
        """True when the job's item is now STARTING for this invocation; False when another status
        stops it. A STARTING claim past its ClaimExpires is stale and taken over."""
        now = int(wall_clock())
        try:
            old = self.table.update_item(
                Key={"JobName": self.job_name},
                UpdateExpression="SET #status = :starting, TriggeredTime = :triggered, ClaimExpires = :expires "
                                 "REMOVE CorrelationId, ClusterId, EmrReadyTime, StatusReason",
                ConditionExpression="attribute_not_exists(#status) OR NOT #status IN (:starting, :running, :failed) "
                                    "OR (#status = :starting AND ClaimExpires < :now)",
                ExpressionAttributeNames={"#status": "JobStatus"},
                ExpressionAttributeValues={":starting": ACTIVE[0], ":running": ACTIVE[1], ":failed": BLOCKING,
                                           ":triggered": self.triggered, ":now": now, ":expires": now + self.lifetime},
                ReturnValues="ALL_OLD").get("Attributes", {})
        except self.table.meta.client.exceptions.ConditionalCheckFailedException:
            return False
        if old.get("JobStatus") == ACTIVE[0]:
            print(f"job {self.job_name}: took over a stale claim (triggered {old.get('TriggeredTime')}, its invocation ended "
                  "without launching or releasing)")
        return True

    def _status(self):
        return self.table.get_item(Key={"JobName": self.job_name}, ConsistentRead=True).get("Item", {}).get("JobStatus")

    def claim(self, event, context):
        """True when this invocation may launch: the job is now STARTING, claimed by it."""
        when = event_time(event)
        window = maintenance_window(when, self.windows)
        if window:
            print(f"job {self.job_name}: {when.isoformat()} is in the HBase maintenance window {window}; nothing launched")
            return False
        self.triggered = when.isoformat().replace("+00:00", "Z")
        # The claim outlives this invocation by a second at most: then it is stale.
        self.lifetime = int(context.get_remaining_time_in_millis() / 1000) + 1 if context is not None else LAMBDA_MAX_SECONDS
        remaining = context.get_remaining_time_in_millis() / 1000 - 10 if context is not None else self.wait_seconds
        deadline = time.monotonic() + max(0, min(self.wait_seconds, remaining))
        while True:
            if self._try_claim():
                return True
            status = self._status()
            if status == BLOCKING:
                print(f"job {self.job_name} is blocked: its last run FAILED; nothing launched until an operator sets "
                      f"JobStatus to {ACKNOWLEDGED} in the job-status table")
                return False
            left = deadline - time.monotonic()
            if left <= 0:
                print(f"job {self.job_name} is still {status} after waiting {self.wait_seconds}s; gave up, nothing launched")
                return False
            time.sleep(min(self.poll_seconds, left))

    def launching(self, launch, *args):
        """launch(*args) under the claim: RUNNING with its cluster and run when it starts; released
        (RELEASED, with the reason) when it fails, so the next launch is not blocked."""
        try:
            run = launch(*args)
        except Exception as failure:
            self.table.update_item(Key={"JobName": self.job_name}, UpdateExpression="SET #status = :released, StatusReason = :why",
                                   ExpressionAttributeNames={"#status": "JobStatus"},
                                   ExpressionAttributeValues={":released": RELEASED, ":why": f"launch failed: {failure}"})
            print(f"job {self.job_name}: the launch failed ({failure}); claim released")
            raise
        self.table.update_item(Key={"JobName": self.job_name}, UpdateExpression="SET #status = :running, ClusterId = :c, CorrelationId = :r",
                               ExpressionAttributeNames={"#status": "JobStatus"},
                               ExpressionAttributeValues={":running": ACTIVE[1], ":c": run["cluster_id"], ":r": run["correlation_id"]})
        return run


def from_environment(resource=None):
    """The job lock JOB_STATUS_TABLE and JOB_NAME describe, or a NoJobLock without them."""
    if "JOB_STATUS_TABLE" not in os.environ:
        return NoJobLock()
    if resource is None:
        import boto3
        resource = boto3.resource("dynamodb")
    parse_windows(os.environ.get("MAINTENANCE_WINDOWS", ""))  # a malformed window fails every invocation, loudly
    return JobLock(resource.Table(os.environ["JOB_STATUS_TABLE"]), os.environ["JOB_NAME"],
                   wait_seconds=int(os.environ.get("JOB_WAIT_SECONDS", "0")), poll_seconds=int(os.environ.get("JOB_POLL_SECONDS", "60")),
                   windows=os.environ.get("MAINTENANCE_WINDOWS", ""))
