"""What the examples with run tracking deploy besides their launcher (examples/run_tracking.hpp):
the tracker's rules (step starts and failures, the model's cluster ending) and the relauncher's
(the model's cluster failing, either way EMR reports it), each with its function as target, and
the run table's cluster index and TTL attribute."""
import json


def check_run_tracking(aws, cluster_name, table, tracker, relauncher, table_body=None):
    """With `table_body` (the table's template resource), the TTL attribute is read from it: the
    mock's CloudFormation does not keep it."""
    emr_rules = [(r, json.loads(r["EventPattern"])) for r in aws("events", "list-rules")["Rules"]
                 if "EventPattern" in r and json.loads(r["EventPattern"])["source"] == ["aws.emr"]]
    (steps,) = [r for r, p in emr_rules if p["detail-type"] == ["EMR Step Status Change"]]
    assert json.loads(steps["EventPattern"])["detail"] == {"state": ["RUNNING", "FAILED"]}, steps
    clusters = [(r, p) for r, p in emr_rules if p["detail-type"] == ["EMR Cluster State Change"]]
    (ended,) = [r for r, p in clusters if "$or" not in p["detail"]]
    (failed,) = [r for r, p in clusters if "$or" in p["detail"]]
    assert json.loads(ended["EventPattern"])["detail"] == {"name": [cluster_name], "state": ["TERMINATED", "TERMINATED_WITH_ERRORS"]}
    assert json.loads(failed["EventPattern"])["detail"] == {
        "name": [cluster_name],
        "$or": [{"state": ["TERMINATED_WITH_ERRORS"]}, {"state": ["TERMINATED"], "stateChangeReason": [{"wildcard": "*STEP_FAILURE*"}]}]}
    for rule, function in ((steps, tracker), (ended, tracker), (failed, relauncher)):
        (target,) = aws("events", "list-targets-by-rule", "--rule", rule["Name"])["Targets"]
        assert target["Arn"].endswith(":function:" + function), (rule["Name"], target, function)

    described = aws("dynamodb", "describe-table", "--table-name", table)["Table"]
    (index,) = described["GlobalSecondaryIndexes"]
    assert index["IndexName"] == "ByCluster" and index["KeySchema"] == [{"AttributeName": "Cluster_Id", "KeyType": "HASH"}], index
    if table_body is not None:
        ttl = table_body["Properties"]["TimeToLiveSpecification"]
        assert ttl == {"AttributeName": "TimeToExist", "Enabled": True}, ttl
    else:
        ttl = aws("dynamodb", "describe-time-to-live", "--table-name", table)["TimeToLiveDescription"]
        assert ttl == {"TimeToLiveStatus": "ENABLED", "AttributeName": "TimeToExist"}, ttl
    for function in (tracker, relauncher):
        env = aws("lambda", "get-function-configuration", "--function-name", function)["Environment"]["Variables"]
        assert env["RUN_LOG_TABLE"] == table and env["RUN_LOG_CLUSTER_INDEX"] == "ByCluster", env
