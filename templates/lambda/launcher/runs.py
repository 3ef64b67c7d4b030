"""The run table: one item per run, keyed by Correlation_Id and DataProduct.

Columns (a fixed schema, docs/ARCHITECTURE.md "The run table"): Correlation_Id, DataProduct, Run_Id
(the current launch of the run: a new one per relaunch), Date, InputPath, Steps (every step of the
run, JSON), StartStep (the index in Steps the current cluster began at), Cluster_Id, Status
(LAUNCHING, STARTED, RUNNING, COMPLETED, FAILED, STOPPED), CurrentStep, FailedStep (an index in
Steps), Relaunches, TimeToExist (epoch seconds, with RUN_TTL_DAYS) and the fixed columns of
RUN_COLUMNS (a JSON object).

A run is claimed with a conditional write before its cluster is launched, so a second message for
the same run (another object of the partition, a redelivery) launches nothing; a launch that fails
releases the claim so that a retry can launch.
"""
import json
import os
import time
import uuid

from boto3.dynamodb.conditions import Key

ACTIVE = ("LAUNCHING", "STARTED", "RUNNING")
RELAUNCHABLE = ("STARTED", "RUNNING", "FAILED")


def conditional_check_failed(table, error):
    return isinstance(error, table.meta.client.exceptions.ConditionalCheckFailedException)


def expiry():
    days = os.environ.get("RUN_TTL_DAYS")
    return {"TimeToExist": int(time.time()) + int(days) * 86400} if days else {}


def claim_new(table, key, work, steps):
    """The new run's item (LAUNCHING), or None when the run is already recorded."""
    item = {**json.loads(os.environ.get("RUN_COLUMNS", "{}")), **key, "Date": work["date"], "InputPath": work["input_path"],
            "Steps": json.dumps(steps), "StartStep": 0, "Relaunches": 0, "Status": "LAUNCHING", **expiry()}
    try:
        table.put_item(Item=item, ConditionExpression="attribute_not_exists(Correlation_Id)")
    except Exception as error:  # noqa: BLE001 - only the failed condition is expected
        if not conditional_check_failed(table, error):
            raise
        print(f"run {key} is already recorded; nothing launched")
        return None
    return item


def find(table, correlation_id, data_product=None):
    """The run's item; with no data product, the correlation id's only one."""
    if data_product is not None:
        return table.get_item(Key={"Correlation_Id": correlation_id, "DataProduct": data_product}).get("Item")
    found = table.query(KeyConditionExpression=Key("Correlation_Id").eq(correlation_id))["Items"]
    if len(found) > 1:
        raise ValueError(f"run {correlation_id} has several data products: name the one to restart")
    return found[0] if found else None


def claim_relaunch(table, key, failed_cluster, failed_step, cap):
    """The run, LAUNCHING again from `failed_step`, when its cluster `failed_cluster` failed and it has
    been relaunched fewer than `cap` times (None: no cap). Past the cap the run is marked FAILED;
    when the cluster is no longer the run's (already relaunched), None."""
    condition = "Cluster_Id = :failed AND #status IN (:started, :running, :failed_status)"
    values = {":failed": failed_cluster, ":started": "STARTED", ":running": "RUNNING", ":failed_status": "FAILED",
              ":launching": "LAUNCHING", ":step": failed_step, ":one": 1}
    if cap is not None:
        condition += " AND Relaunches < :cap"
        values[":cap"] = cap
    try:
        return table.update_item(Key=key, UpdateExpression="SET #status = :launching, FailedStep = :step ADD Relaunches :one",
                                 ConditionExpression=condition, ExpressionAttributeNames={"#status": "Status"},
                                 ExpressionAttributeValues=values, ReturnValues="ALL_NEW")["Attributes"]
    except Exception as error:  # noqa: BLE001
        if not conditional_check_failed(table, error):
            raise
    run = table.get_item(Key=key).get("Item")
    if run and run.get("Cluster_Id") == failed_cluster and run.get("Status") in RELAUNCHABLE:
        table.update_item(Key=key, UpdateExpression="SET #status = :failed, FailedStep = :step, Reason = :why",
                          ExpressionAttributeNames={"#status": "Status"},
                          ExpressionAttributeValues={":failed": "FAILED", ":step": failed_step,
                                                     ":why": f"relaunched {run.get('Relaunches', 0)} times: the cap"})
        print(f"run {key} reached its cap of {cap} relaunches: marked FAILED, nothing launched")
    else:
        print(f"run {key} is not on cluster {failed_cluster} any more, or is not unfinished: nothing launched")
    return None


def claim_restart(table, key):
    """The FAILED run, LAUNCHING again (an operator's restart, not counted against the cap)."""
    try:
        return table.update_item(Key=key, UpdateExpression="SET #status = :launching", ConditionExpression="#status = :failed",
                                 ExpressionAttributeNames={"#status": "Status"},
                                 ExpressionAttributeValues={":launching": "LAUNCHING", ":failed": "FAILED"},
                                 ReturnValues="ALL_NEW")["Attributes"]
    except Exception as error:  # noqa: BLE001
        if not conditional_check_failed(table, error):
            raise
        return None


def restart_index(run):
    return int(run.get("FailedStep", run.get("StartStep", 0)))


def launched(table, key, cluster_id, start, steps):
    run_id = str(uuid.uuid4())
    table.update_item(Key=key, UpdateExpression="SET Cluster_Id = :c, Run_Id = :r, StartStep = :i, CurrentStep = :s, #status = :started"
                                                " REMOVE FailedStep, Reason",
                      ExpressionAttributeNames={"#status": "Status"},
                      ExpressionAttributeValues={":c": cluster_id, ":r": run_id, ":i": start, ":s": steps[0]["Name"],
                                                 ":started": "STARTED"})
    return run_id


def release(table, run):
    """Undo a claim whose cluster was not launched: a new run is forgotten, a restart is FAILED again."""
    key = {"Correlation_Id": run["Correlation_Id"], "DataProduct": run["DataProduct"]}
    if "Cluster_Id" not in run:
        table.delete_item(Key=key)
    else:
        table.update_item(Key=key, UpdateExpression="SET #status = :failed", ExpressionAttributeNames={"#status": "Status"},
                          ExpressionAttributeValues={":failed": "FAILED"})
