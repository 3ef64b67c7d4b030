"""End to end: the three stacks of tests/lint/multi_stack_app.cpp applied to the local mock AWS with
Terraform, one root module after the other in the order manifest.json gives. Each module reads the
outputs of the stacks before it from their state (terraform_remote_state, local backend,
../<Stack>/terraform.tfstate).
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from moto import Moto, require_tools, terraform_apply, terraform_synth  # noqa: E402
from test_multi_stack import parameter  # noqa: E402


def main(app):
    require_tools("moto_server", "aws", "terraform")
    with terraform_synth(app, "drdb-e2e-multi-tf-") as work:
        with open(os.path.join(work, "manifest.json")) as f:
            manifest = json.load(f)
        with Moto() as aws:
            outputs = {}
            for stack in manifest["deploy_order"]:
                module = os.path.join(work, manifest["stacks"][stack]["terraform"]["directory"])
                outputs[stack] = terraform_apply(aws, module, work)

            bucket = outputs["Storage"]["DataBucketName"]
            assert parameter(aws, "Compute", "DataBucketArn") == f"arn:aws:s3:::{bucket}"
            assert parameter(aws, "Compute", "SharedBucketName") == bucket
            queues = aws("sqs", "list-queues")["QueueUrls"]
            assert parameter(aws, "Monitoring", "JobsQueueUrl") in queues, queues
    print("ok: three Terraform root modules applied in manifest order, each reading the others' state")


if __name__ == "__main__":
    main(sys.argv[1])
