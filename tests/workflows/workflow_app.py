"""What a test executes: the state machines and rules of an app as it synthesizes them."""
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "lint"))
import asl_definitions  # noqa: E402


class App:
    """The CloudFormation templates of an app binary (drdb-synth or an example's program)."""

    def __init__(self, binary):
        with tempfile.TemporaryDirectory(prefix="drdb-workflows-") as out:
            subprocess.run([binary, "synth", "--format", "cloudformation", "--out", out], check=True, capture_output=True)
            folder = os.path.join(out, "cloudformation")
            self.templates = {}
            for name in sorted(os.listdir(folder)):
                if name.endswith(".template.json"):
                    with open(os.path.join(folder, name)) as f:
                        self.templates[name.removesuffix(".template.json")] = json.load(f)

    def definitions(self):
        """(logical id, definition) of every state machine, deploy-time values replaced as
        asl_definitions does (a table's name is its logical id)."""
        return [found for template in self.templates.values() for found in asl_definitions.from_cloudformation(template)]

    def rules(self):
        """{logical id: rule properties} of every EventBridge rule."""
        return {logical_id: r["Properties"] for template in self.templates.values()
                for logical_id, r in template["Resources"].items() if r["Type"] == "AWS::Events::Rule"}


def transform(target, event):
    """A rule target's input for `event`, as EventBridge builds it (Input, or InputTransformer's
    paths and template; the paths used here are plain dotted ones)."""
    if "Input" in target:
        return json.loads(target["Input"])
    transformer = target.get("InputTransformer")
    if transformer is None:
        return event
    values = {}
    for name, path in transformer["InputPathsMap"].items():
        value = event
        for part in path.removeprefix("$.").split("."):
            value = value[part]
        values[name] = value
    return json.loads(re.sub(r"<([A-Za-z0-9_.-]+)>", lambda m: json.dumps(values[m.group(1)]), transformer["InputTemplate"]))


def s3_object_created(bucket, key, time="2026-12-01T09:59:58Z"):
    """An "Object Created" event of S3 through EventBridge."""
    return {"version": "0", "id": "7e6a1b2c-0000-4000-8000-000000000001", "detail-type": "Object Created", "source": "aws.s3",
            "account": "123456789012", "time": time, "region": "us-east-1", "resources": [f"arn:aws:s3:::{bucket}"],
            "detail": {"version": "0", "bucket": {"name": bucket},
                       "object": {"key": key, "size": 1024, "etag": "d41d8cd98f00b204e9800998ecf8427e", "sequencer": "0062E99A88DC407460"},
                       "request-id": "N4N7GDK58NMKJ12R", "requester": "123456789012", "source-ip-address": "10.0.0.1", "reason": "PutObject"}}
