"""Launches the EMR cluster model for each piece of work, and records the run.

The cluster is the one drdb rendered from the typed model: CLUSTER_DEFINITION holds its RunJobFlow
parameters (never a hand-copied definition). STEPS holds the steps to run, rendered from the model
too, in which "{database}", "{date}" and "{input_path}" are replaced by what the event says:

- an SQS message carrying an S3 notification or an EventBridge "Object Created" event (or either
  itself): for each object created under "<database>/<YYYY-MM-DD>/", database and date from the
  key, input_path = s3://<bucket>/<database>/<date>/;
- an API Gateway proxy request whose JSON body has "input_path" (and optionally "database", "date");
- {"restart_from": <correlation id>} (from the relauncher): that run, from its failed step on;
- anything else (a scheduled EventBridge event): the event's date, when it has a time.

Each launch is recorded in RUN_LOG_TABLE (keyed by Correlation_Id and DataProduct): the cluster, the
steps and STARTED. With "restart_from" (a correlation id) in an API request, the run's record is
read and the cluster launched with the steps from its failed one on.

With REQUIRED_SECRETS (comma-separated secret ARNs, e.g. the Hive metastore's password), nothing is
launched until each secret has a value: a cluster would otherwise fail while bootstrapping.

With JOB_STATUS_TABLE and JOB_NAME, one cluster runs the job at a time: the job's item (keyed by
JobName) is claimed with a conditional write unless it says STARTING or RUNNING, and then holds
the cluster's id (the metadata clean-up handler releases it when the cluster terminates).
"""
import datetime
import json
import os
import re
import urllib.parse
import uuid

import boto3
from boto3.dynamodb.conditions import Key

PARTITION = re.compile(r"^(?P<database>[A-Za-z0-9_\-]+)/(?P<date>\d{4}-\d{2}-\d{2})/")


def work_from_s3(bucket, key):
    match = PARTITION.match(key)
    if not match:
        print(f"skipped s3://{bucket}/{key}: not under <database>/<YYYY-MM-DD>/")
        return None
    database, date = match["database"], match["date"]
    return {"database": database, "date": date, "input_path": f"s3://{bucket}/{database}/{date}/"}


def created_objects(message):
    """(bucket, key) of each object an S3 notification or EventBridge S3 event names."""
    if message.get("detail-type") == "Object Created":
        yield message["detail"]["bucket"]["name"], message["detail"]["object"]["key"]
    for record in message.get("Records", [message] if "s3" in message else []):
        yield record["s3"]["bucket"]["name"], urllib.parse.unquote_plus(record["s3"]["object"]["key"])


def work_items(event):
    """(work, restart_from) pairs the event asks for."""
    if "Records" in event and any("body" in r for r in event["Records"]):
        messages = [json.loads(r["body"]) for r in event["Records"]]
    elif "Records" in event or event.get("detail-type") == "Object Created":
        messages = [event]
    else:
        messages = []
    for message in messages:
        for bucket, key in created_objects(message):
            work = work_from_s3(bucket, key)
            if work:
                yield work, None
    if messages:
        return
    if "restart_from" in event and not is_api_request(event):
        yield {}, event["restart_from"]
    elif is_api_request(event):
        body = json.loads(event.get("body") or "{}")
        if "input_path" not in body and "restart_from" not in body:
            raise ValueError('the request needs "input_path" (s3://...) or "restart_from"')
        yield ({"input_path": body.get("input_path", ""), "database": body.get("database", "default"),
                "date": body.get("date", datetime.date.today().isoformat())}, body.get("restart_from"))
    else:
        yield {"database": "default", "input_path": "", "date": event.get("time", "")[:10] or datetime.date.today().isoformat()}, None


def fill(value, work):
    """The step template with each {placeholder} of `work` replaced; other braces stay as written."""
    if isinstance(value, str):
        for name, text in work.items():
            value = value.replace("{" + name + "}", text)
        return value
    if isinstance(value, list):
        return [fill(v, work) for v in value]
    if isinstance(value, dict):
        return {k: fill(v, work) for k, v in value.items()}
    return value


def launch(emr, table, work, steps, data_product):
    definition = json.loads(os.environ["CLUSTER_DEFINITION"])
    definition["Steps"] = steps
    cluster_id = emr.run_job_flow(**definition)["JobFlowId"]
    correlation_id = str(uuid.uuid4())
    table.put_item(Item={"Correlation_Id": correlation_id, "DataProduct": data_product, "ClusterId": cluster_id,
                         "Date": work["date"], "InputPath": work["input_path"], "Steps": json.dumps(steps),
                         "Status": "STARTED"})
    return {"correlation_id": correlation_id, "cluster_id": cluster_id}


def steps_to_restart(table, correlation_id):
    """The steps of a recorded run from its failed one (FailedStep, an index) on."""
    found = table.query(KeyConditionExpression=Key("Correlation_Id").eq(correlation_id))["Items"]
    if not found:
        raise ValueError(f"no run {correlation_id} to restart")
    run = found[0]
    steps = json.loads(run["Steps"])
    return run, steps[int(run.get("FailedStep", 0)):]


ACTIVE = ("STARTING", "RUNNING")


def claim_job(job_table):
    """True when this invocation may launch: the job is not active, and is now ours (STARTING)."""
    try:
        job_table.put_item(Item={"JobName": os.environ["JOB_NAME"], "Status": "STARTING"},
                           ConditionExpression="attribute_not_exists(JobName) OR NOT #status IN (:starting, :running)",
                           ExpressionAttributeNames={"#status": "Status"},
                           ExpressionAttributeValues={":starting": ACTIVE[0], ":running": ACTIVE[1]})
        return True
    except job_table.meta.client.exceptions.ConditionalCheckFailedException:
        print(f"job {os.environ['JOB_NAME']} is already running; nothing launched")
        return False


def check_required_secrets():
    secrets = boto3.client("secretsmanager")
    for arn in filter(None, os.environ.get("REQUIRED_SECRETS", "").split(",")):
        try:
            secrets.get_secret_value(SecretId=arn)
        except secrets.exceptions.ResourceNotFoundException:
            raise RuntimeError(f"secret {arn} has no value yet: put it (aws secretsmanager put-secret-value) before launching")


def is_api_request(event):
    return "httpMethod" in event or "requestContext" in event


def handler(event, context):
    emr = boto3.client("emr")
    table = boto3.resource("dynamodb").Table(os.environ["RUN_LOG_TABLE"])
    template = json.loads(os.environ["STEPS"])
    check_required_secrets()
    launched = []
    job_table = boto3.resource("dynamodb").Table(os.environ["JOB_STATUS_TABLE"]) if "JOB_STATUS_TABLE" in os.environ else None
    try:
        for work, restart_from in work_items(event):
            if job_table is not None and not claim_job(job_table):
                continue
            if restart_from:
                run, steps = steps_to_restart(table, restart_from)
                work = {"database": run["DataProduct"], "date": run["Date"], "input_path": run.get("InputPath", "")}
            else:
                steps = fill(template, work)
            launched.append(launch(emr, table, work, steps, work["database"]))
            if job_table is not None:
                job_table.update_item(Key={"JobName": os.environ["JOB_NAME"]}, UpdateExpression="SET ClusterId = :c, #status = :s",
                                      ExpressionAttributeNames={"#status": "Status"},
                                      ExpressionAttributeValues={":c": launched[-1]["cluster_id"], ":s": "RUNNING"})
    except ValueError as bad_request:
        if not is_api_request(event):
            raise
        return {"statusCode": 400, "headers": {"Content-Type": "application/json"}, "body": json.dumps({"error": str(bad_request)})}
    if is_api_request(event):
        return {"statusCode": 202, "headers": {"Content-Type": "application/json"}, "body": json.dumps({"launched": launched})}
    return {"launched": launched}
