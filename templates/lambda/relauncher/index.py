"""Relaunches the runs an EMR cluster took down with it.

Invoked by an EventBridge rule on "EMR Cluster State Change" to TERMINATED_WITH_ERRORS. Every run the
run-log table records on that cluster that had not finished (STARTED or RUNNING), or that failed, is
started again on the workflow for the same date, and its record is marked RELAUNCHED with the new
execution's ARN, so one failure is relaunched once.

Environment: RUN_LOG_TABLE (keyed by Correlation_Id, with a ClusterId index named by
RUN_LOG_CLUSTER_INDEX), WORKFLOW_ARN (the ensure-cluster state machine).
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


def handler(event, context):
    detail = event.get("detail", {})
    cluster_id = detail.get("clusterId")
    if not cluster_id or detail.get("state") != "TERMINATED_WITH_ERRORS":
        return {"relaunched": []}
    table = boto3.resource("dynamodb").Table(os.environ["RUN_LOG_TABLE"])
    sfn = boto3.client("stepfunctions")
    relaunched = []
    for run in runs_on_cluster(table, os.environ["RUN_LOG_CLUSTER_INDEX"], cluster_id):
        if run.get("Status") not in UNFINISHED:
            continue
        run_input = {"trigger": "relaunch", "relaunch_of": run["Correlation_Id"]}
        if "Date" in run:
            run_input["date"] = run["Date"]
        execution = sfn.start_execution(stateMachineArn=os.environ["WORKFLOW_ARN"], input=json.dumps(run_input))
        table.update_item(Key={"Correlation_Id": run["Correlation_Id"]},
                          UpdateExpression="SET #status = :status, RelaunchedAs = :execution",
                          ExpressionAttributeNames={"#status": "Status"},
                          ExpressionAttributeValues={":status": "RELAUNCHED", ":execution": execution["executionArn"]})
        relaunched.append(run["Correlation_Id"])
    return {"relaunched": relaunched}
