"""The examples' EventBridge rules, run as triggers: real event shapes (S3 Object Created through
EventBridge with the examples' keys, EMR Cluster State Change) go through each rule's pattern, as the
apps synthesize them, with event_pattern.py's matcher; the test asserts which events start the
rule's target and which do not. The matcher's content filters are checked first against the
EventBridge user guide's examples.

usage: test_event_rules.py APP...   (drdb-synth and the examples' programs)
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from event_pattern import matches, resolved  # noqa: E402
from workflow_app import App, s3_object_created  # noqa: E402


def emr_state_change(name, state, code="ALL_STEPS_COMPLETED"):
    return {"version": "0", "id": "1", "detail-type": "EMR Cluster State Change", "source": "aws.emr", "account": "123456789012",
            "time": "2026-12-01T10:00:00Z", "region": "us-east-1", "resources": [],
            "detail": {"severity": "INFO", "stateChangeReason": json.dumps({"code": code, "message": "..."}), "name": name,
                       "clusterId": "j-1ABC", "state": state, "message": "Amazon EMR Cluster j-1ABC has terminated"}}


def emr_step_change(state):
    return {"version": "0", "id": "2", "detail-type": "EMR Step Status Change", "source": "aws.emr", "account": "123456789012",
            "time": "2026-12-01T10:00:00Z", "region": "us-east-1", "resources": [],
            "detail": {"severity": "INFO", "actionOnFailure": "CANCEL_AND_WAIT", "stepId": "s-1", "name": "load", "clusterId": "j-1ABC",
                       "state": state, "message": "Step s-1 (load) in Amazon EMR cluster j-1ABC is " + state}}


def tracked_cluster(name):
    """The rules of a platform whose runs a tracker keeps current and a relauncher relaunches."""
    return {
        "StepChanged": {"running": (emr_step_change("RUNNING"), True), "failed": (emr_step_change("FAILED"), True),
                        "completed": (emr_step_change("COMPLETED"), False), "pending": (emr_step_change("PENDING"), False)},
        "ClusterEnded": {"terminated": (emr_state_change(name, "TERMINATED"), True),
                         "terminated with errors": (emr_state_change(name, "TERMINATED_WITH_ERRORS", "INTERNAL_ERROR"), True),
                         "running": (emr_state_change(name, "RUNNING"), False),
                         "another cluster": (emr_state_change("drdb-intraday", "TERMINATED"), False)},
        "ClusterFailed": {"terminated with errors": (emr_state_change(name, "TERMINATED_WITH_ERRORS", "VALIDATION_ERROR"), True),
                          "terminated by a failed step": (emr_state_change(name, "TERMINATED", "STEP_FAILURE"), True),
                          "all steps completed": (emr_state_change(name, "TERMINATED"), False),
                          "stopped by a user": (emr_state_change(name, "TERMINATED", "USER_REQUEST"), False),
                          "another cluster": (emr_state_change("drdb-pipeline", "TERMINATED_WITH_ERRORS"), False)},
    }


def check_filters():
    """Each content filter, on the user guide's examples."""
    event = {"detail": {"state": "running", "c-count": 5, "d-count": 0, "source-ip": "10.0.0.9", "location": "eu-west-1",
                        "FileName": "ORDERS.PNG", "tags": ["prod", "web"], "empty": None}}
    cases = [
        ({"detail": {"state": ["running"]}}, True), ({"detail": {"state": ["stopped"]}}, False),
        ({"detail": {"tags": ["web"]}}, True),  # an array matches when one element does
        ({"detail": {"empty": [None]}}, True),
        ({"detail": {"location": [{"prefix": "eu-"}]}}, True), ({"detail": {"location": [{"prefix": "us-"}]}}, False),
        ({"detail": {"FileName": [{"suffix": ".PNG"}]}}, True), ({"detail": {"FileName": [{"suffix": ".png"}]}}, False),
        ({"detail": {"FileName": [{"suffix": {"equals-ignore-case": ".png"}}]}}, True),
        ({"detail": {"location": [{"prefix": {"equals-ignore-case": "EU-"}}]}}, True),
        ({"detail": {"FileName": [{"equals-ignore-case": "orders.png"}]}}, True),
        ({"detail": {"FileName": [{"wildcard": "ORD*.P?G"}]}}, False), ({"detail": {"FileName": [{"wildcard": "ORD*.PNG"}]}}, True),
        ({"detail": {"state": [{"anything-but": "stopped"}]}}, True), ({"detail": {"state": [{"anything-but": ["running", "x"]}]}}, False),
        ({"detail": {"location": [{"anything-but": {"prefix": "us-"}}]}}, True),
        ({"detail": {"FileName": [{"anything-but": {"suffix": ".PNG"}}]}}, False),
        ({"detail": {"FileName": [{"anything-but": {"wildcard": "*.JPG"}}]}}, True),
        ({"detail": {"missing": [{"anything-but": "x"}]}}, False),
        ({"detail": {"c-count": [{"numeric": [">", 0, "<=", 5]}]}}, True), ({"detail": {"d-count": [{"numeric": [">", 0]}]}}, False),
        ({"detail": {"c-count": [{"numeric": ["=", 5]}]}}, True), ({"detail": {"state": [{"numeric": [">", 0]}]}}, False),
        ({"detail": {"c-count": [5]}}, True), ({"detail": {"c-count": ["5"]}}, False),
        ({"detail": {"source-ip": [{"cidr": "10.0.0.0/24"}]}}, True),
        ({"detail": {"state": [{"exists": True}]}}, True), ({"detail": {"missing": [{"exists": False}]}}, True),
        ({"detail": {"state": [{"exists": False}]}}, False), ({"detail": {"missing": [{"exists": True}]}}, False),
        ({"detail": {"$or": [{"state": ["stopped"]}, {"c-count": [{"numeric": [">", 4]}]}]}}, True),
        ({"source": ["aws.s3"]}, False),
    ]
    for pattern, expected in cases:
        assert matches(pattern, event) == expected, (pattern, expected)
    return len(cases)


def uploads(bucket, keys):
    return {key: s3_object_created(bucket, key) for key in keys}


# (app, rule logical id prefix) -> {event label: (event, whether it starts the target)}. A rule's
# bucket name is a reference to the bucket: the events name it by its logical id, as the pattern
# does once references are replaced the same way.
EXPECTATIONS = {
    ("drdb", "IngestOnUpload"): {
        **{k: (e, True) for k, e in uploads("Landing", ["incoming/2026-12-01/sales.csv", "incoming/a", "incoming/"]).items()},
        **{k: (e, False) for k, e in uploads("Landing", ["Incoming/a.csv", "landing/incoming/a.csv", "outgoing/a.csv"]).items()},
        "another bucket": (s3_object_created("Other", "incoming/a.csv"), False),
        "a deletion": ({**s3_object_created("Landing", "incoming/a.csv"), "detail-type": "Object Deleted"}, False),
    },
    ("pipeline", "IngestOnUpload"): {
        **{k: (e, True) for k, e in uploads("Landing", ["sales/2026-12-01/part-0.parquet"]).items()},
        **{k: (e, False) for k, e in uploads("Landing", ["inventory/2026-12-01/x", "sales"]).items()},
    },
    # Any key of the landing bucket: EventBridge cannot match <database>/<YYYY-MM-DD>/, the launcher checks it.
    ("cyi", "UploadCreated"): {
        **{k: (e, True) for k, e in uploads("Landing", ["sales/2026-12-01/a.csv", "hr/2026-12-01/c.csv", "README.txt"]).items()},
        "another bucket": (s3_object_created("Logs", "sales/2026-12-01/a.csv"), False),
    },
    **{("cyi", rule): events for rule, events in tracked_cluster("drdb-cyi-append").items()},
    ("intraday", "ClusterEnded"): {
        "terminated": (emr_state_change("drdb-intraday", "TERMINATED"), True),
        "terminated with errors": (emr_state_change("drdb-intraday", "TERMINATED_WITH_ERRORS"), True),
        "waiting": (emr_state_change("drdb-intraday", "WAITING"), False),
        "another cluster": (emr_state_change("drdb-pdm", "TERMINATED"), False),
    },
    ("intraday", "ClusterReady"): {
        "running": (emr_state_change("drdb-intraday", "RUNNING"), True),
        "waiting": (emr_state_change("drdb-intraday", "WAITING"), True),
        "starting": (emr_state_change("drdb-intraday", "STARTING"), False),
        "terminated": (emr_state_change("drdb-intraday", "TERMINATED"), False),
        "another cluster": (emr_state_change("drdb-pdm", "RUNNING"), False),
    },
    **{("pdm", rule): events for rule, events in tracked_cluster("drdb-pdm").items()},
    ("pipeline", "ClusterFailed"): {
        "terminated with errors": (emr_state_change("drdb-pipeline", "TERMINATED_WITH_ERRORS"), True),
        "terminated": (emr_state_change("drdb-pipeline", "TERMINATED"), False),
    },
}


def app_name(binary):
    name = os.path.basename(binary)
    return "drdb" if name == "drdb-synth" else name.removeprefix("drdb-example-")


def main(binaries):
    count = check_filters()
    checked = set()
    for binary in binaries:
        name = app_name(binary)
        for logical_id, rule in App(binary).rules().items():
            if "EventPattern" not in rule:
                continue
            (key,) = [k for k in EXPECTATIONS if k[0] == name and logical_id.startswith(k[1])] or [None]
            assert key is not None, f"{name}: rule {logical_id} has no expectations here: add the events it must and must not match"
            pattern = resolved(rule["EventPattern"])
            for label, (event, expected) in EXPECTATIONS[key].items():
                assert matches(pattern, json.loads(json.dumps(event))) == expected, (name, logical_id, label, expected, pattern)
                count += 1
            checked.add(key)
    missing = set(EXPECTATIONS) - checked
    assert not missing, f"rules expected but not found: {sorted(missing)}"
    print(f"workflows: {len(checked)} rules and the content filters matched as expected ({count} events)")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1:])
