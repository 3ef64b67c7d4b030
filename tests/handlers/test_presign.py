"""The pre-signed URL handler (templates/lambda/presign) against moto's in-process mock: a PUT URL
uploads under the configured prefix, a GET URL reads it back, and bad keys or methods are refused."""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from handler_test import directory_argument, load_handler, require_mock  # noqa: E402


def main(directory):
    boto3, mock_aws = require_mock()
    import requests
    os.environ.update(UPLOAD_BUCKET="uploads", KEY_PREFIX="incoming/", EXPIRES_IN="300")
    presign = load_handler(directory, "presign")
    with mock_aws():
        s3 = boto3.client("s3")
        s3.create_bucket(Bucket="uploads")

        def ask(**query):
            reply = presign.handler({"httpMethod": "GET", "path": "/upload-url", "queryStringParameters": query}, None)
            return reply["statusCode"], json.loads(reply["body"])

        status, put = ask(key="run-1/input.csv")
        assert status == 200 and put["method"] == "PUT" and put["key"] == "incoming/run-1/input.csv" and put["expires_in"] == 300, put
        assert "X-Amz-Signature=" in put["url"], put
        # The in-process mock answers HTTP requests made with `requests` (which it intercepts).
        assert requests.put(put["url"], data=b"a,b\n", timeout=10).status_code == 200
        assert s3.get_object(Bucket="uploads", Key="incoming/run-1/input.csv")["Body"].read() == b"a,b\n"
        status, get = ask(key="incoming/run-1/input.csv", method="get")
        assert status == 200 and get["method"] == "GET" and get["key"] == "incoming/run-1/input.csv", get
        assert requests.get(get["url"], timeout=10).content == b"a,b\n"
        assert ask()[0] == 400
        assert ask(key="../secrets")[0] == 400
        assert ask(key="x", method="DELETE")[0] == 400
    print("presign: PUT and GET URLs under the prefix, bad keys and methods refused")


if __name__ == "__main__":
    main(directory_argument("test_presign.py"))
