"""The launcher handler (templates/lambda/launcher) against moto's in-process mock: S3 events (SQS
messages carrying notifications or EventBridge events) under <database>/<date>/ launch one run per
partition, whatever the number of objects and deliveries; a launch that fails releases its claim;
API requests, schedules and operators' requests (start, stop, clear) launch, stop and forget runs;
a relaunch restarts the run from its failed step at most MAX_RELAUNCHES times; the run's item has
the platform's columns (data product, fixed columns, TTL)."""
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from handler_test import directory_argument, load_handler, require_mock  # noqa: E402


DEFINITION = {"Name": "cyi", "ReleaseLabel": "emr-7.1.0", "ServiceRole": "EMR_DefaultRole", "JobFlowRole": "EMR_EC2_DefaultRole",
              "Instances": {"InstanceGroups": [{"InstanceRole": "MASTER", "InstanceType": "m5.xlarge", "InstanceCount": 1}],
                            "KeepJobFlowAliveWhenNoSteps": False},
              "Tags": [{"Key": "drdb:stack", "Value": "Cyi"}]}
STEPS = [{"Name": "append-{database}-{date}", "ActionOnFailure": "CONTINUE",
          "HadoopJarStep": {"Jar": "command-runner.jar", "Args": ["hive-script", "--run-hive-script", "--args", "-f", "s3://code/append.q",
                                                                   "-d", "INPUT={input_path}", "-d", "DATE={date}",
                                                                   "-d", 'OPTIONS={"literal": true}']}},
         {"Name": "compact-{date}", "ActionOnFailure": "CONTINUE", "HadoopJarStep": {"Jar": "command-runner.jar", "Args": ["true"]}}]


def s3_message(*keys, message_id="m1"):
    body = {"Records": [{"s3": {"bucket": {"name": "landing"}, "object": {"key": k}}} for k in keys]}
    return {"Records": [{"messageId": message_id, "body": json.dumps(body)}]}


def eventbridge_message(key):
    event = {"source": "aws.s3", "detail-type": "Object Created", "time": "2026-11-21T10:00:00Z",
             "detail": {"bucket": {"name": "landing"}, "object": {"key": key}}}
    return {"Records": [{"messageId": "m2", "body": json.dumps(event)}]}


def scheduled_event(event_id="5f1c0b2e-0000-4000-8000-000000000001"):
    return {"id": event_id, "source": "aws.events", "detail-type": "Scheduled Event", "time": "2026-11-21T09:00:00Z"}


def step_names(emr, cluster_id):
    return [s["Name"] for s in reversed(emr.list_steps(ClusterId=cluster_id)["Steps"])]


def raises(call, kind, *words):
    try:
        call()
    except kind as e:
        assert all(w in str(e) for w in words), e
        return
    raise AssertionError(f"no {kind.__name__} with {words}")


class FailingEmr:
    """EMR whose RunJobFlow fails (a throttled or refused launch)."""

    def __init__(self, real):
        self.real = real

    def run_job_flow(self, **kwargs):
        raise RuntimeError("ThrottlingException: Rate exceeded")

    def __getattr__(self, name):
        return getattr(self.real, name)


def partitions(launcher, table, emr, boto3):
    (run,) = launcher.handler(s3_message("sales/2026-11-21/part-0.csv", "sales/2026-11-21/part-1.csv", "README.txt"), None)["launched"]
    assert step_names(emr, run["cluster_id"]) == ["append-sales-2026-11-21", "compact-2026-11-21"]
    append = emr.list_steps(ClusterId=run["cluster_id"])["Steps"][-1]["Config"]["Args"]
    assert "INPUT=s3://landing/sales/2026-11-21/" in append and "DATE=2026-11-21" in append, append
    assert 'OPTIONS={"literal": true}' in append, "braces that are no placeholder stay as written"
    record = table.get_item(Key={"Correlation_Id": run["correlation_id"], "DataProduct": "sales"})["Item"]
    assert record["Cluster_Id"] == run["cluster_id"] and record["Status"] == "STARTED" and record["Date"] == "2026-11-21", record
    assert record["Run_Id"] == run["run_id"] and record["CurrentStep"] == "append-sales-2026-11-21" and record["Relaunches"] == 0, record
    assert "TimeToExist" not in record and "ClusterId" not in record, record

    # Another object of the partition, and a redelivery of the first message: the same run, nothing launched.
    assert launcher.handler(s3_message("sales/2026-11-21/part-2.csv", message_id="m3"), None) == {"launched": []}
    assert launcher.handler(s3_message("sales/2026-11-21/part-0.csv"), None) == {"launched": []}
    assert len(emr.list_clusters()["Clusters"]) == 1

    (routed,) = launcher.handler(eventbridge_message("inventory/2026-11-20/x.parquet"), None)["launched"]
    assert routed["data_product"] == "inventory" and step_names(emr, routed["cluster_id"])[0] == "append-inventory-2026-11-20"
    assert launcher.handler(s3_message("hr/not-a-date/x.csv", "x.csv"), None) == {"launched": []}, "keys off the layout are skipped"

    # A launch that fails releases its claim: the message's retry launches.
    real_client = launcher.boto3.client
    launcher.boto3.client = lambda service, *a, **k: FailingEmr(real_client("emr")) if service == "emr" else real_client(service, *a, **k)
    try:
        raises(lambda: launcher.handler(s3_message("sales/2026-11-22/a.csv"), None), RuntimeError, "Rate exceeded")
    finally:
        launcher.boto3.client = real_client
    assert not [i for i in table.scan()["Items"] if i["Date"] == "2026-11-22"], "the failed launch's claim stayed"
    assert len(launcher.handler(s3_message("sales/2026-11-22/a.csv"), None)["launched"]) == 1
    return run


def relaunches(launcher, table, emr, run):
    key = {"Correlation_Id": run["correlation_id"], "DataProduct": "sales"}
    os.environ["MAX_RELAUNCHES"] = "2"
    relaunch = {"restart_from": run["correlation_id"], "data_product": "sales", "failed_cluster": run["cluster_id"], "failed_step": 1}
    # A relaunch whose RunJobFlow fails leaves the run FAILED on its cluster: the retried event relaunches it.
    real_client = launcher.boto3.client
    launcher.boto3.client = lambda service, *a, **k: FailingEmr(real_client("emr")) if service == "emr" else real_client(service, *a, **k)
    try:
        raises(lambda: launcher.handler(relaunch, None), RuntimeError, "Rate exceeded")
    finally:
        launcher.boto3.client = real_client
    record = table.get_item(Key=key)["Item"]
    assert record["Status"] == "FAILED" and record["Cluster_Id"] == run["cluster_id"] and record["Relaunches"] == 1, record
    (again,) = launcher.handler(relaunch, None)["launched"]
    assert step_names(emr, again["cluster_id"]) == ["compact-2026-11-21"], "from the failed step on"
    record = table.get_item(Key=key)["Item"]
    assert record["Cluster_Id"] == again["cluster_id"] and record["Relaunches"] == 2 and record["StartStep"] == 1, record
    assert record["Status"] == "STARTED" and record["Run_Id"] != run["run_id"] and "FailedStep" not in record, record
    assert launcher.handler(relaunch, None) == {"launched": []}, "one failure of a cluster is relaunched once"

    # The relaunched cluster fails too: the cap (2 attempts) is reached, the run is FAILED and nothing launches.
    capped = {**relaunch, "failed_cluster": again["cluster_id"], "failed_step": 1}
    assert launcher.handler(capped, None) == {"launched": []}
    record = table.get_item(Key=key)["Item"]
    assert record["Status"] == "FAILED" and record["FailedStep"] == 1 and "cap" in record["Reason"], record
    assert len(emr.list_clusters()["Clusters"]) == 4
    del os.environ["MAX_RELAUNCHES"]

    # An operator's restart of the FAILED run (through the API): from its failed step, not capped.
    restart = launcher.handler({"httpMethod": "POST", "body": json.dumps({"restart_from": run["correlation_id"]})}, None)
    (operator,) = json.loads(restart["body"])["launched"]
    assert step_names(emr, operator["cluster_id"]) == ["compact-2026-11-21"]
    refused = launcher.handler({"httpMethod": "POST", "body": json.dumps({"restart_from": run["correlation_id"]})}, None)
    assert refused["statusCode"] == 400 and "not FAILED" in json.loads(refused["body"])["error"], refused


def operators(launcher, table, emr):
    start = {"action": "start", "EXPORT_DATE": "2026-11-03", "START_DATE": "2026-11-01", "CORRELATION_ID": "history-1", "DATABASE": "sales"}
    (run,) = launcher.handler(start, None)["launched"]
    assert run["correlation_id"] == "history-1"
    assert step_names(emr, run["cluster_id"]) == [f"{name}-2026-11-0{d}" for d in (1, 2, 3) for name in ("append-sales", "compact")]
    key = {"Correlation_Id": "history-1", "DataProduct": "sales"}
    assert table.get_item(Key=key)["Item"]["Date"] == "2026-11-03"
    raises(lambda: launcher.handler(start, None), ValueError, "not FAILED", "clear")
    table.update_item(Key=key, UpdateExpression="SET #s = :f, FailedStep = :i", ExpressionAttributeNames={"#s": "Status"},
                      ExpressionAttributeValues={":f": "FAILED", ":i": 4})
    (restarted,) = launcher.handler(start, None)["launched"]
    assert step_names(emr, restarted["cluster_id"]) == ["append-sales-2026-11-03", "compact-2026-11-03"], "from the failure point"

    raises(lambda: launcher.handler({**start, "CORRELATION_ID": ""}, None), ValueError, "CORRELATION_ID")
    raises(lambda: launcher.handler({**start, "START_DATE": "2026-11-04"}, None), ValueError, "after EXPORT_DATE")
    raises(lambda: launcher.handler({**start, "EXPORT_DATE": "3 Nov"}, None), ValueError, "EXPORT_DATE", "YYYY-MM-DD")
    raises(lambda: launcher.handler({**start, "START_DATE": "2025-01-01"}, None), ValueError, "256 steps")
    raises(lambda: launcher.handler({"action": "restart"}, None), ValueError, "unknown action")

    # An initial load: the initial steps first, once, then each date's.
    os.environ["INITIAL_STEPS"] = json.dumps([{"Name": "initial-load-{database}", "ActionOnFailure": "CANCEL_AND_WAIT",
                                               "HadoopJarStep": {"Jar": "command-runner.jar", "Args": ["true"]}}])
    (initial,) = launcher.handler({**start, "CORRELATION_ID": "initial-1", "START_DATE": "2026-11-03", "INITIAL_LOAD": True}, None)["launched"]
    assert step_names(emr, initial["cluster_id"]) == ["initial-load-sales", "append-sales-2026-11-03", "compact-2026-11-03"]
    (plain,) = launcher.handler({**start, "CORRELATION_ID": "plain-1", "START_DATE": "2026-11-03"}, None)["launched"]
    assert step_names(emr, plain["cluster_id"]) == ["append-sales-2026-11-03", "compact-2026-11-03"], "no flag, no initial load"
    del os.environ["INITIAL_STEPS"]
    raises(lambda: launcher.handler({**start, "CORRELATION_ID": "initial-2", "INITIAL_LOAD": True}, None), ValueError, "no initial steps")

    # Clear: refused while the run is active, then the run is forgotten and starts afresh.
    raises(lambda: launcher.handler({"action": "clear", "CORRELATION_ID": "history-1"}, None), ValueError, "active", "stop it first")
    table.update_item(Key=key, UpdateExpression="SET #s = :c", ExpressionAttributeNames={"#s": "Status"}, ExpressionAttributeValues={":c": "COMPLETED"})
    cleared = launcher.handler({"action": "clear", "CORRELATION_ID": "history-1"}, None)
    assert cleared == {"cleared": [{"correlation_id": "history-1", "data_product": "sales"}]}, cleared
    assert "Item" not in table.get_item(Key=key)
    assert len(step_names(emr, launcher.handler(start, None)["launched"][0]["cluster_id"])) == 6, "a full restart"

    # Stop: only the active clusters of the model's name tagged as this platform's.
    waiting = {**DEFINITION["Instances"], "KeepJobFlowAliveWhenNoSteps": True}
    others = [emr.run_job_flow(**{**DEFINITION, "Instances": waiting, "Tags": [{"Key": "drdb:stack", "Value": "Other"}]})["JobFlowId"],
              emr.run_job_flow(**{**DEFINITION, "Instances": waiting, "Name": "other"})["JobFlowId"]]
    ours = sorted(c["Id"] for c in emr.list_clusters()["Clusters"] if c["Id"] not in others)
    stopped = launcher.handler({"action": "stop"}, None)
    assert sorted(stopped["stopped"]) == ours, stopped
    states = {c: emr.describe_cluster(ClusterId=c)["Cluster"]["Status"]["State"] for c in ours + others}
    assert all(states[c] in ("TERMINATING", "TERMINATED") for c in ours) and all(states[c] not in ("TERMINATING", "TERMINATED") for c in others), states


def platform_columns(launcher, table, emr):
    os.environ.update(DATA_PRODUCT="PDM", RUN_TTL_DAYS="90",
                      RUN_COLUMNS=json.dumps({"S3_Prefix_Snapshots": "s3://data/snapshots/", "Snapshot_Type": "incremental"}))
    (run,) = launcher.handler(scheduled_event(), None)["launched"]
    record = table.get_item(Key={"Correlation_Id": run["correlation_id"], "DataProduct": "PDM"})["Item"]
    assert record["S3_Prefix_Snapshots"] == "s3://data/snapshots/" and record["Snapshot_Type"] == "incremental", record
    assert abs(int(record["TimeToExist"]) - (time.time() + 90 * 86400)) < 60, record
    assert launcher.handler(scheduled_event(), None) == {"launched": []}, "a redelivered schedule event launches nothing"
    assert len(launcher.handler(scheduled_event("another"), None)["launched"]) == 1
    for name in ("DATA_PRODUCT", "RUN_TTL_DAYS", "RUN_COLUMNS"):
        del os.environ[name]


def main(directory):
    boto3, mock_aws = require_mock()
    os.environ.update(CLUSTER_DEFINITION=json.dumps(DEFINITION), STEPS=json.dumps(STEPS), RUN_LOG_TABLE="runs")
    launcher = load_handler(directory, "launcher")
    with mock_aws():
        table = boto3.resource("dynamodb").create_table(
            TableName="runs", BillingMode="PAY_PER_REQUEST",
            KeySchema=[{"AttributeName": "Correlation_Id", "KeyType": "HASH"}, {"AttributeName": "DataProduct", "KeyType": "RANGE"}],
            AttributeDefinitions=[{"AttributeName": "Correlation_Id", "AttributeType": "S"},
                                  {"AttributeName": "DataProduct", "AttributeType": "S"}])
        emr = boto3.client("emr")
        run = partitions(launcher, table, emr, boto3)
        relaunches(launcher, table, emr, run)

        api = launcher.handler({"httpMethod": "POST", "body": json.dumps({"input_path": "s3://in/x/", "database": "x", "date": "2026-01-02"})}, None)
        assert api["statusCode"] == 202, api
        (from_api,) = json.loads(api["body"])["launched"]
        assert any("INPUT=s3://in/x/" in s["Config"]["Args"] for s in emr.list_steps(ClusterId=from_api["cluster_id"])["Steps"])
        refused = launcher.handler({"httpMethod": "POST", "body": "{}"}, None)
        assert refused["statusCode"] == 400 and "input_path" in json.loads(refused["body"])["error"], refused
        assert "Access-Control-Allow-Origin" not in refused["headers"], refused  # no CORS unless configured
        # With the API's CORS origin, a browser page of that origin can read every answer.
        os.environ["CORS_ALLOW_ORIGIN"] = "https://labs.example"
        try:
            for answer in (launcher.handler({"httpMethod": "POST", "body": "{}"}, None),
                           launcher.handler({"httpMethod": "POST", "body": json.dumps({"input_path": "s3://in/y/", "database": "y",
                                                                                       "date": "2026-01-03"})}, None)):
                assert answer["headers"]["Access-Control-Allow-Origin"] == "https://labs.example", answer
                assert answer["headers"]["Vary"] == "Origin", answer
        finally:
            del os.environ["CORS_ALLOW_ORIGIN"]

        platform_columns(launcher, table, emr)

        # A required secret without a value fails every launch with a message saying what to do.
        secrets = boto3.client("secretsmanager")
        arn = secrets.create_secret(Name="metastore-password")["ARN"]
        os.environ["REQUIRED_SECRETS"] = arn
        raises(lambda: launcher.handler(scheduled_event("s1"), None), RuntimeError, "has no value yet", "put-secret-value")
        secrets.put_secret_value(SecretId=arn, SecretString="s3cret")
        assert len(launcher.handler(scheduled_event("s1"), None)["launched"]) == 1
        del os.environ["REQUIRED_SECRETS"]

        operators(launcher, table, emr)
    print("launcher: one run per partition, released on failure, relaunched from the failed step up to the cap, "
          "operators' start/stop/clear, the platform's columns")


if __name__ == "__main__":
    main(directory_argument("test_launcher.py"))
