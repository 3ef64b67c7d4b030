"""The metadata clean-up handler (templates/lambda/metadata_cleanup) against moto's in-process mock,
on the job's cluster's state changes: RUNNING (then WAITING) records EmrReadyTime once;
TERMINATED sets JobStatus COMPLETED and TERMINATED_WITH_ERRORS sets FAILED with the reason; either
deletes exactly the read replica's metadata keys under the HBase root, <root><cluster id>/, and
nothing else (not the tables' data, not another cluster's metadata, not a sibling id that shares
the prefix); other clusters' events change nothing."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from handler_test import directory_argument, load_handler, require_mock  # noqa: E402

KEYS = ["hbase/j-1/data/hbase/meta/1588230740/info/a", "hbase/j-1/MasterData/data/master/store/b", "hbase/j-1/.tmp/c",
        "hbase/j-10/x", "hbase/j-2/a", "hbase/data/default/positions/r1/cf/hfile1", "hbase/hbase.version", "other/j-1/a"]


def event(cluster, state, time="2026-12-07T14:07:00Z", reason=None):
    detail = {"clusterId": cluster, "state": state, "name": "drdb-intraday"}
    if reason:
        detail["stateChangeReason"] = reason
    return {"source": "aws.emr", "detail-type": "EMR Cluster State Change", "time": time, "detail": detail}


def main(directory):
    boto3, mock_aws = require_mock()
    os.environ.update(JOB_STATUS_TABLE="jobs", JOB_NAME="intraday", METADATA_BUCKET="meta", METADATA_PREFIX="hbase/")
    cleanup = load_handler(directory, "cleanup")
    with mock_aws():
        table = boto3.resource("dynamodb").create_table(
            TableName="jobs", BillingMode="PAY_PER_REQUEST", KeySchema=[{"AttributeName": "JobName", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "JobName", "AttributeType": "S"}])
        s3 = boto3.client("s3")
        s3.create_bucket(Bucket="meta")

        def job():
            return table.get_item(Key={"JobName": "intraday"})["Item"]

        def left():
            return sorted(o["Key"] for o in s3.list_objects_v2(Bucket="meta").get("Contents", []))

        def start(cluster):
            table.put_item(Item={"JobName": "intraday", "ClusterId": cluster, "JobStatus": "RUNNING", "CorrelationId": "c-" + cluster})
            for key in KEYS:
                s3.put_object(Bucket="meta", Key=key.replace("/j-1/", f"/{cluster}/") if key.startswith("hbase/j-1/") else key, Body=b"x")

        start("j-1")
        # Ready: recorded once, at the first of RUNNING/WAITING.
        assert cleanup.handler(event("j-1", "RUNNING", "2026-12-07T14:07:00Z"), None) == {"cleaned": False, "ready": True}
        assert cleanup.handler(event("j-1", "WAITING", "2026-12-07T14:30:00Z"), None) == {"cleaned": False, "ready": False}
        assert job()["EmrReadyTime"] == "2026-12-07T14:07:00Z" and job()["JobStatus"] == "RUNNING", job()

        # Another cluster's end changes nothing.
        assert cleanup.handler(event("j-2", "TERMINATED"), None) == {"cleaned": False}
        assert job()["JobStatus"] == "RUNNING" and len(left()) == len(KEYS)

        # Success: COMPLETED, and exactly the replica's three metadata keys deleted.
        assert cleanup.handler(event("j-1", "TERMINATED", "2026-12-07T14:50:00Z", reason="Steps completed"), None) == \
            {"cleaned": True, "deleted_objects": 3, "job_status": "COMPLETED"}
        assert job()["JobStatus"] == "COMPLETED", job()
        kept = [k for k in KEYS if not k.startswith("hbase/j-1/")]
        assert left() == sorted(kept), left()

        # Failure: FAILED with the reason, which blocks the launcher until acknowledged.
        start("j-3")
        result = cleanup.handler(event("j-3", "TERMINATED_WITH_ERRORS", reason="Bootstrap failure"), None)
        assert result == {"cleaned": True, "deleted_objects": 3, "job_status": "FAILED"}, result
        assert job()["JobStatus"] == "FAILED" and job()["StatusReason"] == "Bootstrap failure", job()
        assert not [k for k in left() if k.startswith("hbase/j-3/")] and set(kept) <= set(left()), left()
    print("metadata_cleanup: ready time recorded; COMPLETED or FAILED at the end; exactly the replica's metadata removed")


if __name__ == "__main__":
    main(directory_argument("test_metadata_cleanup.py"))
