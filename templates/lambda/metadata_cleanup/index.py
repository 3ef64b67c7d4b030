"""Removes what a terminated cluster leaves behind.

Invoked by an EventBridge rule on "EMR Cluster State Change" to TERMINATED or
TERMINATED_WITH_ERRORS. When the job-status table (JOB_STATUS_TABLE, keyed by JobName) says job
JOB_NAME ran on that cluster, the job is marked with the cluster's final state, so the next
scheduled launch starts afresh, and the cluster's metadata under
s3://METADATA_BUCKET/<METADATA_PREFIX><cluster id>/ (e.g. an HBase read replica's) is deleted.
"""
import os

import boto3


def delete_prefix(s3, bucket, prefix):
    """Deletes every object under the prefix, a page (at most 1000 keys) at a time."""
    deleted = 0
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        keys = [{"Key": o["Key"]} for o in page.get("Contents", [])]
        if keys:
            s3.delete_objects(Bucket=bucket, Delete={"Objects": keys, "Quiet": True})
            deleted += len(keys)
    return deleted


def handler(event, context):
    detail = event.get("detail", {})
    cluster_id, state = detail.get("clusterId"), detail.get("state")
    if not cluster_id or state not in ("TERMINATED", "TERMINATED_WITH_ERRORS"):
        return {"cleaned": False}
    table = boto3.resource("dynamodb").Table(os.environ["JOB_STATUS_TABLE"])
    job = table.get_item(Key={"JobName": os.environ["JOB_NAME"]}).get("Item")
    if not job or job.get("ClusterId") != cluster_id:
        return {"cleaned": False}
    table.update_item(Key={"JobName": os.environ["JOB_NAME"]}, UpdateExpression="SET #status = :state",
                      ExpressionAttributeNames={"#status": "Status"}, ExpressionAttributeValues={":state": state})
    prefix = os.environ.get("METADATA_PREFIX", "") + cluster_id + "/"
    deleted = delete_prefix(boto3.client("s3"), os.environ["METADATA_BUCKET"], prefix)
    return {"cleaned": True, "deleted_objects": deleted}
