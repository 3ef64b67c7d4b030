"""End to end: the Hive 3 example deployed to the local mock AWS with CloudFormation.

Asserts that no synthesized file holds a password (the metastore password is only ever the secret's
ARN behind EMR's secret annotation), then deploys with the metastore endpoint as parameter and checks
the cluster (name, release, roles, instance profile, groups), MySQL from the EMR primary group on the
database's group, and the service role's right to read the secret (the mock drops the resource of that
statement, which names the skipped secret). The mock skips
AWS::SecretsManager::Secret and security-group egress resources (shared/local-aws.md): the secret's
own facts and the egress side of the 3306 rule are asserted on the template here and deployed by
test_emr-hive3_terraform.py.

Deleted at the end: groups, roles and the instance profile go (the cluster is terminated); the
buckets and key, which drdb retains, stay (as would the secret); the VPC stays too, as the mock
cannot delete its route tables (moto.py).
"""
import ast
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from moto import MOCK_SKIPS, Moto, require_tools, without_kms_key_tags  # noqa: E402

ENDPOINT = "hive-metastore.cluster-c0ffee.us-east-1.rds.amazonaws.com"
PASSWORD_KEY = "javax.jdo.option.ConnectionPassword"


def check_no_password(out_dir):
    """Every file drdb wrote: the password property appears only as EMR's secret annotation, nothing
    resolves the secret at deploy time, no secret value is set."""
    seen = 0
    for root, _, files in os.walk(out_dir):
        for name in files:
            with open(os.path.join(root, name)) as f:
                text = f.read()
            assert "resolve:secretsmanager" not in text, name
            assert "SecretString\"" not in text and "secret_string\"" not in text, name
            assert PASSWORD_KEY not in text.replace("EMR.secret@" + PASSWORD_KEY, ""), name
            seen += text.count("EMR.secret@" + PASSWORD_KEY)
    assert seen >= 2, f"the annotated password property is missing ({seen})"  # JSON, YAML, Terraform


def policy_document(document):
    """A role policy as the mock returns it: a document, JSON text, or (when a statement referred to a
    skipped resource) the text of a Python literal."""
    if isinstance(document, dict):
        return document
    try:
        return json.loads(document)
    except ValueError:
        return ast.literal_eval(document)


def main(app):
    require_tools("moto_server", "aws")
    with tempfile.TemporaryDirectory(prefix="drdb-e2e-hive3-") as work:
        subprocess.run([app, "synth", "--out", work], check=True, capture_output=True)
        check_no_password(work)
        template = os.path.join(work, "cloudformation", "EmrHive3.template.json")
        with open(template) as f:
            body = json.load(f)
        (cluster_id,) = [k for k, v in body["Resources"].items() if v["Type"] == "AWS::EMR::Cluster"]
        (secret_id,) = [k for k, v in body["Resources"].items() if v["Type"] == "AWS::SecretsManager::Secret"]
        hive_site = next(c for c in body["Resources"][cluster_id]["Properties"]["Configurations"]
                         if c["Classification"] == "hive-site")["ConfigurationProperties"]
        assert hive_site["javax.jdo.option.ConnectionURL"] == {"Fn::Join": ["", [
            "jdbc:mysql://", {"Ref": "MetastoreEndpoint"}, ":3306/hive?createDatabaseIfNotExist=true"]]}, hive_site
        assert hive_site["EMR.secret@" + PASSWORD_KEY] == {"Ref": secret_id}, hive_site
        egress = [v["Properties"] for v in body["Resources"].values() if v["Type"] == "AWS::EC2::SecurityGroupEgress"
                  and v["Properties"].get("DestinationSecurityGroupId") == {"Fn::GetAtt": ["MetastoreDatabase", "GroupId"]}]
        assert [(e["IpProtocol"], e["FromPort"], e["ToPort"]) for e in egress] == [("tcp", 3306, 3306)], egress

        with Moto() as aws:
            # The mock drops every output when one refers to a skipped resource (the secret's ARN):
            # physical ids come from the stack's resources instead.
            # The mock accepts secrets in a template but does not list them as stack resources.
            _, resources = aws.deploy_modelled("hive3", without_kms_key_tags(template, os.path.join(work, "mock.json")), body,
                                               skips=MOCK_SKIPS | {"AWS::SecretsManager::Secret"},
                                               parameters=[("MetastoreEndpoint", ENDPOINT)])

            def physical(kind, prefix):
                (found,) = [v[1] for k, v in resources.items() if v[0] == kind and k.startswith(prefix)]
                return found

            cluster = aws("emr", "describe-cluster", "--cluster-id", physical("AWS::EMR::Cluster", cluster_id))["Cluster"]
            assert cluster["Name"] == "drdb-example-hive3" and cluster["ReleaseLabel"] == "emr-6.15.0", cluster
            primary = physical("AWS::EC2::SecurityGroup", "Hive3PrimarySecurityGroup")
            attrs = cluster["Ec2InstanceAttributes"]
            assert attrs["EmrManagedMasterSecurityGroup"] == primary, attrs
            profile = aws("iam", "get-instance-profile", "--instance-profile-name", attrs["IamInstanceProfile"])["InstanceProfile"]
            assert [r["RoleName"] for r in profile["Roles"]] == [physical("AWS::IAM::Role", "Hive3JobFlowRole")], profile
            assert cluster["ServiceRole"] == physical("AWS::IAM::Role", "Hive3ServiceRole"), cluster["ServiceRole"]

            # MySQL into the database's group from the EMR primary group only.
            database = aws("ec2", "describe-security-groups", "--group-ids",
                           physical("AWS::EC2::SecurityGroup", "MetastoreDatabase"))["SecurityGroups"][0]
            ingress = [(r["IpProtocol"], r["FromPort"], r["ToPort"], [p["GroupId"] for p in r["UserIdGroupPairs"]])
                       for r in database["IpPermissions"]]
            assert ingress == [("tcp", 3306, 3306, [primary])], ingress

            # EMR reads the secret with the service role.
            names = aws("iam", "list-role-policies", "--role-name", cluster["ServiceRole"])["PolicyNames"]
            documents = [policy_document(aws("iam", "get-role-policy", "--role-name", cluster["ServiceRole"],
                                             "--policy-name", n)["PolicyDocument"]) for n in names]
            actions = {a for d in documents for s in d["Statement"]
                       for a in ([s["Action"]] if isinstance(s["Action"], str) else s["Action"])}
            assert "secretsmanager:GetSecretValue" in actions, actions

            deleted, retained = aws.delete_stack("hive3", body)
            assert {"AWS::EC2::SecurityGroup", "AWS::IAM::Role", "AWS::IAM::InstanceProfile"} <= deleted, deleted
            assert {"AWS::S3::Bucket", "AWS::KMS::Key"} <= retained, retained
    print("ok: the Hive 3 example holds no password and deployed to the local mock with its 3306 rule; deleted but "
          "for what it retains")


if __name__ == "__main__":
    main(sys.argv[1])
