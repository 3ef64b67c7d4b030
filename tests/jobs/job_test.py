"""What every job test needs: a job script loaded from examples/<example>/jobs/ as a module (each
script stands alone, so it imports without pyspark), and moto's mock for those that write to S3."""
import contextlib
import importlib.util
import io
import os
import sys

SKIP = 77  # ctest SKIP_RETURN_CODE
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def job_path(example, name):
    return os.path.join(ROOT, "examples", example, "jobs", name)


def load_job(example, name):
    spec = importlib.util.spec_from_file_location(os.path.splitext(name)[0], job_path(example, name))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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


def refusal(function, *args):
    """What function(*args) prints on stderr when it refuses: (exit code, message)."""
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr):
        try:
            code = function(*args)
        except SystemExit as exit:  # argparse refuses by exiting
            code = exit.code
    return code, stderr.getvalue()
