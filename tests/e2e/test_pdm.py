"""End to end: the pdm example deployed to the local mock AWS with CloudFormation.

Deploy: the handlers' assets are uploaded first, then every resource is created, with the metastore
endpoint as a parameter. In the template (the mock skips secrets and egress rules): the password
secret without a value, the launcher told to require it, MySQL egress from the EMR primary group.
Read back from the mock: MySQL ingress on the metastore's group from the EMR primary group, the
launcher allowed to read the secret, the run table's keys, cluster index and TTL, the launcher's
run columns, data product, relaunch cap and initial-load steps, the daily rule, the tracker's and
relauncher's rules with their targets, the relauncher pointed at the launcher, and the launcher's
cluster definition (the typed model's RunJobFlow parameters: Hive 3 on the external metastore, the
password as EMR's secret reference, never its value). No role allows a wildcard action. The
handlers run against the mock in tests/handlers/ (the relauncher through the launcher). Deleted at
the end: functions, rules, roles and groups go; the buckets, table and key, which drdb retains,
stay; the VPC stays too, as the mock cannot delete its route tables (moto.py).
"""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from moto import MOCK_SKIPS, Moto, physical, require_tools, without_kms_key_tags  # noqa: E402
from run_tracking import check_run_tracking  # noqa: E402

ENDPOINT = "metastore.example.internal"


def check_template(body):
    """What the mock cannot show: it skips the secret (and drops every output, since some name it),
    and keeps no egress rules."""
    (secret_id,) = [k for k, v in body["Resources"].items() if v["Type"] == "AWS::SecretsManager::Secret"]
    assert "SecretString" not in json.dumps(body["Resources"][secret_id]), "the password is never in the template"
    egress = [v["Properties"] for v in body["Resources"].values() if v["Type"] == "AWS::EC2::SecurityGroupEgress"
              and v["Properties"].get("DestinationSecurityGroupId") == {"Fn::GetAtt": ["MetastoreDatabase", "GroupId"]}]
    assert [(e["IpProtocol"], e["FromPort"], e["ToPort"]) for e in egress] == [("tcp", 3306, 3306)], egress
    (launcher_id,) = [k for k, v in body["Resources"].items() if v["Type"] == "AWS::Lambda::Function" and k.startswith("Launcher")]
    env = body["Resources"][launcher_id]["Properties"]["Environment"]["Variables"]
    assert env["REQUIRED_SECRETS"] == {"Ref": secret_id}, env
    assert "EMR.secret@javax.jdo.option.ConnectionPassword\\\":\\\"${" + secret_id + "}" in json.dumps(env["CLUSTER_DEFINITION"])
    return secret_id


def check_deployed(aws, body, resources):
    assert not [v for v in body["Resources"].values() if v["Type"] == "AWS::EMR::Cluster"]
    database = physical(resources, "AWS::EC2::SecurityGroup", "MetastoreDatabase")
    primary = physical(resources, "AWS::EC2::SecurityGroup", "Hive3PrimarySecurityGroup")
    (group,) = aws("ec2", "describe-security-groups", "--group-ids", database)["SecurityGroups"]
    assert any(p.get("FromPort") == 3306 and p.get("ToPort") == 3306 and any(g["GroupId"] == primary for g in p.get("UserIdGroupPairs", []))
               for p in group["IpPermissions"]), group

    roles = {v[1] for v in resources.values() if v[0] == "AWS::IAM::Role"}
    check_functions(aws, physical(resources, "AWS::Lambda::Function", "Launcher"),
                    physical(resources, "AWS::Lambda::Function", "Relauncher"),
                    physical(resources, "AWS::DynamoDB::Table", "Runs"), roles,
                    physical(resources, "AWS::Lambda::Function", "RunTracker"), body["Resources"]["Runs"])
    assert "secretsmanager:GetSecretValue" in aws.role_actions(physical(resources, "AWS::IAM::Role", "LauncherServiceRole"))


def check_functions(aws, launcher_name, relauncher_name, runs, roles, tracker_name, table_body=None):
    """The launcher's cluster definition (Hive 3 on the external metastore) and environment, the
    relauncher pointed at it, the run table's keys and cluster index, the daily and cluster-failure
    rules with their targets, and no wildcard action in any of the `roles` (names). Returns the
    launcher's environment."""
    launcher = aws("lambda", "get-function-configuration", "--function-name", launcher_name)["Environment"]["Variables"]
    definition = json.loads(launcher["CLUSTER_DEFINITION"])
    assert definition["ReleaseLabel"] == "emr-6.15.0" and definition["Name"] == "drdb-pdm", definition
    (hive_site,) = [c["Properties"] for c in definition["Configurations"] if c["Classification"] == "hive-site"]
    assert hive_site["javax.jdo.option.ConnectionURL"] == f"jdbc:mysql://{ENDPOINT}:3306/hive?createDatabaseIfNotExist=true"
    assert launcher["RUN_LOG_TABLE"] == runs, launcher
    assert launcher["DATA_PRODUCT"] == "PDM" and launcher["MAX_RELAUNCHES"] == "2" and launcher["RUN_TTL_DAYS"] == "90", launcher
    columns = json.loads(launcher["RUN_COLUMNS"])
    assert set(columns) == {"S3_Prefix_Snapshots", "S3_Prefix_Analytical_DataSet", "Snapshot_Type"}, columns
    assert columns["S3_Prefix_Snapshots"].endswith("/snapshots/") and columns["Snapshot_Type"] == "incremental", columns
    initial = [s["Name"] for s in json.loads(launcher["INITIAL_STEPS"])]
    assert initial == [f"initial-load-{t}" for t in ("orders", "order_lines", "products", "customers", "prices")], initial
    relauncher = aws("lambda", "get-function-configuration", "--function-name", relauncher_name)["Environment"]["Variables"]
    assert relauncher["LAUNCHER_FUNCTION"] == launcher_name and relauncher["RUN_LOG_CLUSTER_INDEX"] == "ByCluster", relauncher

    table = aws("dynamodb", "describe-table", "--table-name", runs)["Table"]
    assert [k["AttributeName"] for k in table["KeySchema"]] == ["Correlation_Id", "DataProduct"], table

    rules = aws("events", "list-rules")["Rules"]
    (daily,) = [r for r in rules if "ScheduleExpression" in r]
    assert daily["ScheduleExpression"] == "cron(30 1 * * ? *)", daily
    (target,) = aws("events", "list-targets-by-rule", "--rule", daily["Name"])["Targets"]
    assert target["Arn"].endswith(":function:" + launcher_name), (target, launcher_name)
    check_run_tracking(aws, "drdb-pdm", runs, tracker_name, relauncher_name, table_body)

    wildcards = aws.wildcard_actions(roles)
    assert not wildcards, wildcards
    return launcher


def main(app):
    require_tools("moto_server", "aws")
    with tempfile.TemporaryDirectory(prefix="drdb-e2e-pdm-") as work:
        out = os.path.join(work, "out")
        subprocess.run([app, "synth", "--out", out, "--format", "cloudformation"], check=True, capture_output=True)
        template = os.path.join(out, "cloudformation", "Pdm.template.json")
        with open(template) as f:
            body = json.load(f)
        with Moto() as aws:
            bucket = aws.upload_assets(out)
            # The mock reads KMS key tags in the KMS API's shape only (moto.py).
            deployable = without_kms_key_tags(template, os.path.join(work, "mock.json"))
            check_template(body)
            # The mock accepts secrets in a template but does not list them as stack resources.
            _, resources = aws.deploy_modelled(
                "pdm", deployable, body, skips=MOCK_SKIPS | {"AWS::SecretsManager::Secret"},
                parameters=[("AssetsBucket", bucket), ("MetastoreEndpoint", ENDPOINT)])
            check_deployed(aws, body, resources)
            assert len(aws.check_scripts_uploaded(aws.functions_environment(), out, bucket)) == 4, "the launcher's four scripts"
            deleted, retained = aws.delete_stack("pdm", body)
            assert {"AWS::Lambda::Function", "AWS::Events::Rule", "AWS::EC2::SecurityGroup"} <= deleted, deleted
            assert {"AWS::S3::Bucket", "AWS::DynamoDB::Table", "AWS::KMS::Key"} <= retained, retained
    print("e2e pdm: deployed with its assets; MySQL both ways, the password secret and who may read it, the run table, "
          "the rules and the rendered Hive 3 cluster definition as expected; deleted but for what it retains")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: test_pdm.py APP", file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1])
