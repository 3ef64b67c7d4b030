"""Relaunches the runs an EMR cluster took down with it.

Invoked by an EventBridge rule on "EMR Cluster State Change" when a cluster failed, as EMR reports it
either way: TERMINATED_WITH_ERRORS, or TERMINATED with a stateChangeReason (JSON text) whose code is
STEP_FAILURE, which is how a cluster ends when a step fails with CANCEL_AND_WAIT and the cluster
terminates itself once no step is left. Other events relaunch nothing. Every run the run table
records on that cluster that had not finished (STARTED or RUNNING), or that failed, is started again:

- with WORKFLOW_ARN (a workflow's runs): a new execution of the state machine for the same date,
  and the run's record is marked RELAUNCHED with the execution, so one failure is relaunched once;
- with LAUNCHER_FUNCTION (runs of the launcher handler): the launcher is invoked with the run, the
  failed cluster and the run's first step that did not complete on it; the launcher relaunches
  the run on a new cluster from that step (once per failed cluster, at most its MAX_RELAUNCHES
  times) and updates the run's record itself.

Environment: RUN_LOG_TABLE (keyed by Correlation_Id, and DataProduct when the table has that sort
key), RUN_LOG_CLUSTER_INDEX (an index keyed by the column holding the cluster id: ClusterId for
workflow runs, Cluster_Id for the launcher's), and WORKFLOW_ARN or LAUNCHER_FUNCTION.
"""
import json
import os

import boto3
from boto3.dynamodb.conditions import Key

UNFINISHED = {"STARTED", "RUNNING", "FAILED"}


def cluster_column(table, index):
    (found,) = [i for i in table.global_secondary_indexes or [] if i["IndexName"] == index]
    return found["KeySchema"][0]["AttributeName"]


def failed(detail):
    """Whether a "EMR Cluster State Change" says the cluster failed."""
    if detail.get("state") == "TERMINATED_WITH_ERRORS":
        return True
    if detail.get("state") != "TERMINATED":
        return False
    reason = detail.get("stateChangeReason") or "{}"
    try:
        reason = json.loads(reason) if isinstance(reason, str) else reason
    except ValueError:
        return False
    return isinstance(reason, dict) and reason.get("code") == "STEP_FAILURE"


def runs_on_cluster(table, index, cluster_id):
    """Every record of runs on the cluster, following DynamoDB's pages."""
    query = {"IndexName": index, "KeyConditionExpression": Key(cluster_column(table, index)).eq(cluster_id)}
    while True:
        page = table.query(**query)
        yield from page.get("Items", [])
        if "LastEvaluatedKey" not in page:
            return
        query["ExclusiveStartKey"] = page["LastEvaluatedKey"]


def first_unfinished_step(emr, cluster_id, recorded_steps, start=0):
    """Index in the run's steps of the first one the cluster (which ran them from `start` on) did not
    complete (`start` when none is known)."""
    states = {}
    for page in emr.get_paginator("list_steps").paginate(ClusterId=cluster_id):
        for step in page["Steps"]:
            states.setdefault(step["Name"], step["Status"]["State"])
    for i, step in enumerate(recorded_steps[start:], start):
        if states.get(step["Name"]) != "COMPLETED":
            return i
    return start


def relaunch_workflow(run):
    run_input = {"trigger": "relaunch", "relaunch_of": run["Correlation_Id"]}
    if "Date" in run:
        run_input["date"] = run["Date"]
    execution = boto3.client("stepfunctions").start_execution(stateMachineArn=os.environ["WORKFLOW_ARN"], input=json.dumps(run_input))
    return execution["executionArn"]


def relaunch_from_failed_step(run, cluster_id):
    """The cluster the launcher relaunched the run on, or None when it launched nothing (the run was
    relaunched already, or reached its cap)."""
    failed_step = first_unfinished_step(boto3.client("emr"), cluster_id, json.loads(run.get("Steps", "[]")), int(run.get("StartStep", 0)))
    request = {"restart_from": run["Correlation_Id"], "data_product": run.get("DataProduct"), "failed_cluster": cluster_id,
               "failed_step": failed_step}
    answer = boto3.client("lambda").invoke(FunctionName=os.environ["LAUNCHER_FUNCTION"], Payload=json.dumps(request).encode())
    if answer.get("FunctionError"):
        raise RuntimeError(f"the launcher failed to relaunch {run['Correlation_Id']}: {answer['Payload'].read().decode()}")
    launched = json.loads(answer["Payload"].read())["launched"]
    return launched[0]["cluster_id"] if launched else None


def handler(event, context):
    detail = event.get("detail", {})
    cluster_id = detail.get("clusterId")
    if not cluster_id or not failed(detail):
        return {"relaunched": []}
    table = boto3.resource("dynamodb").Table(os.environ["RUN_LOG_TABLE"])
    key_names = [k["AttributeName"] for k in table.key_schema]
    relaunched = []
    for run in runs_on_cluster(table, os.environ["RUN_LOG_CLUSTER_INDEX"], cluster_id):
        if run.get("Status") not in UNFINISHED:
            continue
        if "WORKFLOW_ARN" not in os.environ:
            if relaunch_from_failed_step(run, cluster_id):
                relaunched.append(run["Correlation_Id"])
            continue
        key = {name: run[name] for name in key_names}
        started = relaunch_workflow(run)
        table.update_item(Key=key, UpdateExpression="SET #status = :status, RelaunchedAs = :started",
                          ExpressionAttributeNames={"#status": "Status"},
                          ExpressionAttributeValues={":status": "RELAUNCHED", ":started": started})
        relaunched.append(run["Correlation_Id"])
    return {"relaunched": relaunched}
