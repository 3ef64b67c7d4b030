"""End to end: the bundled example's Terraform output applied to the local mock AWS.

Every resource of the example is a type the mock supports through the provider (network, security
groups and rules, IAM, S3). Asserts the metastore rule and the buckets' encryption.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from moto import Moto, require_tools, terraform_apply, terraform_synth  # noqa: E402


def main(app):
    require_tools("moto_server", "aws", "terraform")
    with terraform_synth(app, "drdb-e2e-tf-") as work:
        with Moto() as aws:
            outputs = terraform_apply(aws, os.path.join(work, "terraform", "Platform"), work)
            assert outputs["EnvironmentName"] == "drdb-dev", outputs
            vpc_id = outputs["VpcId"]
            groups = aws("ec2", "describe-security-groups", "--filters", f"Name=vpc-id,Values={vpc_id}",
                         "Name=tag:Name,Values=App/Platform/Metastore,App/Platform/EmrMaster")["SecurityGroups"]
            by_name = {next(t["Value"] for t in g["Tags"] if t["Key"] == "Name"): g for g in groups}
            metastore, master = by_name["App/Platform/Metastore"], by_name["App/Platform/EmrMaster"]
            rules = metastore["IpPermissions"]
            assert [(r["IpProtocol"], r["FromPort"], [p["GroupId"] for p in r["UserIdGroupPairs"]]) for r in rules] == \
                [("tcp", 3306, [master["GroupId"]])], rules
            # Terraform removes EC2's default allow-all egress: only the declared egress rules remain.
            egress = sorted((r["IpProtocol"], r.get("FromPort")) for r in master["IpPermissionsEgress"])
            assert egress == [("tcp", 443), ("tcp", 3306)], master["IpPermissionsEgress"]
            enc = aws("s3api", "get-bucket-encryption", "--bucket", outputs["DataBucketName"])
            rule = enc["ServerSideEncryptionConfiguration"]["Rules"][0]["ApplyServerSideEncryptionByDefault"]
            assert rule["SSEAlgorithm"] == "AES256", enc
    print("ok: the example's Terraform configuration applied to the local mock")


if __name__ == "__main__":
    main(sys.argv[1])
