"""The launcher handler (templates/lambda/launcher) against moto's in-process mock: an SQS message
carrying S3 events (notifications or EventBridge events) under <database>/<date>/ launches the cluster definition with the step filled in
and records the run; an API request launches with its input path; a restart launches the steps from
the failed one on; keys outside the layout are skipped."""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from handler_test import directory_argument, load_handler, require_mock  # noqa: E402


DEFINITION = {"Name": "cyi", "ReleaseLabel": "emr-7.1.0", "ServiceRole": "EMR_DefaultRole", "JobFlowRole": "EMR_EC2_DefaultRole",
              "Instances": {"InstanceGroups": [{"InstanceRole": "MASTER", "InstanceType": "m5.xlarge", "InstanceCount": 1}],
                            "KeepJobFlowAliveWhenNoSteps": False}}
STEPS = [{"Name": "append-{database}", "ActionOnFailure": "CONTINUE",
          "HadoopJarStep": {"Jar": "command-runner.jar", "Args": ["hive-script", "--run-hive-script", "--args", "-f", "s3://code/append.q",
                                                                   "-d", "INPUT={input_path}", "-d", "DATE={date}",
                                                                   "-d", 'OPTIONS={"literal": true}']}},
         {"Name": "compact", "ActionOnFailure": "CONTINUE", "HadoopJarStep": {"Jar": "command-runner.jar", "Args": ["true"]}}]


def s3_message(*keys):
    body = {"Records": [{"s3": {"bucket": {"name": "landing"}, "object": {"key": k}}} for k in keys]}
    return {"Records": [{"messageId": "m1", "body": json.dumps(body)}]}


def eventbridge_message(key):
    event = {"source": "aws.s3", "detail-type": "Object Created", "time": "2026-11-21T10:00:00Z",
             "detail": {"bucket": {"name": "landing"}, "object": {"key": key}}}
    return {"Records": [{"messageId": "m2", "body": json.dumps(event)}]}


def scheduled_event():
    return {"source": "aws.events", "detail-type": "Scheduled Event", "time": "2026-11-21T09:00:00Z"}


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

        result = launcher.handler(s3_message("sales/2026-11-21/part-0.csv", "README.txt"), None)
        (run,) = result["launched"]
        steps = emr.list_steps(ClusterId=run["cluster_id"])["Steps"]
        assert sorted(s["Name"] for s in steps) == ["append-sales", "compact"], steps
        append = [s for s in steps if s["Name"] == "append-sales"][0]["Config"]["Args"]
        assert "INPUT=s3://landing/sales/2026-11-21/" in append and "DATE=2026-11-21" in append, append
        assert 'OPTIONS={"literal": true}' in append, "braces that are no placeholder stay as written"
        assert emr.describe_cluster(ClusterId=run["cluster_id"])["Cluster"]["Name"] == "cyi"
        record = table.get_item(Key={"Correlation_Id": run["correlation_id"], "DataProduct": "sales"})["Item"]
        assert record["ClusterId"] == run["cluster_id"] and record["Status"] == "STARTED" and record["Date"] == "2026-11-21", record

        (routed,) = launcher.handler(eventbridge_message("inventory/2026-11-20/x.parquet"), None)["launched"]
        routed_args = emr.list_steps(ClusterId=routed["cluster_id"])["Steps"]
        assert any("INPUT=s3://landing/inventory/2026-11-20/" in s["Config"]["Args"] for s in routed_args), routed_args

        api = launcher.handler({"httpMethod": "POST", "body": json.dumps({"input_path": "s3://in/x/", "database": "x", "date": "2026-01-02"})}, None)
        assert api["statusCode"] == 202, api
        (from_api,) = json.loads(api["body"])["launched"]
        api_args = emr.list_steps(ClusterId=from_api["cluster_id"])["Steps"]
        assert any("INPUT=s3://in/x/" in s["Config"]["Args"] for s in api_args), api_args

        table.update_item(Key={"Correlation_Id": run["correlation_id"], "DataProduct": "sales"},
                          UpdateExpression="SET FailedStep = :i, #s = :f", ExpressionAttributeNames={"#s": "Status"},
                          ExpressionAttributeValues={":i": 1, ":f": "FAILED"})
        restart = launcher.handler({"httpMethod": "POST", "body": json.dumps({"restart_from": run["correlation_id"]})}, None)
        (again,) = json.loads(restart["body"])["launched"]
        assert [s["Name"] for s in emr.list_steps(ClusterId=again["cluster_id"])["Steps"]] == ["compact"]

        (direct,) = launcher.handler({"restart_from": run["correlation_id"]}, None)["launched"]
        assert [s["Name"] for s in emr.list_steps(ClusterId=direct["cluster_id"])["Steps"]] == ["compact"]

        # A required secret without a value stops every launch with a message saying what to do.
        secrets = boto3.client("secretsmanager")
        arn = secrets.create_secret(Name="metastore-password")["ARN"]
        os.environ["REQUIRED_SECRETS"] = arn
        try:
            launcher.handler(scheduled_event(), None)
            raise AssertionError("launched without the metastore password")
        except RuntimeError as e:
            assert "has no value yet" in str(e) and "put-secret-value" in str(e), e
        secrets.put_secret_value(SecretId=arn, SecretString="s3cret")
        assert len(launcher.handler(scheduled_event(), None)["launched"]) == 1
        del os.environ["REQUIRED_SECRETS"]

        # One at a time: with a job-status table, a scheduled launch claims the job, the next is skipped
        # while it runs, and launches again once the job is released.
        jobs = boto3.resource("dynamodb").create_table(
            TableName="jobs", BillingMode="PAY_PER_REQUEST", KeySchema=[{"AttributeName": "JobName", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "JobName", "AttributeType": "S"}])
        os.environ.update(JOB_STATUS_TABLE="jobs", JOB_NAME="intraday")
        scheduled = scheduled_event()
        (first,) = launcher.handler(scheduled, None)["launched"]
        job = jobs.get_item(Key={"JobName": "intraday"})["Item"]
        assert job["Status"] == "RUNNING" and job["ClusterId"] == first["cluster_id"], job
        assert launcher.handler(scheduled, None)["launched"] == [], "a second launch while the job runs"
        jobs.update_item(Key={"JobName": "intraday"}, UpdateExpression="SET #s = :t", ExpressionAttributeNames={"#s": "Status"},
                         ExpressionAttributeValues={":t": "TERMINATED"})
        assert len(launcher.handler(scheduled, None)["launched"]) == 1
        del os.environ["JOB_STATUS_TABLE"], os.environ["JOB_NAME"]

        refused = launcher.handler({"httpMethod": "POST", "body": "{}"}, None)
        assert refused["statusCode"] == 400 and "input_path" in json.loads(refused["body"])["error"], refused
    print("launcher: S3 messages, API requests and restarts launch the model with their steps, each run recorded")


if __name__ == "__main__":
    main(directory_argument("test_launcher.py"))
