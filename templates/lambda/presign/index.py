"""Pre-signed URLs for the upload bucket, behind API Gateway (proxy integration).

GET /upload-url?key=<object key>[&method=PUT|GET] answers {"url", "method", "key", "expires_in"}: a
URL to PUT the object (the default) or to GET it, valid EXPIRES_IN seconds (default 900). Keys are
confined to KEY_PREFIX (e.g. "uploads/") of UPLOAD_BUCKET, and may not climb out of it.
"""
import json
import os

import boto3
from botocore.config import Config

METHODS = {"PUT": "put_object", "GET": "get_object"}


def answer(status, body):
    return {"statusCode": status, "headers": {"Content-Type": "application/json"}, "body": json.dumps(body)}


def handler(event, context):
    query = event.get("queryStringParameters") or {}
    key = (query.get("key") or "").lstrip("/")
    method = (query.get("method") or "PUT").upper()
    if not key or ".." in key.split("/"):
        return answer(400, {"error": 'give the object key as ?key=<name> (no "..")'})
    if method not in METHODS:
        return answer(400, {"error": "method must be PUT or GET"})
    prefix = os.environ.get("KEY_PREFIX", "")
    full_key = key if key.startswith(prefix) else prefix + key
    expires_in = int(os.environ.get("EXPIRES_IN", "900"))
    s3 = boto3.client("s3", config=Config(signature_version="s3v4"))  # Signature V2 is retired
    url = s3.generate_presigned_url(METHODS[method], Params={"Bucket": os.environ["UPLOAD_BUCKET"], "Key": full_key},
                                                    ExpiresIn=expires_in)
    return answer(200, {"url": url, "method": method, "key": full_key, "expires_in": expires_in})
