"""End to end: the network example deployed to the local mock AWS with CloudFormation.

Asserts the security-group rules (MySQL from the EMR primary group on the metastore, 9443 from the
primary group on the service-access group), the subnets per zone, the NAT gateway per zone and the
routes of each private subnet through its zone's NAT. Deleted at the end: groups, subnets and the
flow-log role go; the buckets and log group, which drdb retains, stay; the VPC stays too, as the
mock cannot delete its route tables, NAT gateways and endpoints (moto.py).
"""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from moto import Moto, require_tools  # noqa: E402


def ingress_of(aws, group_id):
    rules = aws("ec2", "describe-security-groups", "--group-ids", group_id)["SecurityGroups"][0]["IpPermissions"]
    return sorted((r["IpProtocol"], r.get("FromPort"), tuple(p["GroupId"] for p in r["UserIdGroupPairs"])) for r in rules)


def check_rules(aws, groups):
    """MySQL from the EMR primary group on the metastore's, 9443 on the service-access group's, and
    nothing into the primary group; `groups`: the group ids by their construct id."""
    primary = groups["EmrPrimary"]
    assert ingress_of(aws, groups["HiveMetastore"]) == [("tcp", 3306, (primary,))]
    assert ingress_of(aws, groups["EmrServiceAccess"]) == [("tcp", 9443, (primary,))]
    assert ingress_of(aws, primary) == []


def check_routes(aws, vpc_id):
    """Six subnets in two zones, a NAT gateway per zone that the private subnets route through, and
    the public subnets' routes to the internet gateway."""
    subnets = aws("ec2", "describe-subnets", "--filters", f"Name=vpc-id,Values={vpc_id}")["Subnets"]
    assert len(subnets) == 6, [s["CidrBlock"] for s in subnets]
    assert len({s["AvailabilityZone"] for s in subnets}) == 2
    nats = aws("ec2", "describe-nat-gateways", "--filter", f"Name=vpc-id,Values={vpc_id}")["NatGateways"]
    assert len(nats) == 2, nats
    tables = aws("ec2", "describe-route-tables", "--filters", f"Name=vpc-id,Values={vpc_id}")["RouteTables"]
    nat_routes = {r.get("NatGatewayId") for t in tables for r in t["Routes"] if r.get("NatGatewayId")}
    assert nat_routes == {n["NatGatewayId"] for n in nats}, (nat_routes, nats)
    igw_routes = [r for t in tables for r in t["Routes"] if r.get("GatewayId", "").startswith("igw-")]
    assert len(igw_routes) == 2, igw_routes


def main(app):
    require_tools("moto_server", "aws")
    with tempfile.TemporaryDirectory(prefix="drdb-e2e-net-") as work:
        subprocess.run([app, "synth", "--out", work, "--format", "cloudformation"], check=True, capture_output=True)
        template = os.path.join(work, "cloudformation", "Network.template.json")
        with open(template) as f:
            body = json.load(f)
        with Moto() as aws:
            _, resources = aws.deploy_modelled("network", template, body)

            def physical(logical_id):
                return resources[logical_id][1]

            check_rules(aws, {name: physical(name) for name in ("EmrPrimary", "HiveMetastore", "EmrServiceAccess")})

            check_routes(aws, physical("Vpc"))

            deleted, retained = aws.delete_stack("network", body)
            assert {"AWS::EC2::SecurityGroup", "AWS::EC2::Subnet", "AWS::IAM::Role"} <= deleted, deleted
            assert {"AWS::S3::Bucket", "AWS::Logs::LogGroup", "AWS::EC2::VPC"} <= retained, retained
    print("ok: the network example deployed to the local mock with its rules and routes; deleted but for what it "
          "retains")


if __name__ == "__main__":
    main(sys.argv[1])
