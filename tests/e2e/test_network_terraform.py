"""End to end: the network example's Terraform configuration applied to the local mock AWS.

Every resource applies. Asserts what test_network.py asserts of the CloudFormation deploy (the
rules into the metastore's and the service-access groups from the EMR primary group, the subnets,
NAT gateways and routes), and what the mock's CloudFormation does not keep: the groups' egress
(Terraform removes EC2's default allow-all, so only the declared rules remain), the interface
endpoints with private DNS, and the data bucket's access logs in the log bucket.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from moto import Moto, mock_cannot_apply, require_tools, terraform_apply, terraform_skipped, terraform_synth  # noqa: E402
from test_network import check_routes, check_rules  # noqa: E402


def main(app):
    require_tools("moto_server", "aws", "terraform")
    with terraform_synth(app, "drdb-e2e-network-tf-") as work:
        module = os.path.join(work, "terraform", "Network")
        assert terraform_skipped(module, mock_cannot_apply) == set()
        with Moto() as aws:
            outputs = terraform_apply(aws, module, work)
            vpc_id = outputs["VpcId"]
            found = aws("ec2", "describe-security-groups", "--filters", f"Name=vpc-id,Values={vpc_id}")["SecurityGroups"]
            groups = {t["Value"].rsplit("/", 1)[-1]: g for g in found for t in g.get("Tags", []) if t["Key"] == "Name"}
            check_rules(aws, {name: groups[name]["GroupId"] for name in ("EmrPrimary", "HiveMetastore", "EmrServiceAccess")})
            check_routes(aws, vpc_id)

            def egress(name):
                return sorted((r["IpProtocol"], r.get("FromPort"), tuple(p["GroupId"] for p in r.get("UserIdGroupPairs", [])),
                               tuple(p["CidrIp"] for p in r.get("IpRanges", []))) for r in groups[name]["IpPermissionsEgress"])

            assert egress("EmrPrimary") == sorted([("tcp", 443, (), ("0.0.0.0/0",)),
                                                   ("tcp", 3306, (groups["HiveMetastore"]["GroupId"],), ()),
                                                   ("tcp", 9443, (groups["EmrServiceAccess"]["GroupId"],), ())]), egress("EmrPrimary")
            assert egress("EmrCoreTask") == [("tcp", 443, (), ("0.0.0.0/0",))], egress("EmrCoreTask")

            endpoints = aws("ec2", "describe-vpc-endpoints", "--filters", f"Name=vpc-id,Values={vpc_id}")["VpcEndpoints"]
            kinds = sorted((e["ServiceName"].rsplit(".", 1)[-1], e["VpcEndpointType"], e.get("PrivateDnsEnabled", False))
                           for e in endpoints)
            assert kinds == [("dynamodb", "Gateway", False), ("glue", "Interface", True), ("s3", "Gateway", False),
                             ("secretsmanager", "Interface", True), ("sts", "Interface", True)], kinds

            logging = aws("s3api", "get-bucket-logging", "--bucket", outputs["DataBucket"])["LoggingEnabled"]
            assert logging == {"TargetBucket": outputs["LogBucket"], "TargetPrefix": "s3-access/data/"}, logging
    print("e2e network terraform: applied; rules both ways, subnets, NAT routes, endpoints and access logs as expected")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: test_network_terraform.py APP", file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1])
