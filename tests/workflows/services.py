"""The AWS services a workflow's Tasks call, for asl.run: served by the local mock (moto_server)
where it models the call, simulated here where it does not.

Served by the mock: DynamoDB putItem/updateItem/getItem; EMR RunJobFlow (the createCluster
parameters, checked against the EMR API's shapes by boto3), AddJobFlowSteps, TerminateJobFlows,
SetTerminationProtection, and the clusters ListClusters reports.
Simulated: the .sync integrations' outcome (a created cluster is up at once; a step succeeds, or
fails as the test says), the states a cluster goes through before WAITING (the mock's are WAITING at
once), and ListClusters' paging at 50 clusters with a Marker (the mock pages at 100).
"""
import json

import boto3

from asl import TaskFailed

PAGE = 50  # clusters per ListClusters page in AWS


def client(service, endpoint):
    return boto3.client(service, endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="testing",
                        aws_secret_access_key="testing", aws_session_token="testing")


class Emr:
    def __init__(self, endpoint):
        self.client = client("emr", endpoint)
        self.order = []  # cluster ids in the order they are listed
        self.states = {}  # cluster id -> the states it reports in the next listing rounds
        self.step_failure = None  # (error, cause) of the next step, or None: it succeeds
        self.creation_failure = None  # the cause of the next creation's failure, or None
        self.rounds = 0  # listing rounds so far

    def launch(self, name, states=()):
        """A cluster named `name` (WAITING in the mock) reporting `states`, one a listing round, first."""
        cluster = self.client.run_job_flow(Name=name, ReleaseLabel="emr-7.1.0", ServiceRole="EMR_DefaultRole",
                                           JobFlowRole="EMR_EC2_DefaultRole",
                                           Instances={"MasterInstanceType": "m5.xlarge", "InstanceCount": 1,
                                                      "KeepJobFlowAliveWhenNoSteps": True})["JobFlowId"]
        self.order.append(cluster)
        self.states[cluster] = list(states)
        return cluster

    def state(self, cluster):
        return self.client.describe_cluster(ClusterId=cluster)["Cluster"]["Status"]["State"]

    def steps(self, cluster):
        return self.client.list_steps(ClusterId=cluster)["Steps"]

    def list_clusters(self, request):
        mock = {}
        for page in self.client.get_paginator("list_clusters").paginate():
            mock.update({c["Id"]: c for c in page["Clusters"]})
        offset = int(request.get("Marker", "0"))
        if offset == 0:  # a new listing round: after the first, clusters move on to their next state
            self.rounds += 1
            for pending in self.states.values():
                if self.rounds > 1 and len(pending) > 1:
                    pending.pop(0)
        listed = []
        for cluster in self.order:
            state = mock[cluster]["Status"]["State"]
            if self.states[cluster] and state == "WAITING":
                state = self.states[cluster][0]
            if state in request.get("ClusterStates", [state]):
                listed.append({"Id": cluster, "Name": mock[cluster]["Name"], "Status": {"State": state}})
        page = {"Clusters": listed[offset:offset + PAGE]}
        if offset + PAGE < len(listed):
            page["Marker"] = str(offset + PAGE)
        return page

    def create_cluster(self, parameters, sync):
        cluster = self.client.run_job_flow(**parameters)["JobFlowId"]
        self.order.append(cluster)
        self.states[cluster] = []
        if sync and self.creation_failure:
            self.client.terminate_job_flows(JobFlowIds=[cluster])
            cause = {"ClusterId": cluster, "Status": {"State": "TERMINATED_WITH_ERRORS",
                                                      "StateChangeReason": {"Code": "VALIDATION_ERROR", "Message": self.creation_failure}}}
            raise TaskFailed("States.TaskFailed", json.dumps(cause))
        return {"ClusterId": cluster, "ClusterArn": f"arn:aws:elasticmapreduce:us-east-1:123456789012:cluster/{cluster}"}

    def add_step(self, parameters, sync):
        (step,) = self.client.add_job_flow_steps(JobFlowId=parameters["ClusterId"], Steps=[parameters["Step"]])["StepIds"]
        if sync and self.step_failure:
            error, cause = self.step_failure
            raise TaskFailed(error, cause)
        return {"StepId": step} if not sync else {"Step": {"Id": step, "Status": {"State": "COMPLETED"}}}

    def terminate(self, parameters):
        self.client.terminate_job_flows(JobFlowIds=[parameters["ClusterId"]])
        return {}


class Services:
    """serve(state, resource, input) for asl.run, over one mock."""

    def __init__(self, endpoint):
        self.emr = Emr(endpoint)
        self.dynamodb = client("dynamodb", endpoint)
        self.failures = {}  # state -> the TaskFailed errors its next calls raise, in order (throttling...)

    def table(self, name, key):
        self.dynamodb.create_table(TableName=name, KeySchema=[{"AttributeName": key, "KeyType": "HASH"}],
                                   AttributeDefinitions=[{"AttributeName": key, "AttributeType": "S"}],
                                   BillingMode="PAY_PER_REQUEST")

    def items(self, table):
        return self.dynamodb.scan(TableName=table)["Items"]

    def __call__(self, state, resource, given):
        if self.failures.get(state):
            raise self.failures[state].pop(0)
        service = resource.removeprefix("arn:aws:states:::")
        sync = service.endswith(".sync")
        service = service.removesuffix(".sync")
        emr = self.emr
        handlers = {
            "dynamodb:putItem": lambda: self.dynamodb.put_item(**given) and {},
            "dynamodb:updateItem": lambda: self.dynamodb.update_item(**given) and {},
            "dynamodb:getItem": lambda: self.dynamodb.get_item(**given),
            "aws-sdk:emr:listClusters": lambda: emr.list_clusters(given),
            "elasticmapreduce:createCluster": lambda: emr.create_cluster(given, sync),
            "elasticmapreduce:addStep": lambda: emr.add_step(given, sync),
            "elasticmapreduce:terminateCluster": lambda: emr.terminate(given),
            "elasticmapreduce:setClusterTerminationProtection":
                lambda: emr.client.set_termination_protection(JobFlowIds=[given["ClusterId"]],
                                                              TerminationProtected=given["TerminationProtected"]) and {},
        }
        if service not in handlers:
            raise AssertionError(f"{state}: no service for {resource}")
        result = handlers[service]()
        result.pop("ResponseMetadata", None)
        return result
