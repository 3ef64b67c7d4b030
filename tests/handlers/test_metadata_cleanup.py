"""The metadata clean-up handler (templates/lambda/metadata_cleanup) against moto's in-process mock:
the terminated cluster of the job is marked in the job-status table and its metadata prefix
emptied; other clusters and other states are left alone."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from handler_test import directory_argument, load_handler, require_mock  # noqa: E402


def main(directory):
    boto3, mock_aws = require_mock()
    os.environ.update(JOB_STATUS_TABLE="jobs", JOB_NAME="intraday", METADATA_BUCKET="meta", METADATA_PREFIX="hbase-meta/")
    cleanup = load_handler(directory, "cleanup")
    with mock_aws():
        table = boto3.resource("dynamodb").create_table(
            TableName="jobs", BillingMode="PAY_PER_REQUEST", KeySchema=[{"AttributeName": "JobName", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "JobName", "AttributeType": "S"}])
        table.put_item(Item={"JobName": "intraday", "ClusterId": "j-1", "Status": "RUNNING"})
        s3 = boto3.client("s3")
        s3.create_bucket(Bucket="meta")
        for key in ["hbase-meta/j-1/a", "hbase-meta/j-1/b/c", "hbase-meta/j-2/a", "other/j-1/a"]:
            s3.put_object(Bucket="meta", Key=key, Body=b"x")

        def event(cluster, state):
            return {"source": "aws.emr", "detail-type": "EMR Cluster State Change", "detail": {"clusterId": cluster, "state": state}}

        assert cleanup.handler(event("j-1", "WAITING"), None) == {"cleaned": False}
        assert cleanup.handler(event("j-2", "TERMINATED"), None) == {"cleaned": False}
        assert cleanup.handler(event("j-1", "TERMINATED_WITH_ERRORS"), None) == {"cleaned": True, "deleted_objects": 2}
        assert table.get_item(Key={"JobName": "intraday"})["Item"]["Status"] == "TERMINATED_WITH_ERRORS"
        left = sorted(o["Key"] for o in s3.list_objects_v2(Bucket="meta")["Contents"])
        assert left == ["hbase-meta/j-2/a", "other/j-1/a"], left
    print("metadata_cleanup: the job's terminated cluster marked and its metadata removed, nothing else touched")


if __name__ == "__main__":
    main(directory_argument("test_metadata_cleanup.py"))
