"""What an operator asks the launcher by invoking it with {"action": ...}:

- {"action": "start", "EXPORT_DATE": "YYYY-MM-DD", "CORRELATION_ID": "...", "START_DATE": "YYYY-MM-DD",
  "DATABASE": "...", "INITIAL_LOAD": true}: a run of the steps for each date from START_DATE
  (default EXPORT_DATE) to EXPORT_DATE on one cluster (after the initial steps, with INITIAL_LOAD),
  recorded under CORRELATION_ID and the data product (DATA_PRODUCT, else DATABASE). A FAILED run of that key restarts from its failed step; any other recorded run
  is left alone (clear it for a full restart).
- {"action": "stop"}: terminates every active cluster of the model's name tagged as this
  platform's (the drdb:stack tag of CLUSTER_DEFINITION).
- {"action": "clear", "CORRELATION_ID": "...", "DATABASE": "..."}: deletes the run's items (every
  data product of the correlation id without DATABASE), unless one is active.
"""
import datetime
import json
import os

from boto3.dynamodb.conditions import Key

import runs

MAX_STEPS = 256  # EMR's limit on a cluster's pending and active steps
ACTIVE_CLUSTER_STATES = ["STARTING", "BOOTSTRAPPING", "RUNNING", "WAITING"]


def day(event, name):
    try:
        return datetime.date.fromisoformat(event[name])
    except KeyError:
        raise ValueError(f'"{name}" is missing: give it as YYYY-MM-DD') from None
    except (TypeError, ValueError):
        raise ValueError(f'"{name}" is {event[name]!r}: give it as YYYY-MM-DD') from None


def correlation_id(event):
    value = event.get("CORRELATION_ID")
    if not isinstance(value, str) or not value:
        raise ValueError('"CORRELATION_ID" is missing: name the run (the same id restarts a failed run)')
    return value


def start_work(event, steps_per_day):
    """The work item of a start request: its dates, database and correlation id."""
    export = day(event, "EXPORT_DATE")
    start = day(event, "START_DATE") if "START_DATE" in event else export
    if start > export:
        raise ValueError(f"START_DATE {start} is after EXPORT_DATE {export}")
    count = (export - start).days + 1
    if count * steps_per_day > MAX_STEPS:
        raise ValueError(f"{count} days of {steps_per_day} steps exceed EMR's {MAX_STEPS} steps of a cluster: start shorter ranges")
    database = event.get("DATABASE") or os.environ.get("DATA_PRODUCT")
    if not database:
        raise ValueError('"DATABASE" is missing: name the database whose dates the run loads')
    return {"database": database, "date": export.isoformat(), "input_path": event.get("INPUT_PATH", ""),
            "correlation_id": correlation_id(event), "initial_load": event.get("INITIAL_LOAD") is True,
            "dates": [(start + datetime.timedelta(days=i)).isoformat() for i in range(count)]}


def platform_tag():
    definition = json.loads(os.environ["CLUSTER_DEFINITION"])
    tags = {t["Key"]: t["Value"] for t in definition.get("Tags", [])}
    return definition["Name"], tags.get("drdb:stack")


def stop(emr):
    name, stack = platform_tag()
    stopped = []
    for page in emr.get_paginator("list_clusters").paginate(ClusterStates=ACTIVE_CLUSTER_STATES):
        for cluster in page["Clusters"]:
            if cluster["Name"] != name:
                continue
            try:
                described = emr.describe_cluster(ClusterId=cluster["Id"])["Cluster"]
            except emr.exceptions.ClientError as denied:  # another platform's cluster of that name: not ours to see
                print(f"skipped {cluster['Id']}: {denied}")
                continue
            tags = {t["Key"]: t["Value"] for t in described.get("Tags", [])}
            if stack is not None and tags.get("drdb:stack") == stack:
                stopped.append(cluster["Id"])
    if stopped:
        emr.terminate_job_flows(JobFlowIds=stopped)
    print(f"stopped {stopped or 'no cluster'}")
    return {"stopped": stopped}


def clear(table, event):
    cid = correlation_id(event)
    if event.get("DATABASE"):
        items = [i for i in [runs.find(table, cid, event["DATABASE"])] if i]
    else:
        items = table.query(KeyConditionExpression=Key("Correlation_Id").eq(cid))["Items"]
    active = [i["DataProduct"] for i in items if i.get("Status") in runs.ACTIVE]
    if active:
        raise ValueError(f"run {cid} of {', '.join(active)} is active: stop it first, then clear")
    for item in items:
        table.delete_item(Key={"Correlation_Id": cid, "DataProduct": item["DataProduct"]})
    return {"cleared": [{"correlation_id": cid, "data_product": i["DataProduct"]} for i in items]}
