"""Clears a run's metrics objects, so a scraper never reads a previous run's as this one's.

    spark-submit run_metrics.py clear s3://<bucket>/<metrics prefix>/

Deletes every object under the prefix (in a versioned bucket the old versions stay, noncurrent,
where no listing of objects sees them). The platform runs it at the start and at the
end of a run. Plain boto3: spark-submit runs a Python file as its driver, and no Spark is needed.
The prefix must be non-empty: clearing a whole bucket is never what a run means.
"""
import re
import sys

PREFIX = re.compile(r"^s3://(?P<bucket>[a-z0-9][a-z0-9.-]{1,61}[a-z0-9])/(?P<prefix>(?:[^/]+/)+)$")
ACTIONS = ("clear",)
USAGE = "usage: run_metrics.py clear s3://<bucket>/<metrics prefix>/"


class UsageError(ValueError):
    pass


def parse_args(argv):
    """(action, bucket, prefix), or UsageError."""
    if len(argv) != 2:
        raise UsageError(f"expected an action and a metrics prefix, got {len(argv)} arguments")
    action, uri = argv
    if action not in ACTIONS:
        raise UsageError(f"unknown action {action!r}: expected " + " or ".join(ACTIONS))
    match = PREFIX.match(uri)
    if not match:
        raise UsageError(f"metrics prefix {uri!r} is not s3://<bucket>/<prefix>/ (a non-empty prefix ending in '/')")
    return action, match["bucket"], match["prefix"]


def clear(s3, bucket, prefix):
    """Deletes the objects under prefix; returns how many."""
    deleted = 0
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        keys = [{"Key": o["Key"]} for o in page.get("Contents", [])]
        if not keys:
            continue
        # A page holds at most 1000 keys, DeleteObjects' limit.
        answer = s3.delete_objects(Bucket=bucket, Delete={"Objects": keys, "Quiet": True})
        if answer.get("Errors"):
            failed = ", ".join(f"{e['Key']} ({e['Code']})" for e in answer["Errors"])
            raise RuntimeError(f"could not delete from s3://{bucket}/: {failed}")
        deleted += len(keys)
    return deleted


def main(argv):
    try:
        _, bucket, prefix = parse_args(argv)
    except UsageError as refused:
        print(f"run_metrics.py: error: {refused}\n{USAGE}", file=sys.stderr)
        return 2
    import boto3

    count = clear(boto3.client("s3"), bucket, prefix)
    print(f"run_metrics.py: cleared {count} metrics objects under s3://{bucket}/{prefix}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
