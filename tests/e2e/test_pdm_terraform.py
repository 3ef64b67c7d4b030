"""End to end: the pdm example's Terraform configuration applied to the local mock AWS.

Applied: everything but the attachment of the AWS-managed EMR service policy (the mock does not have
AmazonEMRServicePolicy_v2: NoSuchEntity). Asserts what test_pdm.py asserts of the CloudFormation
deploy (the launcher's Hive 3 cluster definition on the external metastore, the relauncher, the
run table, the rules with their function targets, no wildcard action), and what the mock's
CloudFormation skips: MySQL both ways between the EMR primary group and the metastore's group, and
the password secret, which the cluster definition names behind EMR's secret annotation, which the
launcher waits for, and which only the launcher's and the cluster's service roles may read (EMR
reads it with the latter), that secret alone.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from moto import Moto, listed, mock_cannot_apply, require_tools, terraform_apply, terraform_skipped, terraform_synth  # noqa: E402
from test_pdm import ENDPOINT, check_functions  # noqa: E402


def mysql(permissions, peer):
    return [(r["IpProtocol"], r.get("FromPort"), r.get("ToPort")) for r in permissions
            if any(p["GroupId"] == peer for p in r.get("UserIdGroupPairs", []))]


def main(app):
    require_tools("moto_server", "aws", "terraform")
    with terraform_synth(app, "drdb-e2e-pdm-tf-") as work:
        module = os.path.join(work, "terraform", "Pdm")
        with open(os.path.join(module, "terraform.tfvars.json"), "w") as f:
            json.dump({"MetastoreEndpoint": ENDPOINT}, f)
        assert {kind for kind, _ in terraform_skipped(module, mock_cannot_apply)} == {"aws_iam_role_policy_attachment"}
        with Moto() as aws:
            outputs = terraform_apply(aws, module, work, skip=mock_cannot_apply)
            roles = {r["RoleName"] for r in aws("iam", "list-roles")["Roles"]}
            env = check_functions(aws, outputs["LauncherFunction"], outputs["RelauncherFunction"], outputs["RunsTable"], roles,
                                  outputs["RunTrackerFunction"])

            secret = outputs["MetastorePasswordSecret"]
            assert aws("secretsmanager", "describe-secret", "--secret-id", secret)["ARN"] == secret
            assert env["REQUIRED_SECRETS"] == secret, env
            definition = json.loads(env["CLUSTER_DEFINITION"])
            (hive_site,) = [c["Properties"] for c in definition["Configurations"] if c["Classification"] == "hive-site"]
            assert hive_site["EMR.secret@javax.jdo.option.ConnectionPassword"] == secret, hive_site
            readers = {name: [s for s in aws.role_statements(name) if "secretsmanager:GetSecretValue" in listed(s["Action"])]
                       for name in roles}
            readers = {name: statements for name, statements in readers.items() if statements}
            function = aws("lambda", "get-function-configuration", "--function-name", outputs["LauncherFunction"])
            assert set(readers) == {function["Role"].rsplit("/", 1)[-1], definition["ServiceRole"]}, readers
            assert all([listed(s["Resource"]) for s in statements] == [[secret]] for statements in readers.values()), readers

            database = outputs["MetastoreSecurityGroup"]
            primary = definition["Instances"]["EmrManagedMasterSecurityGroup"]
            groups = {g["GroupId"]: g for g in aws("ec2", "describe-security-groups", "--group-ids", database, primary)["SecurityGroups"]}
            assert mysql(groups[database]["IpPermissions"], primary) == [("tcp", 3306, 3306)], groups[database]
            assert mysql(groups[primary]["IpPermissionsEgress"], database) == [("tcp", 3306, 3306)], groups[primary]
    print("e2e pdm terraform: applied but for the AWS-managed policy attachment; MySQL both ways, the password secret "
          "and its readers, the functions, run table and rules as expected")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: test_pdm_terraform.py APP", file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1])
