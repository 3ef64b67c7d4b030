"""The pre-signed URL handler (templates/lambda/presign) against moto's in-process mock: a PUT URL
uploads under the configured prefix (a real HTTP PUT with the URL), a GET URL reads it back; every
answer, refusals included, carries the API's CORS origin; keys that could leave the prefix or name
something else than they say, over-long keys and unknown methods are refused with 400, and the
expiry is capped at S3's seven days."""
import json
import os
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(__file__))
from handler_test import directory_argument, load_handler, require_mock  # noqa: E402

ORIGIN = "https://labs.extralabs.example"


def main(directory):
    boto3, mock_aws = require_mock()
    import requests
    os.environ.update(UPLOAD_BUCKET="uploads", KEY_PREFIX="incoming/", EXPIRES_IN="300", CORS_ALLOW_ORIGIN=ORIGIN)
    presign = load_handler(directory, "presign")
    with mock_aws():
        s3 = boto3.client("s3")
        s3.create_bucket(Bucket="uploads")

        def ask(**query):
            reply = presign.handler({"httpMethod": "GET", "path": "/upload-url", "queryStringParameters": query or None}, None)
            # The browser may read every answer, errors included: the proxy integration adds nothing.
            assert reply["headers"]["Access-Control-Allow-Origin"] == ORIGIN and reply["headers"]["Vary"] == "Origin", reply
            return reply["statusCode"], json.loads(reply["body"])

        status, put = ask(key="run-1/input.csv")
        assert status == 200 and put["method"] == "PUT" and put["key"] == "incoming/run-1/input.csv" and put["expires_in"] == 300, put
        url = urllib.parse.urlparse(put["url"])
        assert url.path.endswith("/incoming/run-1/input.csv"), url
        signed = urllib.parse.parse_qs(url.query)
        assert signed["X-Amz-Algorithm"] == ["AWS4-HMAC-SHA256"] and signed["X-Amz-Expires"] == ["300"], signed
        # The in-process mock answers HTTP requests made with `requests` (which it intercepts): the
        # browser's PUT, with the Content-Type the bucket's CORS rule admits.
        assert requests.put(put["url"], data=b"a,b\n", headers={"Content-Type": "text/csv"}, timeout=10).status_code == 200
        assert s3.get_object(Bucket="uploads", Key="incoming/run-1/input.csv")["Body"].read() == b"a,b\n"
        status, get = ask(key="incoming/run-1/input.csv", method="get")
        assert status == 200 and get["method"] == "GET" and get["key"] == "incoming/run-1/input.csv", get
        assert requests.get(get["url"], timeout=10).content == b"a,b\n"

        # Refused, with the reason, before anything is signed.
        for bad in ["", "../secrets", "incoming/../../secrets", "a/../b", "./x", "a//b", "/etc/passwd", "a\\..\\b",
                    "a\nb", "x" * 1016]:
            status, body = ask(key=bad) if bad else ask()
            assert status == 400 and body["error"], (bad, status, body)
        status, body = ask(key="x", method="DELETE")
        assert status == 400 and "PUT or GET" in body["error"], body

        os.environ["EXPIRES_IN"] = str(30 * 24 * 3600)
        status, capped = ask(key="later.csv")
        assert status == 200 and capped["expires_in"] == 7 * 24 * 3600, capped
    print("presign: PUT and GET URLs under the prefix work with HTTP; CORS origin on every answer; "
          "traversal, empty segments, control characters, long keys and unknown methods refused; expiry capped")


if __name__ == "__main__":
    main(directory_argument("test_presign.py"))
