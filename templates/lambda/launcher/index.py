"""Launches the EMR cluster model for each run, and records the run.

The cluster is the one drdb rendered from the typed model: CLUSTER_DEFINITION holds its RunJobFlow
parameters (never a hand-copied definition). STEPS holds the steps to run, rendered from the model
too, in which "{database}", "{date}" and "{input_path}" are replaced by what the event says:

- an SQS message carrying an S3 notification or an EventBridge "Object Created" event (or either
  itself): for each partition "<database>/<YYYY-MM-DD>/" objects were created under, database and
  date from the key, input_path = s3://<bucket>/<database>/<date>/ (other keys are skipped);
- an API Gateway proxy request whose JSON body has "input_path" (and optionally "database", "date",
  "correlation_id"), or "restart_from" (a correlation id): that FAILED run, from its failed step on;
- {"action": "start" | "stop" | "clear", ...}: an operator's request (operator_actions.py);
- {"restart_from": <correlation id>, "data_product", "failed_cluster", "failed_step"} (from the
  relauncher): that run, from its failed step on, at most MAX_RELAUNCHES times;
- anything else (a scheduled EventBridge event): the event's date, when it has a time.

A start request or a direct invocation with "INITIAL_LOAD": true runs INITIAL_STEPS (an initial
load) before the steps.

Each run is an item of RUN_LOG_TABLE (runs.py has its columns), keyed by Correlation_Id and
DataProduct (DATA_PRODUCT, else the partition's database). A partition's run, and a scheduled
event's, has a Correlation_Id derived from it, so every object of the partition and every
redelivery of the message name the same run, and only the first launches a cluster.

With REQUIRED_SECRETS (comma-separated secret ARNs, e.g. the Hive metastore's password), nothing is
launched while a secret has no value: the invocation fails with a message saying which secret to
put (a cluster would otherwise fail while bootstrapping), and its trigger retries as it does.

API answers carry Access-Control-Allow-Origin: CORS_ALLOW_ORIGIN when it is set (a browser front end's
origin, the API's CORS origin).

With JOB_STATUS_TABLE and JOB_NAME, one cluster runs the job at a time: job_status.py claims the
job's item before each launch (waiting for an active job, refusing a FAILED one) and releases the
claim when the launch fails.
"""
import datetime
import json
import os
import re
import urllib.parse
import uuid

import boto3

import job_status
import operator_actions
import runs

# Deterministic correlation ids: the same partition or event always names the same run.
RUN_NAMESPACE = uuid.UUID("5d1e6f3a-2b7c-4d8e-9f10-a1b2c3d4e5f6")
PARTITION = re.compile(r"^(?P<database>[A-Za-z0-9_\-]+)/(?P<date>\d{4}-\d{2}-\d{2})/")


def work_from_s3(bucket, key):
    match = PARTITION.match(key)
    if not match:
        print(f"skipped s3://{bucket}/{key}: not under <database>/<YYYY-MM-DD>/")
        return None
    database, date = match["database"], match["date"]
    input_path = f"s3://{bucket}/{database}/{date}/"
    return {"database": database, "date": date, "input_path": input_path, "correlation_id": str(uuid.uuid5(RUN_NAMESPACE, input_path))}


def created_objects(message):
    """(bucket, key) of each object an S3 notification or EventBridge S3 event names."""
    if message.get("detail-type") == "Object Created":
        yield message["detail"]["bucket"]["name"], message["detail"]["object"]["key"]
    for record in message.get("Records", [message] if "s3" in message else []):
        yield record["s3"]["bucket"]["name"], urllib.parse.unquote_plus(record["s3"]["object"]["key"])


def work_items(event):
    """(work, restart) pairs the event asks for: work to launch, or a run to restart."""
    if "Records" in event and any("body" in r for r in event["Records"]):
        messages = [json.loads(r["body"]) for r in event["Records"]]
    elif "Records" in event or event.get("detail-type") == "Object Created":
        messages = [event]
    else:
        messages = []
    partitions = {}
    for message in messages:
        for bucket, key in created_objects(message):
            work = work_from_s3(bucket, key)
            if work:
                partitions.setdefault(work["correlation_id"], work)
    for work in partitions.values():
        yield work, None
    if messages:
        return
    if is_api_request(event):
        body = json.loads(event.get("body") or "{}")
        if "restart_from" in body:
            yield {}, {"correlation_id": body["restart_from"], "data_product": body.get("data_product")}
            return
        if "input_path" not in body:
            raise ValueError('the request needs "input_path" (s3://...) or "restart_from"')
        yield ({"input_path": body["input_path"], "database": body.get("database", "default"),
                "date": body.get("date", datetime.date.today().isoformat()),
                "correlation_id": body.get("correlation_id") or str(uuid.uuid4())}, None)
    elif "restart_from" in event:
        yield {}, {"correlation_id": event["restart_from"], "data_product": event.get("data_product"),
                   "failed_cluster": event.get("failed_cluster"), "failed_step": event.get("failed_step", 0)}
    elif event.get("action") == "start":
        yield operator_actions.start_work(event, len(json.loads(os.environ["STEPS"]))), None
    elif "action" in event:
        raise ValueError(f'unknown action {event["action"]!r}: "start", "stop" or "clear"')
    else:
        # An event's id is the same on each delivery: a redelivered schedule launches nothing more.
        event_id = event.get("id")
        yield {"database": "default", "input_path": "", "date": event.get("time", "")[:10] or datetime.date.today().isoformat(),
               "correlation_id": str(uuid.uuid5(RUN_NAMESPACE, "event:" + event_id)) if event_id else str(uuid.uuid4()),
               "initial_load": event.get("INITIAL_LOAD") is True}, None


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


def data_product(work):
    return os.environ.get("DATA_PRODUCT") or work["database"]


def steps_of(template, work):
    """The template's steps filled in for each of the work's dates, in date order; with
    "initial_load", INITIAL_STEPS first (once, for the first date)."""
    fixed = {"database": work["database"], "input_path": work["input_path"]}
    dates = work.get("dates", [work["date"]])
    initial = []
    if work.get("initial_load"):
        if "INITIAL_STEPS" not in os.environ:
            raise ValueError('"INITIAL_LOAD" asked for, but the launcher has no initial steps (initial_steps)')
        initial = fill(json.loads(os.environ["INITIAL_STEPS"]), {**fixed, "date": dates[0]})
    return initial + [step for date in dates for step in fill(template, {**fixed, "date": date})]


def claim_run(table, template, work, restart):
    """The run's item, claimed for a launch (LAUNCHING); None when there is nothing to launch."""
    if restart is None:
        key = {"Correlation_Id": work["correlation_id"], "DataProduct": data_product(work)}
        run = runs.claim_new(table, key, work, steps_of(template, work))
        if run is None and "dates" in work:  # an operator's start of a recorded run: a FAILED one restarts
            run = runs.claim_restart(table, key)
            if run is None:
                raise ValueError(f"run {work['correlation_id']} of {key['DataProduct']} is recorded and not FAILED: "
                                 'clear it ({"action": "clear", ...}) for a full restart')
        return run
    found = runs.find(table, restart["correlation_id"], restart.get("data_product"))
    if found is None:
        raise ValueError(f"no run {restart['correlation_id']} to restart")
    key = {"Correlation_Id": found["Correlation_Id"], "DataProduct": found["DataProduct"]}
    if restart.get("failed_cluster"):
        cap = int(os.environ["MAX_RELAUNCHES"]) if "MAX_RELAUNCHES" in os.environ else None
        return runs.claim_relaunch(table, key, restart["failed_cluster"], int(restart["failed_step"]), cap)
    run = runs.claim_restart(table, key)
    if run is None:
        raise ValueError(f"run {restart['correlation_id']} is {found.get('Status')}, not FAILED: nothing to restart")
    return run


def launch(emr, table, run):
    """The run's cluster, launched with its steps from where it starts; the claim released on failure."""
    start = runs.restart_index(run) if "Cluster_Id" in run else 0
    steps = json.loads(run["Steps"])[start:]
    definition = json.loads(os.environ["CLUSTER_DEFINITION"])
    definition["Steps"] = steps
    try:
        cluster_id = emr.run_job_flow(**definition)["JobFlowId"]
    except Exception:
        runs.release(table, run)
        raise
    key = {"Correlation_Id": run["Correlation_Id"], "DataProduct": run["DataProduct"]}
    run_id = runs.launched(table, key, cluster_id, start, steps)
    return {"correlation_id": run["Correlation_Id"], "data_product": run["DataProduct"], "run_id": run_id, "cluster_id": cluster_id}


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
    if event.get("action") == "stop":
        return operator_actions.stop(emr)
    if event.get("action") == "clear":
        return operator_actions.clear(table, event)
    check_required_secrets()
    launched = []
    jobs = job_status.from_environment()
    try:
        for work, restart in work_items(event):
            run = claim_run(table, template, work, restart)
            if run is None:
                continue
            if not jobs.claim(event, context):
                runs.release(table, run)
                continue
            launched.append(jobs.launching(launch, emr, table, run))
    except ValueError as bad_request:
        if not is_api_request(event):
            raise
        return api_answer(400, {"error": str(bad_request)})
    if is_api_request(event):
        return api_answer(202, {"launched": launched})
    return {"launched": launched}


def api_answer(status, body):
    """An API Gateway proxy answer; with CORS_ALLOW_ORIGIN (the API's CORS origin), one a browser
    page of that origin may read."""
    headers = {"Content-Type": "application/json"}
    if os.environ.get("CORS_ALLOW_ORIGIN"):
        headers["Access-Control-Allow-Origin"] = os.environ["CORS_ALLOW_ORIGIN"]
        headers["Vary"] = "Origin"
    return {"statusCode": status, "headers": headers, "body": json.dumps(body)}
