"""Keeps the runs of the run table current as their clusters run (the launcher's runs: runs.py in
templates/lambda/launcher has the table's columns).

Invoked by EventBridge rules on EMR events; the runs of the event's cluster are found through
RUN_LOG_CLUSTER_INDEX (an index of RUN_LOG_TABLE keyed by the cluster id column), and only a run
still on that cluster and not finished (STARTED or RUNNING) is changed, so late or repeated events
and events of other clusters change nothing:

- "EMR Step Status Change": RUNNING sets Status RUNNING and CurrentStep; FAILED sets Status FAILED,
  CurrentStep and FailedStep (the step's index in the run's Steps);
- "EMR Cluster State Change" to TERMINATED or TERMINATED_WITH_ERRORS: COMPLETED when every step
  completed (ALL_STEPS_COMPLETED), STOPPED when a user terminated it (USER_REQUEST), else FAILED.
"""
import json
import os

import boto3
from boto3.dynamodb.conditions import Key

UNFINISHED = ("STARTED", "RUNNING")
ENDINGS = {"ALL_STEPS_COMPLETED": "COMPLETED", "USER_REQUEST": "STOPPED"}


def cluster_column(table, index):
    (found,) = [i for i in table.global_secondary_indexes or [] if i["IndexName"] == index]
    return found["KeySchema"][0]["AttributeName"]


def runs_on_cluster(table, index, cluster_id):
    query = {"IndexName": index, "KeyConditionExpression": Key(cluster_column(table, index)).eq(cluster_id)}
    while True:
        page = table.query(**query)
        yield from page.get("Items", [])
        if "LastEvaluatedKey" not in page:
            return
        query["ExclusiveStartKey"] = page["LastEvaluatedKey"]


def state_change_code(detail):
    """The code of the event's stateChangeReason (EMR sends it as JSON text)."""
    reason = detail.get("stateChangeReason") or "{}"
    if isinstance(reason, str):
        try:
            reason = json.loads(reason)
        except ValueError:
            return ""
    return reason.get("code", "") if isinstance(reason, dict) else ""


def step_index(run, name):
    steps = [s["Name"] for s in json.loads(run.get("Steps", "[]"))]
    start = int(run.get("StartStep", 0))
    return steps.index(name, start) if name in steps[start:] else start


def changes(event, run):
    """The columns the event sets on the run ({} when none)."""
    detail = event["detail"]
    if event.get("detail-type") == "EMR Step Status Change":
        if detail.get("state") == "RUNNING":
            return {"Status": "RUNNING", "CurrentStep": detail["name"]}
        if detail.get("state") == "FAILED":
            return {"Status": "FAILED", "CurrentStep": detail["name"], "FailedStep": step_index(run, detail["name"])}
        return {}
    if detail.get("state") in ("TERMINATED", "TERMINATED_WITH_ERRORS"):
        code = state_change_code(detail)
        status = ENDINGS.get(code, "FAILED") if detail["state"] == "TERMINATED" else "FAILED"
        return {"Status": status, "Reason": code or detail["state"]}
    return {}


def handler(event, context):
    cluster_id = event.get("detail", {}).get("clusterId")
    if not cluster_id:
        return {"updated": []}
    table = boto3.resource("dynamodb").Table(os.environ["RUN_LOG_TABLE"])
    index = os.environ["RUN_LOG_CLUSTER_INDEX"]
    column = cluster_column(table, index)
    key_names = [k["AttributeName"] for k in table.key_schema]
    updated = []
    for run in runs_on_cluster(table, index, cluster_id):
        columns = changes(event, run)
        if not columns or run.get("Status") not in UNFINISHED:
            continue
        names = {f"#c{i}": name for i, name in enumerate(columns)}
        values = {f":c{i}": value for i, value in enumerate(columns.values())}
        try:
            table.update_item(Key={k: run[k] for k in key_names},
                              UpdateExpression="SET " + ", ".join(f"#c{i} = :c{i}" for i in range(len(columns))),
                              ConditionExpression="#cluster = :cluster AND #status IN (:started, :running)",
                              ExpressionAttributeNames={**names, "#cluster": column, "#status": "Status"},
                              ExpressionAttributeValues={**values, ":cluster": cluster_id, ":started": UNFINISHED[0], ":running": UNFINISHED[1]})
        except table.meta.client.exceptions.ConditionalCheckFailedException:
            continue  # relaunched or finished meanwhile
        updated.append(run["Correlation_Id"])
    return {"updated": updated}
