"""End to end: the three stacks of tests/lint/multi_stack_app.cpp deployed to the local mock AWS with
CloudFormation, one after the other in the order manifest.json gives.

Asserts the order, the exports Storage publishes for the other stacks' references, and that Compute
and Monitoring received Storage's values: through Fn::ImportValue of the generated exports (the
role's policy, SSM parameters) and of the export the app names itself (import_value). Then each
stack is deleted, in the reverse order, to DELETE_COMPLETE: the parameters, role and queue go, the
bucket (retained) stays, and no export is left.
"""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from moto import Moto, listed, require_tools  # noqa: E402

def parameter(aws, stack, name):
    """The value of the SSM parameter /drdb-multi-stack/<stack>/<name> the app declares."""
    return aws("ssm", "get-parameter", "--name", f"/drdb-multi-stack/{stack}/{name}")["Parameter"]["Value"]


def main(app):
    require_tools("moto_server", "aws")
    with tempfile.TemporaryDirectory(prefix="drdb-e2e-multi-") as work:
        subprocess.run([app, "synth", "--out", work, "--format", "cloudformation"], check=True, capture_output=True)
        with open(os.path.join(work, "manifest.json")) as f:
            manifest = json.load(f)
        assert manifest["deploy_order"] == ["Storage", "Compute", "Monitoring"], manifest
        assert manifest["stacks"]["Compute"]["depends_on"] == ["Storage"], manifest
        assert manifest["stacks"]["Monitoring"]["depends_on"] == ["Compute", "Storage"], manifest

        with Moto() as aws:
            outputs, resources, bodies = {}, {}, {}
            for stack in manifest["deploy_order"]:
                template = os.path.join(work, manifest["stacks"][stack]["cloudformation"]["json"])
                with open(template) as f:
                    bodies[stack] = json.load(f)
                outputs[stack], resources[stack] = aws.deploy_modelled(stack, template, bodies[stack])

            exports = {e["Name"]: e["Value"] for e in aws("cloudformation", "list-exports")["Exports"]}
            generated = sorted(name for name in exports if name.startswith("Storage:ExportsOutput"))
            # One export per value read: the bucket's ARN (a policy and a parameter), the queue's ARN and URL.
            assert len(generated) == 3, exports

            bucket = resources["Storage"]["Data"][1]
            bucket_arn = f"arn:aws:s3:::{bucket}"
            assert parameter(aws, "Compute", "DataBucketArn") == bucket_arn
            assert parameter(aws, "Compute", "SharedBucketName") == bucket == outputs["Storage"]["DataBucketName"]
            assert parameter(aws, "Monitoring", "JobsQueueUrl") == resources["Storage"]["Jobs"][1]

            queue_arn = aws("sqs", "get-queue-attributes", "--queue-url", resources["Storage"]["Jobs"][1],
                            "--attribute-names", "QueueArn")["Attributes"]["QueueArn"]
            named = {arn for statement in aws.role_statements(resources["Compute"]["Worker"][1])
                     for arn in listed(statement["Resource"])}
            assert {bucket_arn, f"{bucket_arn}/*", queue_arn} <= named, named

            deleted, retained = set(), set()
            for stack in reversed(manifest["deploy_order"]):
                gone, kept = aws.delete_stack(stack, bodies[stack])
                deleted, retained = deleted | gone, retained | kept
            assert {"AWS::SSM::Parameter", "AWS::IAM::Role", "AWS::SQS::Queue"} <= deleted, deleted
            assert retained == {"AWS::S3::Bucket"}, retained
            assert aws("cloudformation", "list-exports")["Exports"] == []
    print("ok: three stacks deployed to the local mock in manifest order, each reading the others' exports, and "
          "deleted in the reverse order")


if __name__ == "__main__":
    main(sys.argv[1])
