"""End to end: the Hive 3 example's Terraform configuration applied to the local mock AWS.

Everything but aws_emr_cluster (the provider calls EMR APIs the mock lacks) and the attachment of
AWS-managed policies (the mock has none): the 3306 rules in both
directions between the EMR primary group and the database's group, the secret with a generated value
that no file or output holds, and the service role allowed to read exactly that secret.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from moto import Moto, mock_cannot_apply, require_tools, terraform_apply, terraform_synth  # noqa: E402

ENDPOINT = "hive-metastore.cluster-c0ffee.us-east-1.rds.amazonaws.com"


def main(app):
    require_tools("moto_server", "aws", "terraform")
    with terraform_synth(app, "drdb-e2e-hive3-tf-") as work:
        module = os.path.join(work, "terraform", "EmrHive3")
        with open(os.path.join(module, "terraform.tfvars.json"), "w") as f:
            json.dump({"MetastoreEndpoint": ENDPOINT}, f)
        with Moto() as aws:
            outputs = terraform_apply(aws, module, work, skip=mock_cannot_apply)

            groups = aws("ec2", "describe-security-groups", "--filters",
                         "Name=tag:Name,Values=App/EmrHive3/MetastoreDatabase,App/EmrHive3/Hive3/PrimarySecurityGroup")
            by_name = {next(t["Value"] for t in g["Tags"] if t["Key"] == "Name"): g for g in groups["SecurityGroups"]}
            database = by_name["App/EmrHive3/MetastoreDatabase"]
            primary = by_name["App/EmrHive3/Hive3/PrimarySecurityGroup"]
            assert database["GroupId"] == outputs["MetastoreSecurityGroup"], outputs

            def rules(permissions, peer):
                return [(r["IpProtocol"], r.get("FromPort"), r.get("ToPort")) for r in permissions
                        if any(p["GroupId"] == peer for p in r.get("UserIdGroupPairs", []))]

            assert rules(database["IpPermissions"], primary["GroupId"]) == [("tcp", 3306, 3306)], database["IpPermissions"]
            assert rules(primary["IpPermissionsEgress"], database["GroupId"]) == [("tcp", 3306, 3306)], \
                primary["IpPermissionsEgress"]

            secret = aws("secretsmanager", "describe-secret", "--secret-id", outputs["MetastorePasswordSecret"])
            assert secret["ARN"] == outputs["MetastorePasswordSecret"], secret
            assert all(outputs[name] != "" for name in outputs), outputs

            roles = aws("iam", "list-roles")["Roles"]
            (service,) = [r for r in roles if "elasticmapreduce.amazonaws.com" in json.dumps(r["AssumeRolePolicyDocument"])
                          and "application-autoscaling" not in json.dumps(r["AssumeRolePolicyDocument"])]
            names = aws("iam", "list-role-policies", "--role-name", service["RoleName"])["PolicyNames"]
            statements = [s for n in names for s in aws("iam", "get-role-policy", "--role-name", service["RoleName"],
                                                          "--policy-name", n)["PolicyDocument"]["Statement"]]
            reads = [s for s in statements if "secretsmanager:GetSecretValue" in s["Action"]]
            assert reads and all(s["Resource"] == outputs["MetastorePasswordSecret"] for s in reads), reads
    print("ok: the Hive 3 example's Terraform configuration (all but the cluster) applied: 3306 both ways, the secret")


if __name__ == "__main__":
    main(sys.argv[1])
