"""End to end: the workflow example's Terraform configuration applied to the local mock AWS.

Not applied, as the mock cannot: the state machine (the provider first calls
ValidateStateMachineDefinition, which the mock answers with a server error), the EMR cluster (the
mock creates it, but the provider then reads its auto-termination policy with
GetAutoTerminationPolicy, which the mock answers with a server error), and the attachment of the
AWS-managed EMR service policy (the mock does not have AmazonEMRServicePolicy_v2). Everything else
is: the state machine's role allowed every action the graph calls and no wildcard, the run log
with its time-to-live attribute (which the mock's CloudFormation does not keep) and KMS encryption,
and the clusters' key, rotated yearly (the mock cannot describe a key CloudFormation created).
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from moto import Moto, mock_cannot_apply, require_tools, terraform_apply, terraform_skipped, terraform_synth  # noqa: E402
from test_workflow import ROLE_ACTIONS  # noqa: E402


def main(app):
    require_tools("moto_server", "aws", "terraform")
    with terraform_synth(app, "drdb-e2e-workflow-tf-") as work:
        module = os.path.join(work, "terraform", "Workflow")
        skipped = {kind for kind, _ in terraform_skipped(module, mock_cannot_apply)}
        assert skipped == {"aws_sfn_state_machine", "aws_emr_cluster", "aws_iam_role_policy_attachment"}, skipped
        with Moto() as aws:
            outputs = terraform_apply(aws, module, work, skip=mock_cannot_apply)
            assert "StateMachineArn" not in outputs, outputs

            roles = {r["RoleName"]: r for r in aws("iam", "list-roles")["Roles"]}
            (machine_role,) = [n for n, r in roles.items() if "states.amazonaws.com" in json.dumps(r["AssumeRolePolicyDocument"])]
            actions = aws.role_actions(machine_role)
            assert ROLE_ACTIONS <= actions, sorted(ROLE_ACTIONS - actions)
            wildcards = aws.wildcard_actions(roles)
            assert not wildcards, wildcards

            table = aws("dynamodb", "describe-table", "--table-name", outputs["RunLogTable"])["Table"]
            assert table["KeySchema"] == [{"AttributeName": "Correlation_Id", "KeyType": "HASH"}], table
            ttl = aws("dynamodb", "describe-time-to-live", "--table-name", table["TableName"])["TimeToLiveDescription"]
            assert ttl == {"TimeToLiveStatus": "ENABLED", "AttributeName": "TimeToExist"}, ttl
            encryption = table["SSEDescription"]
            assert encryption["Status"] == "ENABLED" and encryption["SSEType"] == "KMS", encryption

            # The mock makes the table's key (AWS-managed, in AWS) a key of the account: the other one.
            keys = [aws("kms", "describe-key", "--key-id", k["KeyId"])["KeyMetadata"] for k in aws("kms", "list-keys")["Keys"]]
            (key,) = [k for k in keys if k["Arn"] != encryption["KMSMasterKeyArn"]]
            assert aws("kms", "get-key-rotation-status", "--key-id", key["KeyId"])["KeyRotationEnabled"] is True, key
    print("e2e workflow terraform: applied but for the state machine and the cluster; role, run log and key as expected")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: test_workflow_terraform.py APP", file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1])
