"""Follows the job's cluster through its "EMR Cluster State Change" events and removes what it
leaves behind.

The job-status table (JOB_STATUS_TABLE, keyed by JobName; the launcher's job_status.py documents
its columns) says which cluster runs job JOB_NAME (ClusterId); events of other clusters are ignored.

- RUNNING or WAITING: the cluster is ready; EmrReadyTime is set to the event's time (once).
- TERMINATED: JobStatus COMPLETED, so the next scheduled launch starts afresh.
- TERMINATED_WITH_ERRORS: JobStatus FAILED, with the state change's reason in StatusReason: launches
  stay blocked until an operator sets JobStatus to _FAILED.
On either end the read replica's metadata, s3://METADATA_BUCKET/<METADATA_PREFIX><cluster id>/ (the
prefix being the HBase root directory), is deleted, and nothing else under the root.
"""
import os

import boto3

READY = ("RUNNING", "WAITING")
ENDED = {"TERMINATED": "COMPLETED", "TERMINATED_WITH_ERRORS": "FAILED"}


def delete_prefix(s3, bucket, prefix):
    """Deletes every object under the prefix, a page (at most 1000 keys) at a time."""
    deleted = 0
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        keys = [{"Key": o["Key"]} for o in page.get("Contents", [])]
        if keys:
            s3.delete_objects(Bucket=bucket, Delete={"Objects": keys, "Quiet": True})
            deleted += len(keys)
    return deleted


def update_job(table, cluster_id, expression, values):
    """Updates the job's item if it still names the cluster; False when it does not."""
    names = {"ExpressionAttributeNames": {"#status": "JobStatus"}} if "#status" in expression else {}
    try:
        table.update_item(Key={"JobName": os.environ["JOB_NAME"]}, UpdateExpression=expression, ConditionExpression="ClusterId = :cluster",
                          ExpressionAttributeValues={":cluster": cluster_id, **values}, **names)
        return True
    except table.meta.client.exceptions.ConditionalCheckFailedException:
        return False


def handler(event, context):
    detail = event.get("detail", {})
    cluster_id, state = detail.get("clusterId"), detail.get("state")
    table = boto3.resource("dynamodb").Table(os.environ["JOB_STATUS_TABLE"])
    job = table.get_item(Key={"JobName": os.environ["JOB_NAME"]}).get("Item") if cluster_id else None
    if not job or job.get("ClusterId") != cluster_id or state not in READY + tuple(ENDED):
        return {"cleaned": False}
    if state in READY:
        ready = "EmrReadyTime" not in job and update_job(table, cluster_id, "SET EmrReadyTime = :time", {":time": event.get("time", "")})
        return {"cleaned": False, "ready": ready}
    status = ENDED[state]
    reason = detail.get("stateChangeReason") or detail.get("message") or state
    update_job(table, cluster_id, "SET #status = :status, StatusReason = :why", {":status": status, ":why": str(reason)})
    print(f"job {os.environ['JOB_NAME']}: cluster {cluster_id} {state}; JobStatus {status}")
    prefix = os.environ.get("METADATA_PREFIX", "") + cluster_id + "/"
    deleted = delete_prefix(boto3.client("s3"), os.environ["METADATA_BUCKET"], prefix)
    return {"cleaned": True, "deleted_objects": deleted, "job_status": status}
