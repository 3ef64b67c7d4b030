"""End to end: an app spec deployed, edited, deployed again as an update, then deleted, in the local
mock AWS, with drdb-synth.

The DRDB reference architecture's spec (examples/drdb/drdb.yaml; it refers to no other file) is
copied, synthesized and deployed, and a file is uploaded to its landing bucket. Then its text is
edited: the nightly recycle moves from 03:00 to 04:00, and a queue with its dead-letter queue and a
table are added. `drdb-synth diff` of the two output directories exits 1 and names exactly those
changes, for CloudFormation and Terraform. `aws cloudformation deploy` (a change set, the template
through S3 as it is above CloudFormation's inline limit) updates the stack to UPDATE_COMPLETE: the
rule has the new schedule and its target, the new queue its dead-letter queue, the new table its
keys, and every other resource its physical id. Deleting the stack removes the queues, rules and
state machines and keeps the buckets and tables, which drdb retains, with the uploaded file.

What the mock cannot do, hence not in the edit or not asserted: update a rule in place (it
re-creates it under a new name); update a bucket (its update of a bucket with Tags but no
BucketName fails with KeyError 'BucketName', so no lifecycle change) or an existing table (it has
no update for tables and drops the table from the stack's resources); and delete this stack to
DELETE_COMPLETE: it cannot delete the VPC's route tables, so the delete fails with
DependencyViolation on the VPC (moto.py, MOCK_DELETE_BLOCKERS); create an AWS::EC2::KeyPair, so the
spec's key pair is made with EC2 before each deploy (moto.py, with_key_pairs_created).
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from moto import Moto, require_tools, with_key_pairs_created, without_kms_key_tags  # noqa: E402

SPEC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "examples", "drdb", "drdb.yaml")
TEMPLATE = os.path.join("cloudformation", "Drdb.template.json")
BEFORE, AFTER = "cron(0 3 * * ? *)", "cron(0 4 * * ? *)"
ADDED = """      FailedRuns: {type: sqs.Queue, retention_period_seconds: 1209600}
      Runs: {type: sqs.Queue, visibility_timeout_seconds: 300, dead_letter_queue: {queue: FailedRuns}}
      Checkpoints: {type: dynamodb.Table, partition_key: {name: Job}, sort_key: {name: Date}}
"""


def edit(spec):
    """The change, made to the spec's text as its author would: comments and layout stay."""
    with open(spec) as f:
        text = f.read()
    for old, new in (('recycle: {cron: {minutes: "0", hours: "3"}}', 'recycle: {cron: {minutes: "0", hours: "4"}}'),
                     ("    outputs:\n", ADDED + "    outputs:\n")):
        assert text.count(old) == 1, f"{old!r} is no longer in {SPEC}"
        text = text.replace(old, new)
    with open(spec, "w") as f:
        f.write(text)


def check_diff(synth, before, after):
    done = subprocess.run([synth, "diff", before, after, "--json"], capture_output=True, text=True)
    assert done.returncode == 1, (done.returncode, done.stderr)
    report = {f["file"]: f for f in json.loads(done.stdout)["files"]}
    files = {name: f["resources"] for name, f in report.items()}
    yaml_template = TEMPLATE.replace(os.sep, "/").replace(".json", ".yaml")
    assert set(files) == {TEMPLATE.replace(os.sep, "/"), yaml_template, "terraform/Drdb/main.tf.json"}, sorted(files)
    # The YAML template says what the JSON one says, and is reported once as such.
    assert report[yaml_template].get("same_as") == TEMPLATE.replace(os.sep, "/"), report[yaml_template]
    cfn = files[TEMPLATE.replace(os.sep, "/")]
    added = sorted((r["type"], r["id"]) for r in cfn if r["change"] == "added")
    assert [a for a in added if a[0] != "AWS::SQS::QueuePolicy"] == [
        ("AWS::DynamoDB::Table", "Checkpoints"), ("AWS::SQS::Queue", "FailedRuns"), ("AWS::SQS::Queue", "Runs")], added
    assert len(added) == 5, added  # and each queue's TLS-only policy
    (modified,) = [r for r in cfn if r["change"] == "modified"]
    assert modified["type"] == "AWS::Events::Rule" and modified["replacement"] == "no", modified
    assert [(v["path"], v["before"], v["after"]) for v in modified["values"]] == [("Properties.ScheduleExpression", BEFORE, AFTER)]
    assert not [r for r in cfn if r["change"] == "removed"], cfn
    terraform = {(r["change"], r["type"]) for r in files["terraform/Drdb/main.tf.json"]}
    assert terraform == {("added", "aws_dynamodb_table"), ("added", "aws_sqs_queue"), ("added", "aws_sqs_queue_policy"),
                         ("modified", "aws_cloudwatch_event_rule")}, terraform
    return modified["id"]


def check_updated(aws, before, after, rule_id):
    """What the update changed, read back from the mock; what it did not change kept its physical id."""
    # The mock re-creates a rule on any update, under a new name; CloudFormation updates it in place.
    replaced = {k: (v[1], after[k][1]) for k, v in before.items() if after[k][1] != v[1]}
    assert list(replaced) == [rule_id], replaced
    rule = aws("events", "describe-rule", "--name", after[rule_id][1])
    assert rule["ScheduleExpression"] == AFTER, rule
    (target,) = aws("events", "list-targets-by-rule", "--rule", rule["Name"])["Targets"]
    assert json.loads(target["Input"]) == {"action": "recycle"}, target

    def attributes(logical_id):
        return aws("sqs", "get-queue-attributes", "--queue-url", after[logical_id][1], "--attribute-names", "All")["Attributes"]

    runs, failed = attributes("Runs"), attributes("FailedRuns")
    assert runs["VisibilityTimeout"] == "300" and failed["MessageRetentionPeriod"] == "1209600", (runs, failed)
    assert json.loads(runs["RedrivePolicy"])["deadLetterTargetArn"] == failed["QueueArn"], runs
    table = aws("dynamodb", "describe-table", "--table-name", after["Checkpoints"][1])["Table"]
    assert table["KeySchema"] == [{"AttributeName": "Job", "KeyType": "HASH"}, {"AttributeName": "Date", "KeyType": "RANGE"}]


def main(synth):
    require_tools("moto_server", "aws")
    with tempfile.TemporaryDirectory(prefix="drdb-e2e-spec-update-") as work:
        spec = os.path.join(work, "drdb.yaml")
        shutil.copy(SPEC, spec)
        shutil.copytree(os.path.join(os.path.dirname(SPEC), "jobs"), os.path.join(work, "jobs"))  # the job script it ships
        before, after = os.path.join(work, "before"), os.path.join(work, "after")
        subprocess.run([synth, "--app", spec, "synth", "--out", before], check=True, capture_output=True)
        edit(spec)
        subprocess.run([synth, "--app", spec, "synth", "--out", after], check=True, capture_output=True)
        rule_id = check_diff(synth, before, after)
        bodies = {}
        for out in (before, after):
            with open(os.path.join(out, TEMPLATE)) as f:
                bodies[out] = json.load(f)

        with Moto() as aws:
            # The mock reads KMS key tags in the KMS API's shape only (moto.py).
            deployable = without_kms_key_tags(os.path.join(before, TEMPLATE), os.path.join(work, "before.json"))
            deployable = with_key_pairs_created(aws, deployable, os.path.join(work, "before-keys.json"), "drdb")
            assets = aws.upload_assets(before)
            outputs, created = aws.deploy_modelled("drdb", deployable, bodies[before], parameters=[("AssetsBucket", assets)])
            upload = ["--bucket", outputs["LandingBucket"], "--key", "incoming/2026-11-21/sales.csv"]
            aws("s3api", "put-object", *upload, "--body", spec)
            assert aws("events", "describe-rule", "--name", created[rule_id][1])["ScheduleExpression"] == BEFORE

            aws("s3api", "create-bucket", "--bucket", "drdb-deploy")
            deployable = without_kms_key_tags(os.path.join(after, TEMPLATE), os.path.join(work, "after.json"))
            deployable = with_key_pairs_created(aws, deployable, os.path.join(work, "after-keys.json"), "drdb")
            stack = aws.deploy("drdb", deployable, "drdb-deploy", parameters=[("AssetsBucket", assets)])
            assert stack["StackStatus"] == "UPDATE_COMPLETE", stack["StackStatus"]
            check_updated(aws, created, aws.modelled("drdb", bodies[after]), rule_id)

            deleted, retained = aws.delete_stack("drdb", bodies[after])
            assert {"AWS::SQS::Queue", "AWS::Events::Rule", "AWS::StepFunctions::StateMachine"} <= deleted, deleted
            assert {"AWS::S3::Bucket", "AWS::DynamoDB::Table"} <= retained, retained
            assert aws("s3api", "head-object", *upload)["ContentLength"] == os.path.getsize(spec)
    print("e2e spec_update: the edited spec diffed, deployed as an update (new schedule, queues, table) and deleted "
          "but for what drdb retains")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: test_spec_update.py DRDB_SYNTH", file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1])
