"""What every handler test needs: boto3 and moto's in-process mock (or a skip, a failure in CI),
dummy credentials, and the handler module loaded from its directory under a name."""
import importlib.util
import os
import sys

SKIP = 77  # ctest SKIP_RETURN_CODE


def require_mock():
    """(boto3, mock_aws), with dummy credentials in the environment."""
    try:
        import boto3
        from moto import mock_aws
    except ImportError as missing:
        if os.environ.get("DRDB_REQUIRE_LINT_TOOLS") == "1":
            sys.exit(f"FAIL: {missing.name} is not installed (DRDB_REQUIRE_LINT_TOOLS=1)")
        print(f"SKIP: {missing.name} is not installed", file=sys.stderr)
        sys.exit(SKIP)
    os.environ.update(AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing", AWS_DEFAULT_REGION="us-east-1")
    return boto3, mock_aws


def load_handler(directory, name):
    if directory not in sys.path:
        sys.path.insert(0, directory)  # the handler's own modules, as Lambda finds them
    spec = importlib.util.spec_from_file_location(name, os.path.join(directory, "index.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def directory_argument(usage):
    if len(sys.argv) != 2:
        print(f"usage: {usage} HANDLER_DIR", file=sys.stderr)
        sys.exit(2)
    return sys.argv[1]
