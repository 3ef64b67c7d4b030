"""What every job test needs: a job script loaded from examples/<example>/jobs/ as a module (each
script stands alone, so it imports without pyspark), and moto's mock for those that write to S3."""
import contextlib
import importlib.util
import io
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "tests", "handlers"))
from handler_test import SKIP, require_mock  # noqa: E402,F401  the same mock, the same skip


def job_path(example, name):
    return os.path.join(ROOT, "examples", example, "jobs", name)


def load_job(example, name):
    spec = importlib.util.spec_from_file_location(os.path.splitext(name)[0], job_path(example, name))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def refusal(function, *args):
    """What function(*args) prints on stderr when it refuses: (exit code, message)."""
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr):
        try:
            code = function(*args)
        except SystemExit as exit:  # argparse refuses by exiting
            code = exit.code
    return code, stderr.getvalue()
