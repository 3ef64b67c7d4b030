"""Relaunches the runs an EMR cluster took down with it.

Invoked by an EventBridge rule on "EMR Cluster State Change" to TERMINATED_WITH_ERRORS. Every run the
run-log table records on that cluster that had not finished (STARTED or RUNNING), or that failed, is
started again, and its record is marked RELAUNCHED with what was started, so one failure is
relaunched once:

- with WORKFLOW_ARN (a workflow's runs): a new execution of the state machine for the same date;
- with LAUNCHER_FUNCTION (runs of the launcher handler): the run's FailedStep is set to its first
  step that did not complete on the cluster, and the launcher is invoked with {"restart_from": ...},
  which launches a new cluster with the steps from that one on.

Environment: RUN_LOG_TABLE (keyed by Correlation_Id, and DataProduct when the table has that sort
key), RUN_LOG_CLUSTER_INDEX (an index keyed by ClusterId), and WORKFLOW_ARN or LAUNCHER_FUNCTION.
"""
import json
import os

import boto3
from boto3.dynamodb.conditions import Key

UNFINISHED = {"STARTED", "RUNNING", "FAILED"}


def runs_on_cluster(table, index, cluster_id):
    """Every record of runs on the cluster, following DynamoDB's pages."""
    query = {"IndexName": index, "KeyConditionExpression": Key("ClusterId").eq(cluster_id)}
    while True:
        page = table.query(**query)
        yield from page.get("Items", [])
        if "LastEvaluatedKey" not in page:
            return
        query["ExclusiveStartKey"] = page["LastEvaluatedKey"]


def first_unfinished_step(emr, cluster_id, recorded_steps):
    """Index in the run's steps of the first one the cluster did not complete (0 when none is known)."""
    states = {}
    for page in emr.get_paginator("list_steps").paginate(ClusterId=cluster_id):
        for step in page["Steps"]:
            states.setdefault(step["Name"], step["Status"]["State"])
    for i, step in enumerate(recorded_steps):
        if states.get(step["Name"]) != "COMPLETED":
            return i
    return 0


def relaunch_workflow(run):
    run_input = {"trigger": "relaunch", "relaunch_of": run["Correlation_Id"]}
    if "Date" in run:
        run_input["date"] = run["Date"]
    execution = boto3.client("stepfunctions").start_execution(stateMachineArn=os.environ["WORKFLOW_ARN"], input=json.dumps(run_input))
    return execution["executionArn"]


def relaunch_from_failed_step(table, key, run, cluster_id):
    failed = first_unfinished_step(boto3.client("emr"), cluster_id, json.loads(run.get("Steps", "[]")))
    table.update_item(Key=key, UpdateExpression="SET FailedStep = :i", ExpressionAttributeValues={":i": failed})
    answer = boto3.client("lambda").invoke(FunctionName=os.environ["LAUNCHER_FUNCTION"],
                                           Payload=json.dumps({"restart_from": run["Correlation_Id"]}).encode())
    if answer.get("FunctionError"):
        raise RuntimeError(f"the launcher failed to relaunch {run['Correlation_Id']}: {answer['Payload'].read().decode()}")
    (launched,) = json.loads(answer["Payload"].read())["launched"]
    return launched["cluster_id"]


def handler(event, context):
    detail = event.get("detail", {})
    cluster_id = detail.get("clusterId")
    if not cluster_id or detail.get("state") != "TERMINATED_WITH_ERRORS":
        return {"relaunched": []}
    table = boto3.resource("dynamodb").Table(os.environ["RUN_LOG_TABLE"])
    key_names = [k["AttributeName"] for k in table.key_schema]
    relaunched = []
    for run in runs_on_cluster(table, os.environ["RUN_LOG_CLUSTER_INDEX"], cluster_id):
        if run.get("Status") not in UNFINISHED:
            continue
        key = {name: run[name] for name in key_names}
        if "WORKFLOW_ARN" in os.environ:
            started = relaunch_workflow(run)
        else:
            started = relaunch_from_failed_step(table, key, run, cluster_id)
        table.update_item(Key=key, UpdateExpression="SET #status = :status, RelaunchedAs = :started",
                          ExpressionAttributeNames={"#status": "Status"},
                          ExpressionAttributeValues={":status": "RELAUNCHED", ":started": started})
        relaunched.append(run["Correlation_Id"])
    return {"relaunched": relaunched}
