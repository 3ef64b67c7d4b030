"""End to end: the intraday example deployed to the local mock AWS with CloudFormation.

Deploy: both handlers' assets are uploaded first, then every resource is created. Read back from
the mock: the working-hours schedule and the cluster-ended and -ready patterns with their function targets, the
job-status table's key, the functions' environments (the launcher's cluster definition is the typed
model's RunJobFlow parameters: HBase as a read replica on S3, the at-rest security configuration)
and their log groups' retention. No role allows a wildcard action, and the stack deploys no cluster.
The handlers themselves run against the mock in tests/handlers/. Deleted at the end: functions,
rules, roles and groups go; the buckets, table, key and log groups, which drdb retains, stay; the VPC
stays too, as the mock cannot delete its route tables (moto.py).
"""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from moto import Moto, require_tools, without_kms_key_tags  # noqa: E402


def check_deployed(aws, body, outputs, resources):
    assert not [v for v in body["Resources"].values() if v["Type"] == "AWS::EMR::Cluster"]
    check_functions(aws, outputs, {v[1] for v in resources.values() if v[0] == "AWS::IAM::Role"})


def check_functions(aws, outputs, roles):
    """The rules with their function targets, the job table, the functions' environments and log
    groups, and no wildcard action in any of the `roles` (names). Returns the rules."""
    rules = {r["Name"]: r for r in aws("events", "list-rules")["Rules"]}
    (schedule,) = [r for r in rules.values() if "ScheduleExpression" in r]
    assert schedule["ScheduleExpression"] == "cron(0 13-21 ? * MON-FRI *)", schedule
    (ended,) = [r for r in rules.values() if "EventPattern" in r and "TERMINATED" in r["EventPattern"]]
    assert json.loads(ended["EventPattern"])["detail"] == {"name": ["drdb-intraday"], "state": ["TERMINATED", "TERMINATED_WITH_ERRORS"]}
    (ready,) = [r for r in rules.values() if "EventPattern" in r and "WAITING" in r["EventPattern"]]
    assert json.loads(ready["EventPattern"])["detail"] == {"name": ["drdb-intraday"], "state": ["RUNNING", "WAITING"]}
    for rule, function in ((schedule, outputs["LauncherFunction"]), (ended, outputs["CleanupFunction"]), (ready, outputs["CleanupFunction"])):
        (target,) = aws("events", "list-targets-by-rule", "--rule", rule["Name"])["Targets"]
        assert target["Arn"].endswith(":function:" + function), (target, function)

    table = aws("dynamodb", "describe-table", "--table-name", outputs["JobStatusTable"])["Table"]
    assert table["KeySchema"] == [{"AttributeName": "JobName", "KeyType": "HASH"}], table

    launcher = aws("lambda", "get-function-configuration", "--function-name", outputs["LauncherFunction"])["Environment"]["Variables"]
    assert launcher["JOB_STATUS_TABLE"] == outputs["JobStatusTable"] and launcher["JOB_NAME"] == "intraday-positions", launcher
    assert (launcher["JOB_WAIT_SECONDS"], launcher["MAINTENANCE_WINDOWS"]) == ("840", "WED 17:00-19:00"), launcher
    definition = json.loads(launcher["CLUSTER_DEFINITION"])
    assert [a["Name"] for a in definition["Applications"]] == ["HBase", "Spark"], definition["Applications"]
    hbase = {c["Classification"]: c["Properties"] for c in definition["Configurations"]}
    assert hbase["hbase"] == {"hbase.emr.readreplica.enabled": "true", "hbase.emr.storageMode": "s3"}, hbase
    at_rest = aws("emr", "describe-security-configuration", "--name", definition["SecurityConfiguration"])["SecurityConfiguration"]
    at_rest = json.loads(at_rest) if isinstance(at_rest, str) else at_rest  # the mock answers with an object
    assert at_rest["EncryptionConfiguration"]["EnableAtRestEncryption"] is True, at_rest
    cleanup = aws("lambda", "get-function-configuration", "--function-name", outputs["CleanupFunction"])["Environment"]["Variables"]
    assert cleanup["METADATA_PREFIX"] == "hbase/" and cleanup["JOB_STATUS_TABLE"] == outputs["JobStatusTable"], cleanup

    groups = aws("logs", "describe-log-groups")["logGroups"]
    kept = [g for g in groups if g.get("retentionInDays") == 90]
    assert sorted(g["logGroupName"] for g in kept) == ["/app/ingest-replica-incremental/launcher",
                                                       "/app/ingest-replica-incremental/metadata-cleanup"], groups

    wildcards = aws.wildcard_actions(roles)
    assert not wildcards, wildcards
    return schedule, ended, ready


def main(app):
    require_tools("moto_server", "aws")
    with tempfile.TemporaryDirectory(prefix="drdb-e2e-intraday-") as work:
        out = os.path.join(work, "out")
        subprocess.run([app, "synth", "--out", out, "--format", "cloudformation"], check=True, capture_output=True)
        template = os.path.join(out, "cloudformation", "Intraday.template.json")
        with open(template) as f:
            body = json.load(f)
        with Moto() as aws:
            bucket = aws.upload_assets(out)
            # The mock reads KMS key tags in the KMS API's shape only (moto.py).
            deployable = without_kms_key_tags(template, os.path.join(work, "mock.json"))
            outputs, resources = aws.deploy_modelled("intraday", deployable, body, parameters=[("AssetsBucket", bucket)])
            check_deployed(aws, body, outputs, resources)
            assert aws.check_scripts_uploaded(aws.functions_environment(), out, bucket), "the launcher runs no shipped script"
            deleted, retained = aws.delete_stack("intraday", body)
            assert {"AWS::Lambda::Function", "AWS::Events::Rule", "AWS::IAM::Role"} <= deleted, deleted
            assert {"AWS::S3::Bucket", "AWS::DynamoDB::Table", "AWS::KMS::Key", "AWS::Logs::LogGroup"} <= retained, retained
    print("e2e intraday: deployed with its assets; schedule, cluster-ended rule, job table, functions and the "
          "rendered read-replica cluster definition as expected; deleted but for what it retains")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: test_intraday.py APP", file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1])
