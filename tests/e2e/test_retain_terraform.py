"""End to end: a retained table removed from an app spec is kept by `terraform apply`.

A stack with a queue and a table is synthesized and applied to the local mock AWS. Both are then
removed from the spec and the spec synthesized again into the same output directory: the module
has a `removed` block for the table (lifecycle.destroy = false) and none for the queue. The second
apply, on the first one's state, deletes the queue and leaves the table in the account, no longer
in the state, as CloudFormation's DeletionPolicy Retain leaves it outside the stack.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from moto import Moto, require_tools, terraform_apply  # noqa: E402

SPEC = """stacks:
  Jobs:
    region: us-east-1
    resources:
      Queue: {type: sqs.Queue}
      RunLog: {type: dynamodb.Table, partition_key: {name: Id}}
"""
EMPTIED = """stacks:
  Jobs:
    region: us-east-1
    resources: {}
"""


def synth(app, spec, out):
    subprocess.run([app, "--app", spec, "synth", "--out", out, "--format", "terraform"], check=True, capture_output=True)


def main(app):
    require_tools("moto_server", "aws", "terraform")
    with tempfile.TemporaryDirectory(prefix="drdb-e2e-retain-tf-") as work, Moto() as aws:
        spec, out = os.path.join(work, "app.yaml"), os.path.join(work, "out")
        module = os.path.join(out, "terraform", "Jobs")
        with open(spec, "w") as f:
            f.write(SPEC)
        synth(app, spec, out)
        terraform_apply(aws, module, os.path.join(work, "first"))
        tables = aws("dynamodb", "list-tables")["TableNames"]
        assert len(tables) == 1, tables
        assert len(aws("sqs", "list-queues").get("QueueUrls", [])) == 1

        # The state beside the module, as a user keeps it; the table and the queue leave the app.
        shutil.copy(os.path.join(work, "first", "applied", "Jobs", "terraform.tfstate"), module)
        with open(spec, "w") as f:
            f.write(EMPTIED)
        synth(app, spec, out)
        with open(os.path.join(module, "main.tf.json")) as f:
            removed = json.load(f)["removed"]
        assert removed == [{"from": "aws_dynamodb_table.RunLog", "lifecycle": {"destroy": False}}], removed
        terraform_apply(aws, module, os.path.join(work, "second"))
        assert aws("dynamodb", "list-tables")["TableNames"] == tables, "the retained table was deleted"
        assert aws("sqs", "list-queues").get("QueueUrls", []) == [], "the queue, not retained, was kept"
        with open(os.path.join(work, "second", "applied", "Jobs", "terraform.tfstate")) as f:
            state = json.load(f)
        assert state["resources"] == [], [(r["type"], r["name"]) for r in state["resources"]]
    print("e2e retain terraform: the removed table stays in the account, forgotten by Terraform; the queue is deleted")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: test_retain_terraform.py DRDB_SYNTH", file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1])
