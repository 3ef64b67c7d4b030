"""Pre-signed URLs for the upload bucket, behind API Gateway (proxy integration).

GET /upload-url?key=<object key>[&method=PUT|GET] answers {"url", "method", "key", "expires_in"}: a
URL to PUT the object (the default) or to GET it, valid EXPIRES_IN seconds (default 900, at most
S3's 7 days). Keys are confined to KEY_PREFIX (e.g. "incoming/") of UPLOAD_BUCKET: a key is taken
relative to the prefix (a key already starting with it is kept), and refused with 400 when it is
empty, longer than S3's 1024 bytes, or could name anything outside the prefix or differently from
what it says: ".." or "." segments, empty segments ("a//b"), a leading "/", backslashes or control
characters.

A proxy integration passes this function's answer to the browser as it is, so every answer, errors
included, carries Access-Control-Allow-Origin: CORS_ALLOW_ORIGIN (the API's CORS origin) when set.
"""
import json
import os

import boto3
from botocore.config import Config

METHODS = {"PUT": "put_object", "GET": "get_object"}
MAX_EXPIRY = 7 * 24 * 3600  # S3 refuses longer Signature V4 expiries
MAX_KEY_BYTES = 1024


def answer(status, body):
    headers = {"Content-Type": "application/json"}
    origin = os.environ.get("CORS_ALLOW_ORIGIN")
    if origin:
        headers["Access-Control-Allow-Origin"] = origin
        headers["Vary"] = "Origin"
    return {"statusCode": status, "headers": headers, "body": json.dumps(body)}


def key_problem(key):
    """Why `key` may not be used below the prefix, or None."""
    if not key:
        return "give the object key as ?key=<name>"
    if key.startswith("/") or "\\" in key or any(ord(c) < 0x20 or ord(c) == 0x7F for c in key):
        return "the key may not start with / nor hold backslashes or control characters"
    if any(segment in ("", ".", "..") for segment in key.split("/")):
        return 'the key may not have empty, "." or ".." segments'
    return None


def handler(event, context):
    query = event.get("queryStringParameters") or {}
    key = query.get("key") or ""
    method = (query.get("method") or "PUT").upper()
    problem = key_problem(key)
    if problem:
        return answer(400, {"error": problem})
    if method not in METHODS:
        return answer(400, {"error": "method must be PUT or GET"})
    prefix = os.environ.get("KEY_PREFIX", "")
    full_key = key if key.startswith(prefix) else prefix + key
    if len(full_key.encode()) > MAX_KEY_BYTES:
        return answer(400, {"error": f"the key is longer than {MAX_KEY_BYTES} bytes with its prefix"})
    expires_in = min(int(os.environ.get("EXPIRES_IN", "900")), MAX_EXPIRY)
    s3 = boto3.client("s3", config=Config(signature_version="s3v4"))  # Signature V2 is retired
    url = s3.generate_presigned_url(METHODS[method], Params={"Bucket": os.environ["UPLOAD_BUCKET"], "Key": full_key},
                                    ExpiresIn=expires_in)
    return answer(200, {"url": url, "method": method, "key": full_key, "expires_in": expires_in})
